/**
 * Self-assessment campaigns: coordinators open them for the whole pôle, a circle or named
 * people (frozen at opening) and close them; the steering committee sets the markers' levels.
 */
import type {
  CampaignSummary,
  CampaignView,
  MarkerLevel,
  OpenCampaignBody,
} from "../../../shared/api/maturity";
import type { Maturity } from "../../../shared/collective";
import { type GodinMarker, godinMarkers } from "../../../shared/maturity/referentiel";
import { canManageCampaigns, canSetMarkerLevels } from "../../../shared/maturity/rules";
import type { DB } from "../../db/database";
import type { MaturityCampaignsTable } from "../../db/schema";
import { audit } from "../audit";
import type { Ctx } from "../context";
import { DomainError, forbidden, notFound } from "../errors";
import { newId } from "../ids";
import { governingCircles, requireMember } from "../members";
import { loadCampaign, lockCampaign, stateOf } from "./access";
import { poleIndicators } from "./referentiel";
import { createMarkersSheet } from "./sheet";

/** The people asked to answer: never the pôle's observers, nor a circle's. */
async function respondentsOf(
  db: DB,
  poleId: string,
  audience: OpenCampaignBody["audience"],
): Promise<string[]> {
  const contributors = db
    .selectFrom("pole_members")
    .select("user_id")
    .where("pole_id", "=", poleId)
    .where("role", "!=", "observer");
  if (audience.kind === "pole") {
    return (await contributors.execute()).map((row) => row.user_id);
  }
  if (audience.kind === "circle") {
    const circle = await db
      .selectFrom("circles")
      .select("id")
      .where("id", "=", audience.circleId)
      .where("pole_id", "=", poleId)
      .where("archived_at", "is", null)
      .where("deleted_at", "is", null)
      .executeTakeFirst();
    if (!circle) throw notFound("Cercle");
    const seats = await contributors
      .where(
        "user_id",
        "in",
        db
          .selectFrom("circle_members")
          .select("user_id")
          .where("circle_id", "=", circle.id)
          .where("role", "in", ["facilitator", "member"]),
      )
      .execute();
    return seats.map((row) => row.user_id);
  }
  const named = [...new Set(audience.userIds)];
  const found = new Set(
    (await contributors.where("user_id", "in", named).execute()).map((row) => row.user_id),
  );
  if (found.size !== named.length) {
    throw new DomainError(
      "invalid_input",
      "Chaque personne interrogée doit être membre du pôle (les observateurs ne répondent pas).",
    );
  }
  return named;
}

export async function startCampaign(
  { db, poleEvents }: Ctx<"poleEvents">,
  actorId: string,
  { poleId, campaign, on }: { poleId: string; campaign: OpenCampaignBody; on: string },
): Promise<CampaignSummary> {
  const member = await requireMember(db, { poleId, userId: actorId });
  if (!canManageCampaigns(member)) {
    throw forbidden("Seule la coordination ouvre une campagne d'auto-évaluation.");
  }
  const respondents = await respondentsOf(db, poleId, campaign.audience);
  if (respondents.length === 0) {
    throw new DomainError("invalid_input", "Personne à interroger : ce cercle n'a pas de membre.");
  }
  const indicators = (await poleIndicators(db, poleId))
    .filter((i) => !i.hidden)
    .map(({ id, objective, label }) => ({ id, objective, label }));
  if (indicators.length === 0) {
    throw new DomainError("invalid_input", "Tous les indicateurs sont masqués.");
  }
  const { steeringId } = await governingCircles(db, poleId);
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const sheet = await createMarkersSheet(trx, {
      poleId,
      steeringId,
      title: campaign.title,
      createdBy: actorId,
    });
    await trx
      .insertInto("maturity_campaigns")
      .values({
        id,
        pole_id: poleId,
        title: campaign.title,
        opens_on: campaign.opensOn,
        closes_on: campaign.closesOn,
        audience: campaign.audience.kind,
        audience_circle_id: campaign.audience.kind === "circle" ? campaign.audience.circleId : null,
        indicators: JSON.stringify(indicators),
        sheet_document_id: sheet.id,
        created_by: actorId,
        created_at: Date.now(),
        closed_at: null,
        closed_by: null,
      })
      .execute();
    await trx
      .insertInto("maturity_respondents")
      .values(respondents.map((userId) => ({ campaign_id: id, user_id: userId })))
      .execute();
    await audit(trx, {
      poleId,
      actorId,
      action: "maturity.campaign_opened",
      target: id,
      details: { title: campaign.title, respondents: respondents.length },
    });
  });
  poleEvents.publish(poleId, { type: "maturity", id });
  const row = await db
    .selectFrom("maturity_campaigns")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  return (await summaries(db, actorId, [row], on))[0];
}

