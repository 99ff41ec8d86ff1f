/**
 * Decisions taken in a circle (CONTRACT.md "Governance"): opening with a frozen
 * electorate, voting (every vote kept, the latest counts), closing once with one outcome,
 * and reading them back. Each change is one transaction, then one event on the pôle's
 * stream so that open pages refresh.
 */

import type {
  CloseAnswer,
  DecisionLogQuery,
  DecisionView,
  OpenDecisionBody,
  VoteBody,
} from "../../shared/api/decisions";
import {
  canCloseDecision,
  canOpenDecision,
  canReadDecisions,
  votesIn,
} from "../../shared/decision-permissions";
import { choicesFor, collegeWeightsError, DEFAULT_THRESHOLD } from "../../shared/decisions";
import type { DB } from "../db/database";
import { serialize } from "../db/dialect";
import type { DecisionRow } from "../db/schema";
import { indexDecision } from "../search/refresh";
import { audit } from "./audit";
import { collegesOf } from "./colleges";
import type { Ctx } from "./context";
import { openAmendmentVote, settleAmendment } from "./decision-subjects";
import {
  countVotes,
  electorateOf,
  latestBallots,
  outcomeFor,
  presentDecisions,
} from "./decision-views";
import { DomainError, forbidden, notFound } from "./errors";
import { newId } from "./ids";
import { requireMember, requireMemberFor } from "./members";

const conflict = (message: string) => new DomainError("conflict", message);
const invalid = (message: string) => new DomainError("invalid_input", message);
const alreadyClosed = () => conflict("Cette décision est close : plus aucun vote ni clôture.");

/**
 * Votes and the closing of one decision, one at a time whichever instance takes them: two
 * votes of one person keep one latest, and a vote is either counted or refused as late.
 */
const oneAtATime = (trx: DB, decisionId: string) => serialize(trx, `decision:${decisionId}`);

async function decisionRow(
  db: DB,
  { decisionId }: { decisionId: string },
): Promise<DecisionRow | undefined> {
  return db.selectFrom("decisions").selectAll().where("id", "=", decisionId).executeTakeFirst();
}

/** The decision and its reader; another pôle's decision is as unknown as a missing one. */
async function readable(db: DB, { actorId, decisionId }: { actorId: string; decisionId: string }) {
  const decision = await decisionRow(db, { decisionId });
  if (!decision) throw notFound("Décision");
  const member = await requireMemberFor(
    db,
    { poleId: decision.pole_id, userId: actorId },
    "Décision",
  );
  if (!canReadDecisions(member)) throw notFound("Décision");
  return { decision, member };
}

async function present(
  db: DB,
  { actorId, decisionId }: { actorId: string; decisionId: string },
): Promise<DecisionView> {
  const { decision, member } = await readable(db, { actorId, decisionId });
  const [view] = await presentDecisions(db, { userId: actorId, member, decisions: [decision] });
  if (!view) throw notFound("Décision");
  return view;
}

export const getDecision = ({ db }: Ctx, actorId: string, { decisionId }: { decisionId: string }) =>
  present(db, { actorId, decisionId });

const DAY_MS = 24 * 60 * 60 * 1000;

/** The decision log: newest opened first (ties by id), filtered. */
export async function listDecisions(
  { db }: Ctx,
  actorId: string,
  input: { poleId: string } & DecisionLogQuery,
): Promise<DecisionView[]> {
  const member = await requireMember(db, { poleId: input.poleId, userId: actorId });
  if (!canReadDecisions(member)) throw forbidden();
  let query = db.selectFrom("decisions").selectAll().where("pole_id", "=", input.poleId);
  if (input.circleId) query = query.where("circle_id", "=", input.circleId);
  if (input.state) query = query.where("state", "=", input.state);
  if (input.method) query = query.where("method", "=", input.method);
  if (input.outcome) query = query.where("outcome", "=", input.outcome);
  if (input.from) query = query.where("opened_at", ">=", Date.parse(input.from));
  if (input.to) query = query.where("opened_at", "<", Date.parse(input.to) + DAY_MS);
  const rows = await query.orderBy("opened_at", "desc").orderBy("id", "desc").execute();
  return presentDecisions(db, { userId: actorId, member, decisions: rows });
}

