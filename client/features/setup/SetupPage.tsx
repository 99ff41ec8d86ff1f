/** First run: create the pôle and its first coordinator (POST /api/setup). */
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { meKey, setupKey, useSetupStatus } from "../../app/session";
import { Loading, Notice, PasswordField, TextField, useDocumentTitle } from "../../app/ui";
import { api, isApiError } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import {
  email,
  type FieldErrors,
  focusFirstInvalid,
  hasErrors,
  password,
  required,
} from "../../lib/validation";

type Field = "poleName" | "name" | "email" | "password";

export function SetupPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("setup.title"));
  const status = useSetupStatus();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ poleName: "", name: "", email: "", password: "" });
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (field: Field) => (value: string) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    if (errors[field]) setErrors((previous) => ({ ...previous, [field]: undefined }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors<Field> = {
      poleName: required(values.poleName, t, 120),
      name: required(values.name, t, 120),
      email: email(values.email, t),
      password: password(values.password, t),
    };
    setErrors(found);
    setSubmitError(null);
    if (hasErrors(found)) {
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setBusy(true);
    try {
      await api.call("POST", "/api/setup", {
        pole: { name: values.poleName.trim() },
        admin: { name: values.name.trim(), email: values.email.trim(), password: values.password },
      });
      queryClient.setQueryData(setupKey, { needed: false });
      await queryClient.invalidateQueries({ queryKey: meKey });
      navigate("/", { replace: true });
    } catch (error) {
      setBusy(false);
      if (isApiError(error, 409)) {
        queryClient.setQueryData(setupKey, { needed: false });
        setSubmitError(t("setup.alreadyDone"));
      } else {
        setSubmitError(errorMessage(error, t));
      }
    }
  }

  if (status.isPending) return <Loading />;

  if (status.data && !status.data.needed) {
    return (
      <div className="page page--narrow">
        <h1>{t("setup.title")}</h1>
        <Notice tone="info">{t("setup.alreadyDone")}</Notice>
        <p>
          <Link to="/login" className="button button--primary">
            {t("setup.goToLogin")}
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div className="page page--narrow">
      <h1>{t("setup.title")}</h1>
      <p className="lead">{t("setup.intro")}</p>
      <p className="muted">{t("setup.whatWeCreate")}</p>
      <form ref={form} className="card form" onSubmit={submit} noValidate>
        {submitError ? (
          <Notice tone="error" focus>
            {submitError}
          </Notice>
        ) : null}
        <fieldset className="fieldset">
          <legend>{t("setup.poleSection")}</legend>
          <TextField
            label={t("fields.poleName")}
            hint={t("fields.poleNameHint")}
            required
            value={values.poleName}
            onChange={(event) => set("poleName")(event.target.value)}
            error={errors.poleName}
            autoComplete="organization"
          />
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t("setup.adminSection")}</legend>
          <TextField
            label={t("fields.yourName")}
            required
            value={values.name}
            onChange={(event) => set("name")(event.target.value)}
            error={errors.name}
            autoComplete="name"
          />
          <TextField
            label={t("fields.email")}
            type="email"
            required
            value={values.email}
            onChange={(event) => set("email")(event.target.value)}
            error={errors.email}
            autoComplete="email"
            spellCheck={false}
          />
          <PasswordField
            value={values.password}
            onChange={set("password")}
            error={errors.password}
            hint={t("fields.passwordHint")}
            autoComplete="new-password"
          />
        </fieldset>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t("setup.submitting") : t("setup.submit")}
          </button>
        </div>
      </form>
    </div>
  );
}
