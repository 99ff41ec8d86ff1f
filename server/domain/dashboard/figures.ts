/**
 * The pôle's dashboard: members and structures, circles and who is active in them, the
 * diagnostic's completeness, projects, jobs, funding, governance per quarter and the
 * latest maturity campaign — all read from what the workspace already stores. Every
 * member reads it, observers included; maturity figures follow the campaigns' rules.
 */
import type { Dashboard } from "../../../shared/api/dashboard";
import { summarizePortfolio } from "../../../shared/boards";
import { canReadResults } from "../../../shared/maturity/rules";
import { type Member, poleRoles } from "../../../shared/permissions";
import type { DB } from "../../db/database";
import { loadPortfolio } from "../boards-portfolio";
import type { Ctx } from "../context";
import { diagnosticSummary } from "../diagnostic";
import { stateOf } from "../maturity/access";
import { markerLevels, summaries } from "../maturity/campaigns";
import { objectiveFiguresOf } from "../maturity/results";
import { requireMember } from "../members";
import { cumulative, perQuarter, quartersBetween } from "./quarters";

export const ACTIVE_DAYS = 90;
const DAY = 24 * 60 * 60 * 1000;

function countBy<T>(items: readonly T[], keyOf: (item: T) => string) {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key, "fr"));
}

/** People who left a trace in the workspace since `since`: an audited act, an answer, a vote. */
async function activePeople(db: DB, poleId: string, since: number): Promise<Set<string>> {
  const acted = await db
    .selectFrom("audit_log")
    .select("actor_id")
    .distinct()
    .where("pole_id", "=", poleId)
    .where("at", ">=", since)
    .where("actor_id", "is not", null)
    .execute();
  const answered = await db
    .selectFrom("maturity_answers as a")
    .innerJoin("maturity_campaigns as c", "c.id", "a.campaign_id")
    .select("a.user_id")
    .distinct()
    .where("c.pole_id", "=", poleId)
    .where("a.updated_at", ">=", since)
    .execute();
  const voted = await db
    .selectFrom("decision_votes as v")
    .innerJoin("decisions as d", "d.id", "v.decision_id")
    .select("v.user_id")
    .distinct()
    .where("d.pole_id", "=", poleId)
    .where("v.at", ">=", since)
    .execute();
  return new Set([
    ...acted.flatMap((row) => (row.actor_id ? [row.actor_id] : [])),
    ...answered.map((row) => row.user_id),
    ...voted.map((row) => row.user_id),
  ]);
}

async function circlesWithActivity(db: DB, poleId: string, now: number) {
  const active = await activePeople(db, poleId, now - ACTIVE_DAYS * DAY);
  const circles = await db
    .selectFrom("circles")
    .select(["id", "name", "kind"])
    .where("pole_id", "=", poleId)
    // The circles at work: neither archived nor deleted.
    .where("archived_at", "is", null)
    .where("deleted_at", "is", null)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const seats = await db
    .selectFrom("circle_members")
    .select(["circle_id", "user_id"])
    .where("pole_id", "=", poleId)
    .execute();
  return circles.map((circle) => {
    const people = seats.filter((s) => s.circle_id === circle.id).map((s) => s.user_id);
    return {
      ...circle,
      members: people.length,
      active: people.filter((id) => active.has(id)).length,
    };
  });
}

/**
 * Decisions taken (closed and adopted) per quarter of their closing, and meetings held
 * (closed, their minutes frozen) per quarter of their start.
 */
async function governanceByQuarter(db: DB, poleId: string): Promise<Dashboard["governance"]> {
  const [taken, held] = await Promise.all([
    db
      .selectFrom("decisions")
      .select("closed_at")
      .where("pole_id", "=", poleId)
      .where("state", "=", "closed")
      .where("outcome", "=", "adopted")
      .execute(),
    db
      .selectFrom("meetings")
      .select("starts_at")
      .where("pole_id", "=", poleId)
      .where("state", "=", "closed")
      .execute(),
  ]);
  const decisions = perQuarter(
    taken.flatMap((row) => (row.closed_at === null ? [] : [row.closed_at])),
  );
  const meetings = perQuarter(held.map((row) => row.starts_at));
  const quarters = [...new Set([...decisions, ...meetings].map((q) => q.quarter))].sort();
  const countIn = (list: typeof decisions, quarter: string) =>
    list.find((q) => q.quarter === quarter)?.count ?? 0;
  return quarters.map((quarter) => ({
    quarter,
    decisions: countIn(decisions, quarter),
    meetings: countIn(meetings, quarter),
  }));
}

