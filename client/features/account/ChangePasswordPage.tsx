/** `/compte/mot-de-passe`: a new password; the person's other sessions end. */
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useFields, useSubmit } from "../../app/form";
import { api, isApiError } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { password } from "../../lib/validation";
import { FormActions, OutcomeNotice, PasswordField, useDocumentTitle } from "../../ui/kit";
import { AccountFormPage } from "./AccountFormPage";
import "./strings";

export function ChangePasswordPage() {
  const { t } = useTranslation("account");
  const { t: tc } = useTranslation();
  useDocumentTitle(t("password.changeTitle"));
  const { form, values, errors, set, check } = useFields({ current: "", next: "" });
  const {
    busy,
    error,
    outcome,
    submit: send,
    clear,
  } = useSubmit((caught) =>
    isApiError(caught, 403) ? t("password.wrongCurrent") : errorMessage(caught, tc),
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    const found = {
      current: values.current === "" ? tc("validation.required") : undefined,
      next: password(values.next, tc),
    };
    if (!check(found)) return;
    const done = await send(
      () => api.call("POST", "/api/auth/password", values),
      t("password.changed"),
    );
    if (done) {
      set("current")("");
      set("next")("");
    }
  }

  return (
    <AccountFormPage
      title={t("password.changeTitle")}
      intro={t("password.changeIntro")}
      error={error}
      formRef={form}
      onSubmit={submit}
      after={outcome?.tone === "success" ? <OutcomeNotice outcome={outcome} /> : null}
    >
      <PasswordField
        label={t("password.current")}
        value={values.current}
        onChange={set("current")}
        error={errors.current}
        autoComplete="current-password"
      />
      <PasswordField
        label={t("password.next")}
        value={values.next}
        onChange={set("next")}
        error={errors.next}
        hint={tc("fields.passwordHint")}
        autoComplete="new-password"
      />
      <FormActions busy={busy} label={t("password.change")} busyLabel={t("password.changing")} />
    </AccountFormPage>
  );
}
