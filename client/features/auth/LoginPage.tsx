/** Sign-in (POST /api/auth/login); comes back to `?next=` afterwards. */
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { EmailField, useFields, useSubmit } from "../../app/form";
import { safeNext } from "../../app/guards";
import { useMe, useResetSession, useSetupStatus } from "../../app/session";
import { api, isApiError } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { email } from "../../lib/validation";
import { FormActions, FormError, Loading, PasswordField, useDocumentTitle } from "../../ui/kit";

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("login.title"));
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const me = useMe();
  const setup = useSetupStatus();
  const navigate = useNavigate();
  const reset = useResetSession();
  const { form, values, errors, set, check } = useFields({ email: "", password: "" });
  const {
    busy,
    error,
    submit: send,
    clear,
  } = useSubmit((caught) =>
    isApiError(caught, 401) ? t("login.badCredentials") : errorMessage(caught, t),
  );

  if (setup.data?.needed) return <Navigate to="/setup" replace />;
  if (me.isPending) return <Loading />;
  if (me.data && !busy) return <Navigate to={next} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    const found = {
      email: email(values.email, t),
      password: values.password === "" ? t("validation.required") : undefined,
    };
    if (!check(found)) return;
    await send(async () => {
      await api.call("POST", "/api/auth/login", {
        email: values.email.trim(),
        password: values.password,
      });
      await reset();
      navigate(next, { replace: true });
    });
  }

  return (
    <div className="page page--narrow">
      <h1>{t("login.title")}</h1>
      <p className="lead">{t("login.intro")}</p>
      <form ref={form} className="card form" onSubmit={submit} noValidate>
        <FormError error={error} />
        <EmailField
          value={values.email}
          onChange={set("email")}
          error={errors.email}
          autoComplete="username"
        />
        <PasswordField
          value={values.password}
          onChange={set("password")}
          error={errors.password}
          autoComplete="current-password"
        />
        <FormActions busy={busy} label={t("login.submit")} busyLabel={t("login.submitting")} />
        <p>
          <Link to="/mot-de-passe-oublie">{t("login.forgot")}</Link>
        </p>
      </form>
      <p className="muted">{t("login.noAccount")}</p>
    </div>
  );
}
