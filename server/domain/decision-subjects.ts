/**
 * What a decision is about beyond its own text. A decision on an amendment freezes the
 * amendment at opening and, when it closes, adopts or rejects it. Both hooks run inside
 * the decision's own transaction, so that nothing partial is ever stored; what follows
 * the commit (re-checking open connections, merging an adopted amendment into the
 * charter) is amendment-adoption.ts's, which follows the pôle's decision events.
 */
import type { DecisionOutcome } from "../../shared/decisions";
import type { DB } from "../db/database";
import type { DecisionRow } from "../db/schema";
import { notDraft } from "./amendments";
import { audit } from "./audit";
import { notFound } from "./errors";

export interface OpeningSubject {
  poleId: string;
  decisionId: string;
  amendmentId: string;
}

/** Checks the amendment may be voted on (`draft`, 409 otherwise) and moves it to `voting`. */
export async function openAmendmentVote(trx: DB, subject: OpeningSubject): Promise<void> {
  const amendment = await trx
    .selectFrom("amendments")
    .select("state")
    .where("id", "=", subject.amendmentId)
    .where("pole_id", "=", subject.poleId)
    .executeTakeFirst();
  if (!amendment) throw notFound("Amendement");
  const frozen = await trx
    .updateTable("amendments")
    .set({ state: "voting", decision_id: subject.decisionId })
    .where("id", "=", subject.amendmentId)
    .where("state", "=", "draft")
    .executeTakeFirst();
  if (frozen.numUpdatedRows !== 1n) throw notDraft();
}

/**
 * The amendment the decision was about becomes `adopted` or `rejected` with the
 * decision's outcome; its changes reach the charter right after the commit.
 */
export async function settleAmendment(
  trx: DB,
  { decision, outcome }: { decision: DecisionRow; outcome: DecisionOutcome },
): Promise<void> {
  if (!decision.amendment_id) return;
  const state = outcome === "adopted" ? "adopted" : "rejected";
  const settled = await trx
    .updateTable("amendments")
    .set({ state })
    .where("id", "=", decision.amendment_id)
    .where("state", "=", "voting")
    .executeTakeFirst();
  if (settled.numUpdatedRows !== 1n) return;
  await audit(trx, {
    poleId: decision.pole_id,
    actorId: decision.closed_by,
    action: `amendment.${state}`,
    target: decision.amendment_id,
    details: { decisionId: decision.id, outcome },
  });
}
