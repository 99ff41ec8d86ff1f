/**
 * The pôle-wide portfolio, read from the boards' SQL projection (never from a Y.Doc):
 * every project of every thematic group, with the totals of shared/boards.ts.
 */
import type {
  NeedWithProjects,
  Portfolio,
  PortfolioProject,
  UpcomingMilestone,
} from "../../shared/api/boards";
import { type FundingState, fundingStates, summarizePortfolio } from "../../shared/boards";
import { isOneOf } from "../../shared/one-of";
import type { Ctx } from "./context";
import { requireMember } from "./members";

/** The portfolio, plus the names the exports print beside the ids. */
export interface PortfolioDetail extends Portfolio {
  poleName: string;
  groups: Record<string, string>;
  milestones: UpcomingMilestone[];
}

const isState = (value: string): value is FundingState => isOneOf(fundingStates, value);

/** Every member of the pôle, observers included, reads the whole portfolio. */
export async function loadPortfolio(
  { db }: Ctx,
  userId: string,
  { poleId }: { poleId: string },
): Promise<Portfolio> {
  await requireMember(db, { poleId, userId });
  const cards = await db
    .selectFrom("board_cards as c")
    .innerJoin("documents as d", "d.id", "c.board_id")
    .select([
      "c.board_id",
      "c.card_id",
      "c.title",
      "c.column_title",
      "c.jobs_created",
      "c.jobs_kept",
      "d.circle_id",
    ])
    .where("c.pole_id", "=", poleId)
    .where("d.pole_id", "=", poleId)
    .where("d.kind", "=", "board")
    .orderBy("d.title")
    .orderBy("d.id")
    .orderBy("c.column_position")
    .orderBy("c.position")
    .execute();
  const lines = await db
    .selectFrom("board_card_funding")
    .select(["board_id", "card_id", "funder", "amount_cents", "state", "year"])
    .where("pole_id", "=", poleId)
    .orderBy("board_id")
    .orderBy("card_id")
    .orderBy("position")
    .execute();
  const funding = new Map<string, PortfolioProject["funding"]>();
  for (const line of lines) {
    if (!isState(line.state)) continue;
    const key = `${line.board_id}/${line.card_id}`;
    const list = funding.get(key) ?? [];
    list.push({
      funder: line.funder,
      amount: line.amount_cents / 100,
      state: line.state,
      year: line.year,
    });
    funding.set(key, list);
  }
  const projects: PortfolioProject[] = cards.map((card) => ({
    id: card.card_id,
    title: card.title,
    boardId: card.board_id,
    circleId: card.circle_id,
    columnTitle: card.column_title,
    jobsCreated: card.jobs_created,
    jobsKept: card.jobs_kept,
    funding: funding.get(`${card.board_id}/${card.card_id}`) ?? [],
  }));
  return { projects, totals: summarizePortfolio(projects).totals };
}

/** Milestones not done yet, from `today` (YYYY-MM-DD) on, soonest first. */
export async function upcomingMilestones(
  { db }: Ctx,
  userId: string,
  { poleId, today, limit = 50 }: { poleId: string; today: string; limit?: number },
): Promise<UpcomingMilestone[]> {
  await requireMember(db, { poleId, userId });
  const rows = await db
    .selectFrom("board_card_milestones as m")
    .innerJoin("board_cards as c", (join) =>
      join.onRef("c.board_id", "=", "m.board_id").onRef("c.card_id", "=", "m.card_id"),
    )
    .select(["m.milestone_id", "m.title", "m.date", "m.card_id", "m.board_id", "c.title as card"])
    .where("m.pole_id", "=", poleId)
    .where("m.done", "=", 0)
    .where("m.date", ">=", today)
    .orderBy("m.date")
    .orderBy("c.title")
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.milestone_id,
    title: row.title,
    date: row.date,
    projectId: row.card_id,
    projectTitle: row.card,
    boardId: row.board_id,
  }));
}

export async function loadPortfolioDetail(
  ctx: Ctx,
  userId: string,
  { poleId, today }: { poleId: string; today: string },
): Promise<PortfolioDetail> {
  const { db } = ctx;
  const portfolio = await loadPortfolio(ctx, userId, { poleId });
  const circles = await db
    .selectFrom("circles")
    .select(["id", "name"])
    .where("pole_id", "=", poleId)
    .execute();
  const pole = await db
    .selectFrom("poles")
    .select("name")
    .where("id", "=", poleId)
    .executeTakeFirstOrThrow();
  return {
    ...portfolio,
    poleName: pole.name,
    groups: Object.fromEntries(circles.map((circle) => [circle.id, circle.name])),
    milestones: await upcomingMilestones(ctx, userId, { poleId, today }),
  };
}

/**
 * The diagnostic's needs (from its own projection) and, for each, the projects that answer
 * it: the link from the need's side, for the card dialog and anyone reading the diagnostic.
 */
export async function needsWithProjects(
  { db }: Ctx,
  userId: string,
  { poleId }: { poleId: string },
): Promise<NeedWithProjects[]> {
  await requireMember(db, { poleId, userId });
  const needs = await db
    .selectFrom("diagnostic_rows as r")
    .innerJoin("documents as d", "d.id", "r.document_id")
    .select(["r.row_id", "r.title"])
    .where("r.pole_id", "=", poleId)
    .where("d.pole_id", "=", poleId)
    .where("d.kind", "=", "diagnostic")
    .where("r.registry", "=", "needs")
    .where("r.malformed", "=", 0)
    .where("r.row_id", "is not", null)
    .orderBy("r.position")
    .execute();
  const answers = await db
    .selectFrom("board_card_needs as n")
    .innerJoin("board_cards as c", (join) =>
      join.onRef("c.board_id", "=", "n.board_id").onRef("c.card_id", "=", "n.card_id"),
    )
    .select(["n.need_id", "c.card_id", "c.title", "c.board_id"])
    .where("n.pole_id", "=", poleId)
    .orderBy("c.title")
    .execute();
  return needs.flatMap((need) =>
    need.row_id
      ? [
          {
            id: need.row_id,
            title: need.title,
            projects: answers
              .filter((answer) => answer.need_id === need.row_id)
              .map((answer) => ({
                id: answer.card_id,
                title: answer.title,
                boardId: answer.board_id,
              })),
          },
        ]
      : [],
  );
}
