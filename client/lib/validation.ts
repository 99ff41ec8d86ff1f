/** Form checks shared by the pages; each returns an error sentence or undefined. */
import type { TFunction } from "i18next";
import { PASSWORD_MIN } from "../../shared/api/fields";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function required(value: string, t: TFunction, max = 200): string | undefined {
  if (value.trim() === "") return t("validation.required");
  if (value.length > max) return t("validation.tooLong", { max });
  return undefined;
}

export function email(value: string, t: TFunction): string | undefined {
  if (value.trim() === "") return t("validation.required");
  if (!EMAIL.test(value.trim())) return t("validation.email");
  return undefined;
}

export function optionalEmail(value: string, t: TFunction): string | undefined {
  return value.trim() === "" ? undefined : email(value, t);
}

export function password(value: string, t: TFunction): string | undefined {
  if (value === "") return t("validation.required");
  if (value.length < PASSWORD_MIN) return t("validation.passwordTooShort", { count: value.length });
  return undefined;
}

/** Only addresses a person means to follow: web and e-mail links. */
export function safeUrl(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(candidate);
    return ["http:", "https:", "mailto:"].includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

export const hasErrors = <K extends string>(errors: FieldErrors<K>) =>
  Object.values(errors).some((value) => value !== undefined);

/** Puts the focus on the first invalid field of a form, in document order. */
export function focusFirstInvalid(form: HTMLFormElement | null) {
  const field = form?.querySelector<HTMLElement>("[aria-invalid='true']");
  field?.focus();
}
