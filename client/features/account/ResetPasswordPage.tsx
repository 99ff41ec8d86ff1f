/** `/mot-de-passe/:token`: the link of a reset; a new password ends every session. */
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useFields, useSubmit } from "../../app/form";
import { useResetSession } from "../../app/session";
import { api, isApiError } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { password } from "../../lib/validation";
import { FormActions, Notice, PasswordField, useDocumentTitle } from "../../ui/kit";
import { AccountFormPage } from "./AccountFormPage";
import "./strings";

export function ResetPasswordPage() {
  const { t } = useTranslation("account");
  const { t: tc } = useTranslation();
  useDocumentTitle(t("password.resetTitle"));
  const { token = "" } = useParams();
  const forget = useResetSession();
  const { form, values, errors, set, check } = useFields({ password: "" });
  const {
    busy,
    error,
    outcome,
    submit: send,
    clear,
  } = useSubmit((caught) =>
    isApiError(caught, 410) ? t("password.gone") : errorMessage(caught, tc),
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    if (!check({ password: password(values.password, tc) })) return;
    await send(async () => {
      await api.call("POST", "/api/auth/reset", { token, password: values.password });
      // This browser's session, if any, ended with the others.
      await forget();
    }, t("password.resetDone"));
  }

  const succeeded = outcome?.tone === "success";
  return (
    <AccountFormPage
      title={t("password.resetTitle")}
      intro={t("password.resetIntro")}
      error={error}
      formRef={form}
      onSubmit={submit}
      done={
        succeeded ? (
          <Notice tone="success" focus>
            {outcome.text}
          </Notice>
        ) : undefined
      }
      after={
        <p>
          {succeeded ? (
            <Link to="/login" className="button button--primary">
              {t("password.signIn")}
            </Link>
          ) : (
            <Link to="/mot-de-passe-oublie">{t("password.askAgain")}</Link>
          )}
        </p>
      }
    >
      <PasswordField
        label={t("password.next")}
        value={values.password}
        onChange={set("password")}
        error={errors.password}
        hint={tc("fields.passwordHint")}
        autoComplete="new-password"
      />
      <FormActions busy={busy} label={t("password.reset")} busyLabel={t("password.resetting")} />
    </AccountFormPage>
  );
}