export async function summaries(
  db: DB,
  userId: string,
  rows: MaturityCampaignsTable[],
  on: string,
): Promise<CampaignSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const asked = await db
    .selectFrom("maturity_respondents")
    .select(["campaign_id", "user_id"])
    .where("campaign_id", "in", ids)
    .execute();
  const answers = await db
    .selectFrom("maturity_answers")
    .select(["campaign_id", "user_id"])
    .where("campaign_id", "in", ids)
    .where((eb) => eb.or([eb("importance", "is not", null), eb("standing", "is not", null)]))
    .execute();
  return rows.map((row) => {
    const own = answers.filter((a) => a.campaign_id === row.id);
    return {
      id: row.id,
      title: row.title,
      opensOn: row.opens_on,
      closesOn: row.closes_on,
      state: stateOf(row, on),
      audience: { kind: row.audience, circleId: row.audience_circle_id },
      respondents: asked.filter((a) => a.campaign_id === row.id).length,
      answered: new Set(own.map((a) => a.user_id)).size,
      asked: asked.some((a) => a.campaign_id === row.id && a.user_id === userId),
      myAnswers: own.filter((a) => a.user_id === userId).length,
      sheetDocumentId: row.sheet_document_id,
    };
  });
}

export async function listCampaigns(
  { db }: Ctx,
  actorId: string,
  { poleId, on }: { poleId: string; on: string },
): Promise<CampaignSummary[]> {
  await requireMember(db, { poleId, userId: actorId });
  const rows = await db
    .selectFrom("maturity_campaigns")
    .selectAll()
    .where("pole_id", "=", poleId)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
  return summaries(db, actorId, rows, on);
}

export async function markerLevels(db: DB, campaignId: string): Promise<MarkerLevel[]> {
  const rows = await db
    .selectFrom("maturity_marker_levels")
    .select(["marker", "level"])
    .where("campaign_id", "=", campaignId)
    .execute();
  return godinMarkers.map((marker) => ({
    marker,
    level: rows.find((row) => row.marker === marker)?.level ?? null,
  }));
}

export async function readCampaign(
  { db }: Ctx,
  actorId: string,
  { campaignId, on }: { campaignId: string; on: string },
): Promise<CampaignView> {
  const campaign = await loadCampaign(db, { campaignId, userId: actorId, on });
  const [summary] = await summaries(db, actorId, [campaign.row], on);
  return {
    ...summary,
    indicators: campaign.indicators,
    markers: await markerLevels(db, campaignId),
  };
}

export async function closeCampaign(
  { db, poleEvents }: Ctx<"poleEvents">,
  actorId: string,
  { campaignId, on }: { campaignId: string; on: string },
): Promise<CampaignView> {
  const campaign = await loadCampaign(db, { campaignId, userId: actorId, on });
  if (!canManageCampaigns(campaign.member)) {
    throw forbidden("Seule la coordination clôt une campagne.");
  }
  const alreadyClosed = () => new DomainError("conflict", "Cette campagne est déjà close.");
  if (campaign.row.closed_at !== null) throw alreadyClosed();
  // On a condition: of two closings at once, the second finds it closed.
  const closed = await db.transaction().execute(async (trx) => {
    await lockCampaign(trx, campaignId);
    return trx
      .updateTable("maturity_campaigns")
      .set({ closed_at: Date.now(), closed_by: actorId })
      .where("id", "=", campaignId)
      .where("closed_at", "is", null)
      .executeTakeFirst();
  });
  if (closed.numUpdatedRows !== 1n) throw alreadyClosed();
  await audit(db, {
    poleId: campaign.row.pole_id,
    actorId,
    action: "maturity.campaign_closed",
    target: campaignId,
  });
  poleEvents.publish(campaign.row.pole_id, { type: "maturity", id: campaignId });
  return readCampaign({ db }, actorId, { campaignId, on });
}

export async function setMarkerLevel(
  { db, poleEvents }: Ctx<"poleEvents">,
  actorId: string,
  input: { campaignId: string; marker: GodinMarker; level: Maturity | null; on: string },
): Promise<MarkerLevel[]> {
  const campaign = await loadCampaign(db, { ...input, userId: actorId });
  const { steeringId } = await governingCircles(db, campaign.row.pole_id);
  if (!canSetMarkerLevels(campaign.member, steeringId)) {
    throw forbidden("Le comité de pilotage fixe le niveau de maturité de chaque repère.");
  }
  const { level } = input;
  if (level === null) {
    await db
      .deleteFrom("maturity_marker_levels")
      .where("campaign_id", "=", input.campaignId)
      .where("marker", "=", input.marker)
      .execute();
  } else {
    await db
      .insertInto("maturity_marker_levels")
      .values({
        campaign_id: input.campaignId,
        marker: input.marker,
        level,
        set_by: actorId,
        set_at: Date.now(),
      })
      .onConflict((oc) =>
        oc.columns(["campaign_id", "marker"]).doUpdateSet({
          level,
          set_by: actorId,
          set_at: Date.now(),
        }),
      )
      .execute();
  }
  poleEvents.publish(campaign.row.pole_id, { type: "maturity", id: input.campaignId });
  return markerLevels(db, input.campaignId);
}
