/**
 * The pôle's référentiel: the 2012 indicators and its own, each possibly hidden. Every
 * member reads it; coordinators add indicators and hide or show them.
 */
import type { AddIndicatorBody, IndicatorView } from "../../../shared/api/maturity";
import {
  type Indicator,
  isStandardIndicator,
  objectiveKeys,
  standardIndicators,
} from "../../../shared/maturity/referentiel";
import { canManageCampaigns } from "../../../shared/maturity/rules";
import type { DB } from "../../db/database";
import { audit } from "../audit";
import type { Ctx } from "../context";
import { forbidden, notFound } from "../errors";
import { newId } from "../ids";
import { requireMember } from "../members";

/** Every indicator of the pôle in the référentiel's order: objective, then 2012's, then its own. */
export async function poleIndicators(db: DB, poleId: string): Promise<IndicatorView[]> {
  const own = await db
    .selectFrom("maturity_indicators")
    .select(["id", "objective", "label"])
    .where("pole_id", "=", poleId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const hidden = new Set(
    (
      await db
        .selectFrom("maturity_hidden_indicators")
        .select("indicator_id")
        .where("pole_id", "=", poleId)
        .execute()
    ).map((row) => row.indicator_id),
  );
  const view = (indicator: Indicator, custom: boolean): IndicatorView => ({
    ...indicator,
    custom,
    hidden: hidden.has(indicator.id),
  });
  return objectiveKeys.flatMap((objective) => [
    ...standardIndicators.filter((i) => i.objective === objective).map((i) => view(i, false)),
    ...own.filter((i) => i.objective === objective).map((i) => view(i, true)),
  ]);
}

export async function readReferentiel(
  { db }: Ctx,
  actorId: string,
  { poleId }: { poleId: string },
): Promise<IndicatorView[]> {
  await requireMember(db, { poleId, userId: actorId });
  return poleIndicators(db, poleId);
}

async function requireManager(db: DB, poleId: string, userId: string) {
  const member = await requireMember(db, { poleId, userId });
  if (!canManageCampaigns(member)) {
    throw forbidden("Seule la coordination adapte le référentiel du pôle.");
  }
}

export async function addIndicator(
  { db, poleEvents }: Ctx<"poleEvents">,
  actorId: string,
  { poleId, indicator }: { poleId: string; indicator: AddIndicatorBody },
): Promise<IndicatorView> {
  await requireManager(db, poleId, actorId);
  const id = `x-${newId()}`;
  await db
    .insertInto("maturity_indicators")
    .values({
      id,
      pole_id: poleId,
      objective: indicator.objective,
      label: indicator.label,
      created_by: actorId,
      created_at: Date.now(),
    })
    .execute();
  await audit(db, {
    poleId,
    actorId,
    action: "maturity.indicator_added",
    target: id,
    details: { objective: indicator.objective, label: indicator.label },
  });
  poleEvents.publish(poleId, { type: "maturity", id: poleId });
  return { id, ...indicator, custom: true, hidden: false };
}

export async function setIndicatorHidden(
  { db, poleEvents }: Ctx<"poleEvents">,
  actorId: string,
  { poleId, indicatorId, hidden }: { poleId: string; indicatorId: string; hidden: boolean },
): Promise<IndicatorView> {
  await requireManager(db, poleId, actorId);
  const found = (await poleIndicators(db, poleId)).find((i) => i.id === indicatorId);
  if (!found) throw notFound("Indicateur");
  if (hidden) {
    await db
      .insertInto("maturity_hidden_indicators")
      .values({ pole_id: poleId, indicator_id: indicatorId })
      .onConflict((oc) => oc.doNothing())
      .execute();
  } else {
    await db
      .deleteFrom("maturity_hidden_indicators")
      .where("pole_id", "=", poleId)
      .where("indicator_id", "=", indicatorId)
      .execute();
  }
  await audit(db, {
    poleId,
    actorId,
    action: hidden ? "maturity.indicator_hidden" : "maturity.indicator_shown",
    target: indicatorId,
    details: { standard: isStandardIndicator(indicatorId) },
  });
  poleEvents.publish(poleId, { type: "maturity", id: poleId });
  return { ...found, hidden };
}
