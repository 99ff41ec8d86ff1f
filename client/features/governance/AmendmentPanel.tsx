/**
 * Above an amendment's text: where it stands, why it was proposed, submitting it to the
 * core group's vote, withdrawing it, and its own changes against the text it started from.
 */
import { Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { canOpenDecision } from "../../../shared/decision-permissions";
import { canWithdrawAmendment } from "../../../shared/permissions";
import { errorMessage } from "../../lib/errors";
import { lazyComponent } from "../../lib/lazy";
import { usePoleEvents } from "../../lib/live";
import { Badge, FormError, Loading, Notice } from "../../ui/kit";
import { useOpenDecision } from "../decisions/queries";
import { useAmendmentOf, useWithdrawAmendment } from "./queries";
import { usePoleMember } from "./usePoleMember";
import "./strings";

// The diff view (its own editor, the changeset) loads only when asked for.
const Comparison = lazyComponent(async () => (await import("../history/Comparison")).Comparison);

export function AmendmentPanel({ documentId, poleId }: { documentId: string; poleId: string }) {
  const { t } = useTranslation("governance");
  usePoleEvents(poleId);
  const amendment = useAmendmentOf(documentId);
  const [showChanges, setShowChanges] = useState(false);
  if (!amendment.data) return null;
  const view = amendment.data;
  return (
    <section className="card governance" aria-labelledby="amendment-head">
      <h2 id="amendment-head">{t("amendment.title")}</h2>
      <p>
        <Badge tone={view.state === "draft" ? "edit" : "neutral"}>
          {t(`states.${view.state}`)}
        </Badge>{" "}
        {view.authorName ? t("amendment.author", { name: view.authorName }) : null}{" "}
        <Link to={`/d/${view.charterId}`}>{t("amendment.charter")}</Link>
      </p>
      {view.rationale ? (
        <>
          <h3>{t("amendment.rationale")}</h3>
          <p>{view.rationale}</p>
        </>
      ) : null}
      {view.state === "voting" ? <Notice tone="info">{t("amendment.frozen")}</Notice> : null}
      {view.decisionId ? (
        <p>
          <Link to={`/p/${poleId}/decisions/${view.decisionId}`}>{t("amendment.decision")}</Link>
        </p>
      ) : null}
      {view.state === "draft" ? (
        <DraftActions
          poleId={poleId}
          amendment={{ id: view.id, title: view.title, authorId: view.authorId }}
        />
      ) : null}
      <h3>{t("amendment.changes")}</h3>
      <p className="muted">{t("amendment.changesHint")}</p>
      <button
        type="button"
        className="button button--secondary"
        aria-expanded={showChanges}
        onClick={() => setShowChanges((shown) => !shown)}
      >
        {showChanges ? t("amendment.hideChanges") : t("amendment.showChanges")}
      </button>
      {showChanges ? (
        <Suspense fallback={<Loading />}>
          <Comparison
            documentId={view.documentId}
            fromDocumentId={view.charterId}
            from={view.baseVersionId}
            to="current"
          />
        </Suspense>
      ) : null}
    </section>
  );
}

function DraftActions({
  poleId,
  amendment,
}: {
  poleId: string;
  amendment: { id: string; title: string; authorId: string | null };
}) {
  const { t } = useTranslation("governance");
  const { t: core } = useTranslation();
  const navigate = useNavigate();
  const { member, userId, coreId } = usePoleMember(poleId);
  const open = useOpenDecision(poleId);
  const withdraw = useWithdrawAmendment(amendment.id);
  const canVote = coreId !== null && canOpenDecision(member, coreId);
  const canWithdraw = canWithdrawAmendment(member, amendment.authorId === userId);
  const error = open.error ?? withdraw.error;
  return (
    <div className="form__actions">
      {canVote && coreId ? (
        <button
          type="button"
          className="button button--primary"
          disabled={open.isPending}
          onClick={() =>
            open.mutate(
              {
                circleId: coreId,
                title: t("amendment.decisionTitle", { title: amendment.title }),
                method: "consent",
                amendmentId: amendment.id,
              },
              { onSuccess: (decision) => navigate(`/p/${poleId}/decisions/${decision.id}`) },
            )
          }
        >
          {open.isPending ? t("amendment.submitting") : t("amendment.submitVote")}
        </button>
      ) : null}
      {canWithdraw ? (
        <button
          type="button"
          className="button button--ghost"
          disabled={withdraw.isPending}
          onClick={() => withdraw.mutate()}
        >
          {withdraw.isPending ? t("amendment.withdrawing") : t("amendment.withdraw")}
        </button>
      ) : null}
      {error ? <FormError error={errorMessage(error, core)} /> : null}
    </div>
  );
}
