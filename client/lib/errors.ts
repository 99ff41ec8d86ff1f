import type { TFunction } from "i18next";
import { ApiError, NetworkError } from "./api";

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
