/** The pôle's invitations with their state: showing a pending one's link anew, re-sending it, revoking it. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CreatedInvitation, type Invitation } from "../../../shared/api/invitations";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { formatDate } from "../../lib/i18n";
import { CopyableLink } from "../../ui/CopyableLink";
import { Badge } from "../../ui/kit";
import { invitationsKey } from "./InvitationsPage";

const stateTone = {
  pending: "edit",
  accepted: "neutral",
  expired: "muted",
  revoked: "muted",
} as const;

export function InvitationList({
  poleId,
  invitations,
  circleName,
}: {
  poleId: string;
  invitations: Invitation[];
  circleName(id: string): string;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  /** A renewed link, shown under its invitation; the former link stops working. */
  const [renewed, setRenewed] = useState<{ id: string; url: string } | null>(null);
  const renew = useMutation({
    mutationFn: ({ id, purpose }: { id: string; purpose: "link" | "resend" }) =>
      api.post(`/api/invitations/${encodeURIComponent(id)}/${purpose}`, {}, CreatedInvitation),
    onSuccess: (created, { id, purpose }) => {
      if (purpose === "link") {
        setRenewed({
          id,
          url: new URL(`/invitation/${encodeURIComponent(created.token)}`, location.origin).href,
        });
        setMessage(null);
      } else {
        setRenewed(null);
        setMessage(created.emailed ? t("invitations.resent") : t("invitations.notResent"));
      }
    },
    onError: (error) => setMessage(errorMessage(error, t)),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.call("DELETE", `/api/invitations/${encodeURIComponent(id)}`),
    onSuccess: async () => {
      setMessage(t("invitations.revoked"));
      await queryClient.invalidateQueries({ queryKey: invitationsKey(poleId) });
    },
    onError: (error) => setMessage(errorMessage(error, t)),
  });

  const sorted = [...invitations].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <>
      <p role="status" className="small">
        {message}
      </p>
      {sorted.length === 0 ? <p className="muted">{t("invitations.none")}</p> : null}
      <ul className="invitation-list">
        {sorted.map((invitation) => {
          const who = invitation.email || t("invitations.noEmail");
          return (
            <li key={invitation.id} className="invitation" data-state={invitation.state}>
              <div className="invitation__main">
                <p className="invitation__who">{who}</p>
                <p className="small">
                  {t("invitations.poleRole")} : {t(`poleRoles.${invitation.poleRole}`)}
                </p>
                <ul className="invitation__circles">
                  {invitation.circles.map((seat) => (
                    <li key={seat.circleId}>
                      {circleName(seat.circleId)} · {t(`circleRoles.${seat.role}`)}
                    </li>
                  ))}
                </ul>
                <p className="invitation__dates small muted">
                  {t("invitations.createdAt", {
                    date: formatDate(invitation.createdAt, i18n.language),
                  })}
                  {" · "}
                  {t("invitations.expiresAt", {
                    date: formatDate(invitation.expiresAt, i18n.language),
                  })}
                </p>
                {renewed?.id === invitation.id ? (
                  <>
                    <p className="small">{t("invitations.renewedHint")}</p>
                    <CopyableLink link={renewed.url} label={t("invitations.link")} />
                  </>
                ) : null}
              </div>
              <div className="invitation__side">
                <Badge tone={stateTone[invitation.state]}>
                  {t(`invitations.states.${invitation.state}`)}
                </Badge>
                {invitation.state === "pending" ? (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t("invitations.showLinkLabel", { who })}
                    disabled={renew.isPending}
                    onClick={() => renew.mutate({ id: invitation.id, purpose: "link" })}
                  >
                    {t("invitations.showLink")}
                  </button>
                ) : null}
                {invitation.state === "pending" && invitation.email ? (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t("invitations.resendLabel", { who })}
                    disabled={renew.isPending}
                    onClick={() => renew.mutate({ id: invitation.id, purpose: "resend" })}
                  >
                    {t("invitations.resend")}
                  </button>
                ) : null}
                {invitation.state === "pending" ? (
                  <button
                    type="button"
                    className="button button--danger button--small"
                    aria-label={t("invitations.revokeLabel", { who })}
                    disabled={revoke.isPending && revoke.variables === invitation.id}
                    onClick={() => revoke.mutate(invitation.id)}
                  >
                    {t("invitations.revoke")}
                  </button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
