/** What the pages' forms share: the request behind a submit, checked fields, account fields. */

import type { TFunction } from "i18next";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  email,
  type FieldErrors,
  focusFirstInvalid,
  hasErrors,
  password,
  required,
} from "../lib/validation";
import { type Outcome, PasswordField, TextField } from "../ui/kit";

/**
 * Runs the request behind a form or an action: `busy` while it runs, then the sentence
 * `describe` gives for a failure, or `success` when one is given. Resolves to whether it
 * went through, for the callers that move on afterwards.
 */
export function useSubmit(describe: (error: unknown) => string) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  async function submit(action: () => Promise<unknown>, success?: string): Promise<boolean> {
    setBusy(true);
    setOutcome(null);
    try {
      await action();
      if (success !== undefined) setOutcome({ tone: "success", text: success });
      return true;
    } catch (caught) {
      setOutcome({ tone: "error", text: describe(caught) });
      return false;
    } finally {
      setBusy(false);
    }
  }
  return {
    busy,
    outcome,
    error: outcome?.tone === "error" ? outcome.text : null,
    submit,
    /** Forgets the last outcome, e.g. when the form's own checks stop a new submit. */
    clear: () => setOutcome(null),
  };
}

/**
 * Text fields checked on submit: a change clears that field's error, and `check` shows
 * the errors found and puts the focus on the first invalid field.
 */
export function useFields<F extends string>(initial: Record<F, string>) {
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const set = (field: F) => (value: string) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    setErrors((previous) => ({ ...previous, [field]: undefined }));
  };
  /** True when nothing is wrong. */
  const check = (found: FieldErrors<F>) => {
    setErrors(found);
    if (!hasErrors(found)) return true;
    // After the render that marks the fields invalid.
    requestAnimationFrame(() => focusFirstInvalid(form.current));
    return false;
  };
  return { form, values, errors, set, check };
}

type AccountField = "name" | "email" | "password";

export const accountErrors = (
  values: Record<AccountField, string>,
  t: TFunction,
): FieldErrors<AccountField> => ({
  name: required(values.name, t, 120),
  email: email(values.email, t),
  password: password(values.password, t),
});

export const accountBody = (values: Record<AccountField, string>) => ({
  name: values.name.trim(),
  email: values.email.trim(),
  password: values.password,
});

/** Name, e-mail and a new password: the fields of every new account. */
export function AccountFields({
  values,
  errors,
  set,
  nameLabel,
}: {
  values: Record<AccountField, string>;
  errors: FieldErrors<AccountField>;
  set(field: AccountField): (value: string) => void;
  nameLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={nameLabel}
        required
        value={values.name}
        onChange={(event) => set("name")(event.target.value)}
        error={errors.name}
        autoComplete="name"
      />
      <EmailField
        value={values.email}
        onChange={set("email")}
        error={errors.email}
        autoComplete="email"
      />
      <PasswordField
        value={values.password}
        onChange={set("password")}
        error={errors.password}
        hint={t("fields.passwordHint")}
        autoComplete="new-password"
      />
    </>
  );
}

/** The e-mail that signs a person in: "username" on the sign-in form, "email" for a new account. */
export function EmailField({
  value,
  onChange,
  error,
  autoComplete,
}: {
  value: string;
  onChange(value: string): void;
  error?: string;
  autoComplete: "username" | "email";
}) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t("fields.email")}
      type="email"
      required
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
      autoComplete={autoComplete}
      spellCheck={false}
    />
  );
}
