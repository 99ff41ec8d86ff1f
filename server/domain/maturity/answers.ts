/**
 * Each person's own answers: saved field by field as they are typed, read back only by
 * their author (nobody else ever sees them, coordinators included), and only while the
 * campaign is open for the people it asked.
 */
import type { AnswerBody, Evidence, MyAnswer } from "../../../shared/api/maturity";
import { canAnswer } from "../../../shared/maturity/rules";
import type { DB } from "../../db/database";
import type { Ctx } from "../context";
import { DomainError, forbidden, notFound } from "../errors";
import { loadCampaign, lockCampaign } from "./access";

async function isRespondent(db: DB, campaignId: string, userId: string) {
  const row = await db
    .selectFrom("maturity_respondents")
    .select("user_id")
    .where("campaign_id", "=", campaignId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function myAnswers(
  { db }: Ctx,
  actorId: string,
  { campaignId, on }: { campaignId: string; on: string },
): Promise<MyAnswer[]> {
  await loadCampaign(db, { campaignId, userId: actorId, on });
  const rows = await db
    .selectFrom("maturity_answers")
    .selectAll()
    .where("campaign_id", "=", campaignId)
    .where("user_id", "=", actorId)
    .execute();
  return rows.map((row) => ({
    indicatorId: row.indicator_id,
    importance: row.importance,
    standing: row.standing,
    comment: row.comment,
    evidence: JSON.parse(row.evidence) as Evidence[],
    updatedAt: row.updated_at,
  }));
}

/** Evidence points to the pôle's own documents, never elsewhere. */
async function requireOwnDocuments(db: DB, poleId: string, evidence: readonly Evidence[]) {
  const ids = [...new Set(evidence.map((item) => item.documentId))];
  if (ids.length === 0) return;
  const found = await db
    .selectFrom("documents")
    .select("id")
    .where("pole_id", "=", poleId)
    .where("id", "in", ids)
    .execute();
  if (found.length !== ids.length) {
    throw new DomainError("invalid_input", "Une preuve renvoie à un document absent de ce pôle.");
  }
}

const closedCampaign = () =>
  new DomainError("conflict", "Cette campagne est close : les réponses sont figées.");

export async function saveAnswer(
  { db }: Ctx,
  actorId: string,
  input: { campaignId: string; indicatorId: string; answer: AnswerBody; on: string },
): Promise<MyAnswer> {
  const campaign = await loadCampaign(db, { ...input, userId: actorId });
  const respondent = await isRespondent(db, input.campaignId, actorId);
  if (!canAnswer(campaign.member, respondent, campaign.state)) {
    if (campaign.state === "closed") throw closedCampaign();
    if (campaign.state === "scheduled") {
      throw new DomainError("conflict", "Cette campagne n'est pas encore ouverte.");
    }
    throw forbidden("Vous n'êtes pas parmi les personnes interrogées par cette campagne.");
  }
  if (!campaign.indicators.some((i) => i.id === input.indicatorId)) {
    throw notFound("Indicateur");
  }
  const { answer } = input;
  if (answer.evidence) await requireOwnDocuments(db, campaign.row.pole_id, answer.evidence);
  const now = Date.now();
  const changes = {
    ...(answer.importance === undefined ? {} : { importance: answer.importance }),
    ...(answer.standing === undefined ? {} : { standing: answer.standing }),
    ...(answer.comment === undefined ? {} : { comment: answer.comment }),
    ...(answer.evidence === undefined ? {} : { evidence: JSON.stringify(answer.evidence) }),
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await lockCampaign(trx, input.campaignId);
    const current = await trx
      .selectFrom("maturity_campaigns")
      .select("closed_at")
      .where("id", "=", input.campaignId)
      .executeTakeFirstOrThrow();
    if (current.closed_at !== null) throw closedCampaign();
    await trx
      .insertInto("maturity_answers")
      .values({
        campaign_id: input.campaignId,
        user_id: actorId,
        indicator_id: input.indicatorId,
        importance: answer.importance ?? null,
        standing: answer.standing ?? null,
        comment: answer.comment ?? "",
        evidence: JSON.stringify(answer.evidence ?? []),
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(["campaign_id", "user_id", "indicator_id"]).doUpdateSet(changes),
      )
      .execute();
  });
  const mine = await myAnswers({ db }, actorId, input);
  const saved = mine.find((a) => a.indicatorId === input.indicatorId);
  if (!saved) throw notFound("Réponse");
  return saved;
}
