/**
 * What a decision is about beyond its own text. A decision on an amendment freezes the
 * amendment at opening and, when it closes, adopts or rejects it. Both hooks run inside
 * the decision's own transaction, so that nothing partial is ever stored. Amendments
 * are not built yet: until they are, no amendment exists to vote on.
 */
import type { DecisionOutcome } from "../../shared/decisions";
import type { DB } from "../db/database";
import type { DecisionRow } from "../db/schema";
import { notFound } from "./errors";

export interface OpeningSubject {
  poleId: string;
  decisionId: string;
  amendmentId: string;
}

/** Checks the amendment may be voted on (`draft`) and moves it to `voting`. */
export async function openAmendmentVote(_trx: DB, _subject: OpeningSubject): Promise<void> {
  throw notFound("Amendement");
}

/** Adopts (merges into the charter) or rejects the amendment the decision was about. */
export async function settleAmendment(
  _trx: DB,
  _settled: { decision: DecisionRow; outcome: DecisionOutcome },
): Promise<void> {}
