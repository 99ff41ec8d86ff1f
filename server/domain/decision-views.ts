/**
 * A decision as people read it (CONTRACT.md `GET /api/decisions/:id`): the tally of the
 * latest votes, the per-college breakdown, who voted (and how, unless anonymous), the
 * objections with their reasons, and what the reader may do with it.
 */
import type { DecisionView } from "../../shared/api/decisions";
import { canCloseDecision, canVote } from "../../shared/decision-permissions";
import {
  type College,
  outcomeOf,
  type Tally,
  tallyOf,
  type VoteChoice,
  weighColleges,
} from "../../shared/decisions";
import type { Member } from "../../shared/permissions";
import type { DB } from "../db/database";
import type { DecisionRow } from "../db/schema";

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

export interface Voter {
  userId: string;
  name: string;
  role: DecisionView["electorate"][number]["role"];
  collegeId: string | null;
}

export interface Ballot {
  userId: string;
  choice: VoteChoice;
  reason: string;
}

/** The counts that the outcome rules take, from the frozen electorate and latest votes. */
export function countVotes(
  decision: DecisionRow,
  electorate: readonly Voter[],
  ballots: readonly Ballot[],
) {
  const tally: Tally = tallyOf(
    electorate.length,
    ballots.map((ballot) => ballot.choice),
  );
  if (decision.method !== "colleges") return { tally };
  const colleges: College[] = JSON.parse(decision.colleges ?? "[]");
  const collegeOf = new Map(electorate.map((voter) => [voter.userId, voter.collegeId]));
  const weighed = weighColleges(
    colleges,
    ballots.map((ballot) => ({
      collegeId: collegeOf.get(ballot.userId) ?? null,
      choice: ballot.choice,
    })),
  );
  return { tally, colleges: weighed.colleges, weightedResult: weighed.weightedResult };
}

/** The outcome the rules give to these counts. */
export const outcomeFor = (decision: DecisionRow, counts: ReturnType<typeof countVotes>) =>
  outcomeOf({
    method: decision.method,
    quorum: decision.quorum,
    threshold: decision.threshold,
    tally: counts.tally,
    weightedResult: counts.weightedResult,
  });

export async function electorateOf(db: DB, { decisionIds }: { decisionIds: readonly string[] }) {
  if (decisionIds.length === 0) return [];
  return db
    .selectFrom("decision_electorate")
    .innerJoin("users", "users.id", "decision_electorate.user_id")
    .select([
      "decision_electorate.decision_id as decisionId",
      "decision_electorate.user_id as userId",
      "users.name",
      "decision_electorate.role",
      "decision_electorate.college_id as collegeId",
    ])
    .where("decision_electorate.decision_id", "in", decisionIds)
    .orderBy("users.name")
    .execute();
}

export async function latestBallots(db: DB, { decisionIds }: { decisionIds: readonly string[] }) {
  if (decisionIds.length === 0) return [];
  return db
    .selectFrom("decision_votes")
    .select(["decision_id as decisionId", "user_id as userId", "choice", "reason"])
    .where("decision_id", "in", decisionIds)
    .where("latest", "=", 1)
    .orderBy("id")
    .execute();
}

function groupBy<T extends { decisionId: string }>(rows: readonly T[]) {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.decisionId, [...(groups.get(row.decisionId) ?? []), row]);
  return groups;
}

/** Views of several decisions of one pôle, for the reader `userId`, in the order given. */
export async function presentDecisions(
  db: DB,
  {
    userId,
    member,
    decisions,
  }: { userId: string; member: Member; decisions: readonly DecisionRow[] },
): Promise<DecisionView[]> {
  const ids = decisions.map((decision) => decision.id);
  const electorates = groupBy(await electorateOf(db, { decisionIds: ids }));
  const ballots = groupBy(await latestBallots(db, { decisionIds: ids }));
  const circleIds = [...new Set(decisions.map((decision) => decision.circle_id))];
  const authorIds = [
    ...new Set(decisions.flatMap((decision) => (decision.author_id ? [decision.author_id] : []))),
  ];
  const circles = new Map(
    circleIds.length === 0
      ? []
      : (
          await db
            .selectFrom("circles")
            .select(["id", "name"])
            .where("id", "in", circleIds)
            .execute()
        ).map((row) => [row.id, row.name]),
  );
  const authors = new Map(
    authorIds.length === 0
      ? []
      : (
          await db.selectFrom("users").select(["id", "name"]).where("id", "in", authorIds).execute()
        ).map((row) => [row.id, row.name]),
  );
  return decisions.map((decision) => {
    const electorate = electorates.get(decision.id) ?? [];
    const cast = ballots.get(decision.id) ?? [];
    const anonymous = decision.anonymous === 1;
    const byVoter = new Map(cast.map((ballot) => [ballot.userId, ballot]));
    const names = new Map(electorate.map((voter) => [voter.userId, voter.name]));
    const counts = countVotes(decision, electorate, cast);
    const mine = byVoter.get(userId);
    const inElectorate = names.has(userId);
    return {
      id: decision.id,
      poleId: decision.pole_id,
      circleId: decision.circle_id,
      circleName: circles.get(decision.circle_id) ?? "",
      title: decision.title,
      text: decision.text,
      method: decision.method,
      quorum: decision.quorum,
      threshold: decision.threshold,
      anonymous,
      state: decision.state,
      outcome: decision.outcome,
      ...counts,
      author: decision.author_id
        ? { id: decision.author_id, name: authors.get(decision.author_id) ?? "—" }
        : null,
      openedAt: new Date(decision.opened_at).toISOString(),
      closesAt: iso(decision.closes_at),
      closedAt: iso(decision.closed_at),
      amendmentId: decision.amendment_id,
      electorate: electorate.map((voter) => {
        const ballot = byVoter.get(voter.userId);
        return {
          userId: voter.userId,
          name: voter.name,
          role: voter.role,
          collegeId: voter.collegeId,
          voted: ballot !== undefined,
          ...(ballot && !anonymous ? { choice: ballot.choice } : {}),
        };
      }),
      objections: cast
        .filter((ballot) => ballot.choice === "objection")
        .map((ballot) => ({
          name: anonymous ? null : (names.get(ballot.userId) ?? "—"),
          reason: ballot.reason,
        })),
      myVote: mine ? { choice: mine.choice, reason: mine.reason } : null,
      canVote: canVote(inElectorate, decision.state),
      canClose:
        decision.state === "open" &&
        canCloseDecision(member, userId, {
          circleId: decision.circle_id,
          authorId: decision.author_id,
        }),
    } satisfies DecisionView;
  });
}
