/**
 * What coordinators do for or about a person: give a link to choose a new password (when
 * the server sends no e-mail), and remove them from the pôle after a confirmation.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ResetLink } from "../../../shared/api/auth";
import type { PersonDetail } from "../../../shared/api/people";
import { useSubmit } from "../../app/form";
import { api } from "../../lib/api";
import { useProblem } from "../../lib/errors";
import { CopyableLink } from "../../ui/CopyableLink";
import { FormError, Notice } from "../../ui/kit";
import { personPath } from "./queries";
import "./strings";

export function PersonActions({ poleId, person }: { poleId: string; person: PersonDetail }) {
  const { t } = useTranslation("collective");
  return (
    <section className="person-actions" aria-labelledby="person-actions-title">
      <h2 id="person-actions-title">{t("personActions.title")}</h2>
      <ResetLinkAction poleId={poleId} person={person} />
      <RemoveAction poleId={poleId} person={person} />
    </section>
  );
}

function ResetLinkAction({ poleId, person }: { poleId: string; person: PersonDetail }) {
  const { t } = useTranslation("collective");
  const [link, setLink] = useState<string | null>(null);
  const { busy, error, submit } = useSubmit(useProblem());
  return (
    <div className="person-actions__item">
      <FormError error={error} />
      {link ? (
        <CopyableLink link={link} label={t("personActions.resetLink")} data-reset-link="" />
      ) : (
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={busy}
          onClick={() =>
            submit(async () => {
              const issued = await api.post(
                `${personPath(poleId, person.userId)}/password-reset`,
                {},
                ResetLink,
              );
              setLink(issued.url);
            })
          }
        >
          {t("personActions.issueReset")}
        </button>
      )}
      <p className="small muted">{t("personActions.issueResetHint")}</p>
    </div>
  );
}

function RemoveAction({ poleId, person }: { poleId: string; person: PersonDetail }) {
  const { t } = useTranslation("collective");
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const { busy, error, submit } = useSubmit(useProblem());
  if (!confirming) {
    return (
      <div className="person-actions__item">
        <button
          type="button"
          className="button button--danger button--small"
          onClick={() => setConfirming(true)}
        >
          {t("personActions.remove")}
        </button>
      </div>
    );
  }
  return (
    <div className="person-actions__item">
      <Notice tone="error" title={t("personActions.confirmTitle", { name: person.name })} focus>
        <p>{t("personActions.confirmText")}</p>
      </Notice>
      <FormError error={error} />
      <div className="form__actions">
        <button
          type="button"
          className="button button--danger"
          disabled={busy}
          onClick={() =>
            submit(async () => {
              await api.call("DELETE", personPath(poleId, person.userId));
              await queryClient.invalidateQueries({ queryKey: ["poles", poleId] });
              navigate(`/p/${poleId}/annuaire`, { replace: true });
            })
          }
        >
          {busy ? t("personActions.removing") : t("personActions.confirm", { name: person.name })}
        </button>
        <button type="button" className="button button--ghost" onClick={() => setConfirming(false)}>
          {tc("common.cancel")}
        </button>
      </div>
    </div>
  );
}
