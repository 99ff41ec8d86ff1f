/** Sign-in (POST /api/auth/login); comes back to `?next=` afterwards. */
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { safeNext } from "../../app/guards";
import { useMe, useResetSession, useSetupStatus } from "../../app/session";
import { Loading, Notice, PasswordField, TextField, useDocumentTitle } from "../../app/ui";
import { api, isApiError } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { email, type FieldErrors, focusFirstInvalid, hasErrors } from "../../lib/validation";

type Field = "email" | "password";

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("login.title"));
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const me = useMe();
  const setup = useSetupStatus();
  const navigate = useNavigate();
  const reset = useResetSession();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ email: "", password: "" });
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (setup.data?.needed) return <Navigate to="/setup" replace />;
  if (me.isPending) return <Loading />;
  if (me.data && !busy) return <Navigate to={next} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors<Field> = {
      email: email(values.email, t),
      password: values.password === "" ? t("validation.required") : undefined,
    };
    setErrors(found);
    setSubmitError(null);
    if (hasErrors(found)) {
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setBusy(true);
    try {
      await api.call("POST", "/api/auth/login", {
        email: values.email.trim(),
        password: values.password,
      });
      await reset();
      navigate(next, { replace: true });
    } catch (error) {
      setBusy(false);
      setSubmitError(isApiError(error, 401) ? t("login.badCredentials") : errorMessage(error, t));
    }
  }

  return (
    <div className="page page--narrow">
      <h1>{t("login.title")}</h1>
      <p className="lead">{t("login.intro")}</p>
      <form ref={form} className="card form" onSubmit={submit} noValidate>
        {submitError ? (
          <Notice tone="error" focus>
            {submitError}
          </Notice>
        ) : null}
        <TextField
          label={t("fields.email")}
          type="email"
          required
          value={values.email}
          onChange={(event) => {
            setValues((previous) => ({ ...previous, email: event.target.value }));
            setErrors((previous) => ({ ...previous, email: undefined }));
          }}
          error={errors.email}
          autoComplete="username"
          spellCheck={false}
        />
        <PasswordField
          value={values.password}
          onChange={(password) => {
            setValues((previous) => ({ ...previous, password }));
            setErrors((previous) => ({ ...previous, password: undefined }));
          }}
          error={errors.password}
          autoComplete="current-password"
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t("login.submitting") : t("login.submit")}
          </button>
        </div>
      </form>
      <p className="muted">{t("login.noAccount")}</p>
    </div>
  );
}