async function frozenColleges(db: DB, poleId: string) {
  const { colleges, members } = await collegesOf(db, { poleId });
  const error = collegeWeightsError(colleges);
  if (error) {
    throw conflict(`Les collèges de vote du pôle ne sont pas prêts pour un vote pondéré. ${error}`);
  }
  return { colleges, collegeOf: new Map(members.map((m) => [m.userId, m.collegeId])) };
}

export async function openDecision(
  { db, poleEvents }: Ctx<"poleEvents">,
  actorId: string,
  input: { poleId: string } & OpenDecisionBody,
  now = Date.now(),
): Promise<DecisionView> {
  const { poleId } = input;
  const member = await requireMember(db, { poleId, userId: actorId });
  const circle = await db
    .selectFrom("circles")
    .select(["id", "name"])
    .where("id", "=", input.circleId)
    .where("pole_id", "=", poleId)
    .executeTakeFirst();
  if (!circle) throw notFound("Cercle");
  if (!canOpenDecision(member, circle.id)) {
    throw forbidden(
      "Seuls les membres et animateurs du cercle, ou la coordination, ouvrent une décision.",
    );
  }
  const closesAt = input.closesAt ? Date.parse(input.closesAt) : null;
  if (closesAt !== null && closesAt <= now) throw invalid("La date de clôture doit être à venir.");
  const seats = await db
    .selectFrom("circle_members")
    .select(["user_id", "role"])
    .where("circle_id", "=", circle.id)
    .execute();
  const voters = seats.filter((seat) => votesIn(seat.role));
  if (voters.length === 0) {
    throw conflict(`« ${circle.name} » n'a ni animateur ni membre : personne ne pourrait voter.`);
  }
  const weighted = input.method === "colleges" ? await frozenColleges(db, poleId) : null;
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("decisions")
      .values({
        id,
        pole_id: poleId,
        circle_id: circle.id,
        author_id: actorId,
        title: input.title,
        text: input.text ?? "",
        method: input.method,
        quorum: input.quorum ?? 0,
        threshold: input.method === "qualified" ? (input.threshold ?? DEFAULT_THRESHOLD) : null,
        anonymous: input.anonymous ? 1 : 0,
        closes_at: closesAt,
        state: "open",
        outcome: null,
        opened_at: now,
        closed_at: null,
        closed_by: null,
        colleges: weighted ? JSON.stringify(weighted.colleges) : null,
        amendment_id: input.amendmentId ?? null,
      })
      .execute();
    await trx
      .insertInto("decision_electorate")
      .values(
        voters.map((seat) => ({
          decision_id: id,
          user_id: seat.user_id,
          role: seat.role,
          college_id: weighted?.collegeOf.get(seat.user_id) ?? null,
        })),
      )
      .execute();
    if (input.amendmentId) {
      await openAmendmentVote(trx, { poleId, decisionId: id, amendmentId: input.amendmentId });
    }
    await audit(
      trx,
      {
        poleId,
        actorId,
        action: "decision.opened",
        target: id,
        details: {
          title: input.title,
          method: input.method,
          circleId: circle.id,
          electorate: voters.length,
        },
      },
      now,
    );
  });
  await indexDecision(db, id);
  poleEvents.publish(poleId, { type: "decision", id });
  return present(db, { actorId, decisionId: id });
}

