/** `/mot-de-passe-oublie`: asks for a reset link; the answer never says whether it exists. */
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmailField, useFields, useSubmit } from "../../app/form";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { email } from "../../lib/validation";
import { FormActions, Notice, useDocumentTitle } from "../../ui/kit";
import { AccountFormPage } from "./AccountFormPage";
import "./strings";

export function ForgotPasswordPage() {
  const { t } = useTranslation("account");
  const { t: tc } = useTranslation();
  useDocumentTitle(t("password.forgotTitle"));
  const { form, values, errors, set, check } = useFields({ email: "" });
  const {
    busy,
    error,
    outcome,
    submit: send,
    clear,
  } = useSubmit((caught) => errorMessage(caught, tc));

  async function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    if (!check({ email: email(values.email, tc) })) return;
    await send(
      () => api.call("POST", "/api/auth/reset-request", { email: values.email.trim() }),
      t("password.sent"),
    );
  }

  return (
    <AccountFormPage
      title={t("password.forgotTitle")}
      intro={t("password.forgotIntro")}
      error={error}
      formRef={form}
      onSubmit={submit}
      done={
        outcome?.tone === "success" ? (
          <Notice tone="success" focus>
            <p>{outcome.text}</p>
            <p>{t("password.noMailHint")}</p>
          </Notice>
        ) : undefined
      }
      after={
        <p>
          <Link to="/login">{t("password.backToLogin")}</Link>
        </p>
      }
    >
      <EmailField
        value={values.email}
        onChange={set("email")}
        error={errors.email}
        autoComplete="username"
      />
      <FormActions busy={busy} label={t("password.send")} busyLabel={t("password.sending")} />
    </AccountFormPage>
  );
}
