/** `/invitation/:token`: join a pôle, with the current account or a new one. */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { meKey, useMe, usePoleSelection, useResetSession } from "../../app/session";
import { Loading, Notice, PasswordField, TextField, useDocumentTitle } from "../../app/ui";
import { api, isApiError } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { formatDate } from "../../lib/i18n";
import { InvitationPreview } from "../../lib/schemas";
import {
  email as checkEmail,
  password as checkPassword,
  type FieldErrors,
  focusFirstInvalid,
  hasErrors,
  required,
} from "../../lib/validation";

type Field = "name" | "email" | "password";

export function AcceptInvitationPage() {
  const { t, i18n } = useTranslation();
  const { token = "" } = useParams();
  const me = useMe();
  const preview = useQuery({
    queryKey: ["invitation", token],
    queryFn: () => api.get(`/api/invitations/${encodeURIComponent(token)}`, InvitationPreview),
  });
  const title = preview.data
    ? t("accept.title", { pole: preview.data.pole.name })
    : t("accept.titleGeneric");
  useDocumentTitle(title);

  if (preview.isPending || me.isPending) return <Loading />;

  if (preview.isError) {
    const gone = isApiError(preview.error, 410);
    const unknown = isApiError(preview.error, 404);
    return (
      <div className="page page--narrow">
        <h1>{t("accept.titleGeneric")}</h1>
        <Notice tone="error">
          <p>
            {gone
              ? t("accept.gone")
              : unknown
                ? t("accept.unknown")
                : errorMessage(preview.error, t)}
          </p>
          {gone ? <p>{t("accept.goneHint")}</p> : null}
        </Notice>
        <p>
          <Link to="/" className="button button--secondary">
            {t("common.backHome")}
          </Link>
        </p>
      </div>
    );
  }

  const invitation = preview.data;
  return (
    <div className="page page--narrow">
      <h1>{title}</h1>
      <p className="lead">{t("accept.intro", { pole: invitation.pole.name })}</p>
      <p className="muted">
        {t("accept.expires", { date: formatDate(invitation.expiresAt, i18n.language) })}
      </p>
      {me.data ? (
        <JoinAsMember
          token={token}
          poleId={invitation.pole.id}
          name={me.data.user.name}
          email={me.data.user.email}
        />
      ) : (
        <JoinAsNewcomer
          token={token}
          poleId={invitation.pole.id}
          suggestedEmail={invitation.email ?? ""}
        />
      )}
    </div>
  );
}

function useAfterJoin(poleId: string) {
  const navigate = useNavigate();
  const { remember } = usePoleSelection();
  return () => {
    remember(poleId);
    navigate(`/p/${poleId}`, { replace: true });
  };
}

function goneMessage(error: unknown, t: TFunction) {
  if (isApiError(error, 410)) return `${t("accept.gone")} ${t("accept.goneHint")}`;
  if (isApiError(error, 409)) return t("accept.emailTaken");
  return errorMessage(error, t);
}

function JoinAsMember({
  token,
  poleId,
  name,
  email,
}: {
  token: string;
  poleId: string;
  name: string;
  email: string;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const done = useAfterJoin(poleId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function join() {
    setBusy(true);
    setError(null);
    try {
      await api.call("POST", `/api/invitations/${encodeURIComponent(token)}/accept`, {});
      await queryClient.invalidateQueries({ queryKey: meKey });
      done();
    } catch (caught) {
      setBusy(false);
      setError(goneMessage(caught, t));
    }
  }

  return (
    <div className="card form">
      {error ? (
        <Notice tone="error" focus>
          {error}
        </Notice>
      ) : null}
      <p>{t("accept.signedInAs", { name, email })}</p>
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={join} disabled={busy}>
          {busy ? t("accept.joining") : t("accept.join")}
        </button>
      </div>
    </div>
  );
}

function JoinAsNewcomer({
  token,
  poleId,
  suggestedEmail,
}: {
  token: string;
  poleId: string;
  suggestedEmail: string;
}) {
  const { t } = useTranslation();
  const reset = useResetSession();
  const done = useAfterJoin(poleId);
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ name: "", email: suggestedEmail, password: "" });
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (field: Field) => (value: string) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    setErrors((previous) => ({ ...previous, [field]: undefined }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors<Field> = {
      name: required(values.name, t, 120),
      email: checkEmail(values.email, t),
      password: checkPassword(values.password, t),
    };
    setErrors(found);
    setSubmitError(null);
    if (hasErrors(found)) {
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setBusy(true);
    try {
      await api.call("POST", `/api/invitations/${encodeURIComponent(token)}/accept`, {
        name: values.name.trim(),
        email: values.email.trim(),
        password: values.password,
      });
      await reset();
      done();
    } catch (caught) {
      setBusy(false);
      setSubmitError(goneMessage(caught, t));
    }
  }

  const next = encodeURIComponent(`/invitation/${token}`);
  return (
    <>
      <form
        ref={form}
        className="card form"
        onSubmit={submit}
        noValidate
        aria-labelledby="newcomer-title"
      >
        <h2 id="newcomer-title">{t("accept.createAccount")}</h2>
        {submitError ? (
          <Notice tone="error" focus>
            {submitError}
          </Notice>
        ) : null}
        <TextField
          label={t("fields.name")}
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
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t("accept.joining") : t("accept.submit")}
          </button>
        </div>
      </form>
      <p>
        {t("accept.haveAccount")} <Link to={`/login?next=${next}`}>{t("accept.signInFirst")}</Link>
      </p>
    </>
  );
}
