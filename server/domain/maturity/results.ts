/**
 * A campaign's results: aggregates only (shared/maturity/aggregates.ts withholds any figure
 * from fewer than three people), overall, by circle, by kind of structure, and the previous
 * closed campaign's figures beside them.
 */
import type { CampaignResults, ObjectiveFigures } from "../../../shared/api/maturity";
import { choiceLabels } from "../../../shared/diagnostic/labels";
import {
  ANONYMITY_THRESHOLD,
  type AnswerRecord,
  groupResults,
  indicatorResults,
  objectiveResults,
  priorities,
} from "../../../shared/maturity/aggregates";
import type { Indicator, Rating } from "../../../shared/maturity/referentiel";
import { canReadResults } from "../../../shared/maturity/rules";
import type { DB } from "../../db/database";
import type { MaturityCampaignsTable } from "../../db/schema";
import type { Ctx } from "../context";
import { forbidden } from "../errors";
import { loadCampaign } from "./access";

const asRating = (value: number | null) => value as Rating | null;

async function answersOf(db: DB, campaignId: string): Promise<AnswerRecord[]> {
  const rows = await db
    .selectFrom("maturity_answers")
    .select(["user_id", "indicator_id", "importance", "standing"])
    .where("campaign_id", "=", campaignId)
    .execute();
  return rows.map((row) => ({
    userId: row.user_id,
    indicatorId: row.indicator_id,
    importance: asRating(row.importance),
    standing: asRating(row.standing),
  }));
}

/** Who sits in which circle, and which kind of structure each person comes from. */
async function groupsOf(db: DB, poleId: string, userIds: readonly string[]) {
  if (userIds.length === 0) {
    return {
      circles: new Map<string, string[]>(),
      kinds: new Map<string, string[]>(),
      names: new Map<string, string>(),
    };
  }
  const seats = await db
    .selectFrom("circle_members as m")
    .innerJoin("circles as c", "c.id", "m.circle_id")
    .select(["m.user_id", "c.id", "c.name"])
    .where("m.pole_id", "=", poleId)
    .where("m.user_id", "in", userIds)
    .orderBy("c.created_at")
    .execute();
  const structures = await db
    .selectFrom("people as p")
    .leftJoin("structures as s", "s.id", "p.structure_id")
    .select(["p.user_id", "s.legal_form"])
    .where("p.pole_id", "=", poleId)
    .where("p.user_id", "in", userIds)
    .execute();
  const circles = new Map<string, string[]>(userIds.map((id) => [id, []]));
  const names = new Map<string, string>();
  for (const seat of seats) {
    circles.get(seat.user_id)?.push(seat.id);
    names.set(seat.id, seat.name);
  }
  const kindOf = new Map(structures.map((row) => [row.user_id, row.legal_form ?? "none"]));
  const kinds = new Map(userIds.map((id) => [id, [kindOf.get(id) ?? "none"]]));
  return { circles, kinds, names };
}

const kindLabel = (key: string) => (key === "none" ? "Sans structure" : (choiceLabels[key] ?? key));

/** The campaign of the same pôle closed most recently before this one was opened. */
async function previousCampaign(db: DB, row: MaturityCampaignsTable) {
  return db
    .selectFrom("maturity_campaigns")
    .selectAll()
    .where("pole_id", "=", row.pole_id)
    .where("id", "!=", row.id)
    .where("created_at", "<", row.created_at)
    .where("closed_at", "is not", null)
    .orderBy("created_at", "desc")
    .executeTakeFirst();
}

/** The nine objectives of a campaign: what the dashboard and the funders' report show. */
export async function objectiveFiguresOf(
  db: DB,
  row: MaturityCampaignsTable,
): Promise<ObjectiveFigures> {
  const indicators = JSON.parse(row.indicators) as Indicator[];
  return objectiveResults(indicators, await answersOf(db, row.id));
}

export async function campaignResults(
  { db }: Ctx,
  actorId: string,
  { campaignId, on }: { campaignId: string; on: string },
): Promise<CampaignResults> {
  const campaign = await loadCampaign(db, { campaignId, userId: actorId, on });
  if (!canReadResults(campaign.member, campaign.state)) {
    throw forbidden("Les résultats se lisent une fois la campagne close.");
  }
  const answers = await answersOf(db, campaignId);
  const respondents = await db
    .selectFrom("maturity_respondents")
    .select("user_id")
    .where("campaign_id", "=", campaignId)
    .execute();
  const answering = [...new Set(answers.map((a) => a.userId))];
  const groups = await groupsOf(db, campaign.row.pole_id, answering);
  const indicators = indicatorResults(campaign.indicators, answers);
  const previous = await previousCampaign(db, campaign.row);
  const previousAnswers = previous ? await answersOf(db, previous.id) : [];
  const previousIndicators = previous ? (JSON.parse(previous.indicators) as Indicator[]) : [];
  return {
    campaignId,
    state: campaign.state,
    respondents: respondents.length,
    answered: answering.length,
    threshold: ANONYMITY_THRESHOLD,
    indicators,
    objectives: objectiveResults(campaign.indicators, answers),
    priorities: priorities(indicators),
    byCircle: groupResults(campaign.indicators, answers, groups.circles).map((group) => ({
      ...group,
      label: groups.names.get(group.key) ?? group.key,
    })),
    byStructureKind: groupResults(campaign.indicators, answers, groups.kinds).map((group) => ({
      ...group,
      label: kindLabel(group.key),
    })),
    previous: previous
      ? {
          id: previous.id,
          title: previous.title,
          indicators: indicatorResults(previousIndicators, previousAnswers),
          objectives: objectiveResults(previousIndicators, previousAnswers),
        }
      : null,
  };
}