export async function castVote(
  { db, poleEvents }: Ctx<"poleEvents">,
  actorId: string,
  input: { decisionId: string } & VoteBody,
  now = Date.now(),
): Promise<DecisionView> {
  const { decision } = await readable(db, { actorId, decisionId: input.decisionId });
  const seat = await db
    .selectFrom("decision_electorate")
    .select("user_id")
    .where("decision_id", "=", decision.id)
    .where("user_id", "=", actorId)
    .executeTakeFirst();
  if (!seat) {
    throw forbidden(
      "Vous ne faites pas partie des votants de cette décision, arrêtés à son ouverture.",
    );
  }
  if (decision.state !== "open") throw alreadyClosed();
  const allowed = choicesFor(decision.method);
  if (!allowed.includes(input.choice)) {
    throw invalid(`Pour cette décision, votez ${allowed.join(", ")}.`);
  }
  const reason = input.reason ?? "";
  if (input.choice === "objection" && reason === "") {
    throw invalid(
      "Une objection s'accompagne de sa raison : dites ce qui vous empêche de consentir.",
    );
  }
  await db.transaction().execute(async (trx) => {
    await oneAtATime(trx, decision.id);
    const current = await trx
      .selectFrom("decisions")
      .select("state")
      .where("id", "=", decision.id)
      .executeTakeFirstOrThrow();
    if (current.state !== "open") throw alreadyClosed();
    await trx
      .updateTable("decision_votes")
      .set({ latest: 0 })
      .where("decision_id", "=", decision.id)
      .where("user_id", "=", actorId)
      .where("latest", "=", 1)
      .execute();
    await trx
      .insertInto("decision_votes")
      .values({
        decision_id: decision.id,
        user_id: actorId,
        choice: input.choice,
        reason,
        latest: 1,
        at: now,
      })
      .execute();
    await audit(
      trx,
      {
        poleId: decision.pole_id,
        actorId,
        action: "decision.voted",
        target: decision.id,
        // An anonymous decision keeps how each voted in its own table, not in the journal.
        details: decision.anonymous === 1 ? {} : { choice: input.choice, reason },
      },
      now,
    );
  });
  poleEvents.publish(decision.pole_id, { type: "decision", id: decision.id });
  return present(db, { actorId, decisionId: decision.id });
}

/**
 * Closes an open decision once: the state check and the outcome share one transaction,
 * so two closings at once (two people, or a person and the timer) give one outcome and
 * the second one a 409. `actorId` null: closed by its date.
 */
export async function settleDecision(
  { db, poleEvents }: Ctx<"poleEvents">,
  { decisionId, closedBy }: { decisionId: string; closedBy: string | null },
  now = Date.now(),
): Promise<CloseAnswer> {
  const answer = await db.transaction().execute(async (trx) => {
    await oneAtATime(trx, decisionId);
    const decision = await decisionRow(trx, { decisionId });
    if (!decision) throw notFound("Décision");
    if (decision.state !== "open") throw alreadyClosed();
    const counts = countVotes(
      decision,
      await electorateOf(trx, { decisionIds: [decision.id] }),
      await latestBallots(trx, { decisionIds: [decision.id] }),
    );
    const outcome = outcomeFor(decision, counts);
    const closed = await trx
      .updateTable("decisions")
      .set({ state: "closed", outcome, closed_at: now, closed_by: closedBy })
      .where("id", "=", decision.id)
      .where("state", "=", "open")
      .executeTakeFirst();
    if (closed.numUpdatedRows !== 1n) throw alreadyClosed();
    if (decision.amendment_id) await settleAmendment(trx, { decision, outcome });
    await audit(
      trx,
      {
        poleId: decision.pole_id,
        actorId: closedBy,
        action: "decision.closed",
        target: decision.id,
        details: { outcome, tally: counts.tally, weightedResult: counts.weightedResult },
      },
      now,
    );
    return { poleId: decision.pole_id, answer: { outcome, ...counts } };
  });
  poleEvents.publish(answer.poleId, { type: "decision", id: decisionId });
  return answer.answer;
}

export async function closeDecision(
  ctx: Ctx<"poleEvents">,
  actorId: string,
  { decisionId }: { decisionId: string },
): Promise<CloseAnswer> {
  const { decision, member } = await readable(ctx.db, { actorId, decisionId });
  const ref = { circleId: decision.circle_id, authorId: decision.author_id };
  if (!canCloseDecision(member, actorId, ref)) {
    throw forbidden(
      "Seuls l'auteur de la décision, les animateurs du cercle et la coordination la closent.",
    );
  }
  return settleDecision(ctx, { decisionId, closedBy: actorId });
}