async function latestCampaign(
  db: DB,
  { actorId, poleId, member, on }: { actorId: string; poleId: string; member: Member; on: string },
) {
  const row = await db
    .selectFrom("maturity_campaigns")
    .selectAll()
    .where("pole_id", "=", poleId)
    // A campaign yet to open has nothing to tell.
    .where("opens_on", "<=", on)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .executeTakeFirst();
  if (!row) return null;
  const [campaign] = await summaries(db, actorId, [row], on);
  return {
    campaign,
    objectives: canReadResults(member, stateOf(row, on)) ? await objectiveFiguresOf(db, row) : null,
    markers: await markerLevels(db, row.id),
  };
}

export async function loadDashboard(
  ctx: Ctx,
  actorId: string,
  { poleId, on, now = Date.now() }: { poleId: string; on: string; now?: number },
): Promise<Dashboard> {
  const { db } = ctx;
  const member = await requireMember(db, { poleId, userId: actorId });
  const pole = await db
    .selectFrom("poles")
    .leftJoin("pole_profiles as p", "p.pole_id", "poles.id")
    .select([
      "poles.name",
      "poles.created_at",
      "p.kind",
      "p.territory",
      "p.action_logics",
      "p.maturity",
      "p.formalisation",
      "p.carrying_structure",
    ])
    .where("poles.id", "=", poleId)
    .executeTakeFirstOrThrow();
  const members = await db
    .selectFrom("pole_members")
    .select(["role", "joined_at"])
    .where("pole_id", "=", poleId)
    .execute();
  const structures = await db
    .selectFrom("structures")
    .select(["legal_form", "created_at"])
    .where("pole_id", "=", poleId)
    .execute();
  // Running totals from the pôle's founding, of which the last three years are shown.
  const quarters = quartersBetween(pole.created_at, now);
  const memberTotals = cumulative(
    quarters,
    members.map((m) => m.joined_at),
  );
  const structureTotals = cumulative(
    quarters,
    structures.map((s) => s.created_at),
  );
  const diagnostic = await db
    .selectFrom("documents")
    .select("id")
    .where("pole_id", "=", poleId)
    .where("kind", "=", "diagnostic")
    .orderBy("created_at")
    .executeTakeFirst();
  const completeness = diagnostic
    ? (await diagnosticSummary(ctx, actorId, { documentId: diagnostic.id })).completeness
    : null;
  const portfolio = summarizePortfolio((await loadPortfolio(ctx, actorId, { poleId })).projects);
  return {
    pole: {
      name: pole.name,
      kind: pole.kind ?? null,
      territory: pole.territory ?? "",
      actionLogics: JSON.parse(pole.action_logics ?? "[]"),
      maturity: pole.maturity ?? null,
      formalisation: pole.formalisation ?? null,
      carryingStructure: pole.carrying_structure ?? "",
    },
    members: {
      total: members.length,
      byRole: poleRoles.map((role) => ({
        key: role,
        count: members.filter((m) => m.role === role).length,
      })),
    },
    structures: { total: structures.length, byKind: countBy(structures, (s) => s.legal_form) },
    growth: quarters
      .map((quarter, index) => ({
        quarter,
        members: memberTotals[index],
        structures: structureTotals[index],
      }))
      .slice(-12),
    circles: await circlesWithActivity(db, poleId, now),
    activeDays: ACTIVE_DAYS,
    diagnostic: completeness
      ? { met: completeness.met, total: completeness.total, criteria: completeness.criteria }
      : null,
    projects: {
      total: portfolio.totals.projects,
      byStage: portfolio.byStage.map((stage) => ({
        key: stage.columnTitle,
        count: stage.projects,
      })),
    },
    jobs: { created: portfolio.totals.jobsCreated, kept: portfolio.totals.jobsKept },
    funding: {
      totals: portfolio.totals.funding,
      byFunder: portfolio.byFunder,
      byYear: portfolio.byYear,
    },
    governance: await governanceByQuarter(db, poleId),
    maturity: await latestCampaign(db, { actorId, poleId, member, on }),
  };
}
