/** `/invitation/:token`: join a pôle, with the current account or a new one. */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { InvitationPreview } from "../../../shared/api/invitations";
import { AccountFields, accountBody, accountErrors, useFields, useSubmit } from "../../app/form";
import { meKey, useMe, usePoleSelection, useResetSession } from "../../app/session";
import { api, isApiError } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { formatDate } from "../../lib/i18n";
import {
  DeadEnd,
  FormActions,
  FormError,
  Loading,
  Notice,
  TitledForm,
  useDocumentTitle,
} from "../../ui/kit";

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
      <DeadEnd title={t("accept.titleGeneric")}>
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
      </DeadEnd>
    );
  }

  const invitation = preview.data;
  return (
    <div className="page page--narrow">
      <h1>{title}</h1>
      <p className="lead">
        {invitation.inviter
          ? t("accept.introBy", { pole: invitation.pole.name, inviter: invitation.inviter.name })
          : t("accept.intro", { pole: invitation.pole.name })}
      </p>
      <section className="card" aria-labelledby="offer-title">
        <h2 id="offer-title">{t("accept.offer")}</h2>
        <ul className="plain-list">
          <li>{t("accept.poleRole", { role: t(`poleRoles.${invitation.poleRole}`) })}</li>
          {invitation.circles.map((circle) => (
            <li key={circle.circleId}>
              {t("accept.seat", {
                circle: circle.name,
                role: t(`circleRoles.${circle.role}`),
                hint: t(`circleRoleHints.${circle.role}`),
              })}
            </li>
          ))}
        </ul>
        {invitation.email ? (
          <p className="muted">{t("accept.forAddress", { email: invitation.email })}</p>
        ) : null}
      </section>
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
  if (isApiError(error, 403)) return t("accept.otherAddress");
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
  const { busy, error, submit } = useSubmit((caught) => goneMessage(caught, t));

  const join = () =>
    submit(async () => {
      await api.call("POST", `/api/invitations/${encodeURIComponent(token)}/accept`, {});
      await queryClient.invalidateQueries({ queryKey: meKey });
      done();
    });

  return (
    <div className="card form">
      <FormError error={error} />
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
  const { form, values, errors, set, check } = useFields({
    name: "",
    email: suggestedEmail,
    password: "",
  });
  const { busy, error, submit: send, clear } = useSubmit((caught) => goneMessage(caught, t));

  async function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    if (!check(accountErrors(values, t))) return;
    await send(async () => {
      await api.call(
        "POST",
        `/api/invitations/${encodeURIComponent(token)}/accept`,
        accountBody(values),
      );
      await reset();
      done();
    });
  }

  const next = encodeURIComponent(`/invitation/${token}`);
  return (
    <>
      <TitledForm formRef={form} title={t("accept.createAccount")} error={error} onSubmit={submit}>
        <AccountFields values={values} errors={errors} set={set} nameLabel={t("fields.name")} />
        <FormActions busy={busy} label={t("accept.submit")} busyLabel={t("accept.joining")} />
      </TitledForm>
      <p>
        {t("accept.haveAccount")} <Link to={`/login?next=${next}`}>{t("accept.signInFirst")}</Link>
      </p>
    </>
  );
}
