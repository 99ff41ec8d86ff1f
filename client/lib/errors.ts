import type { TFunction } from "i18next";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, isApiError, NetworkError } from "./api";

/** A sentence for the person, in their language, for any error a request may throw. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof NetworkError) return t("errors.network");
  if (error instanceof ApiError) {
    switch (error.status) {
      case 400:
        return t("errors.invalidInput");
      case 401:
        return t("errors.unauthorized");
      case 403:
        return t("errors.forbidden");
      case 404:
        return t("errors.notFound");
      case 409:
        return t("errors.conflict");
      case 413:
        return t("errors.tooLarge");
      case 429:
        return t("errors.throttled");
      default:
        return t("errors.unexpected");
    }
  }
  return t("errors.unexpected");
}

/**
 * The server's own French sentence for input it refused (it names the field or the
 * conflict); the generic sentence for anything else.
 */
export function useProblem(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) =>
      isApiError(error) && [400, 409, 410].includes(error.status) && error.message
        ? error.message
        : errorMessage(error, t),
    [t],
  );
}
