/** The pôle's profile (DOMAIN.md): territory, kind, action logics, maturity, formalisation. */

import type { PoleProfileInput, PoleProfile as PoleProfileView } from "../../shared/api/poles";
import type { ActionLogic } from "../../shared/collective";
import { canEditPoleProfile } from "../../shared/permissions";
import type { DB } from "../db/database";
import { audit } from "./audit";
import type { Ctx } from "./context";
import { forbidden } from "./errors";
import { requireMember } from "./members";
import { parseList } from "./people-of-pole";
import { uniqueTags } from "./person-record";

const empty: PoleProfileView = {
  territory: "",
  communes: [],
  kind: null,
  actionLogics: [],
  maturity: null,
  formalisation: null,
  carryingStructure: "",
  hasPlace: false,
  place: "",
  updatedAt: null,
};

async function readProfile(db: DB, poleId: string): Promise<PoleProfileView> {
  const row = await db
    .selectFrom("pole_profiles")
    .selectAll()
    .where("pole_id", "=", poleId)
    .executeTakeFirst();
  if (!row) return empty;
  return {
    territory: row.territory,
    communes: parseList(row.communes),
    kind: row.kind,
    actionLogics: parseList(row.action_logics) as ActionLogic[],
    maturity: row.maturity,
    formalisation: row.formalisation,
    carryingStructure: row.carrying_structure,
    hasPlace: row.has_place === 1,
    place: row.place,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Every member reads it; outsiders get 404 like for anything of the pôle. */
export async function getPoleProfile({ db }: Ctx, actorId: string, { poleId }: { poleId: string }) {
  await requireMember(db, { poleId, userId: actorId });
  return readProfile(db, poleId);
}

export async function updatePoleProfile(
  { db }: Ctx,
  actorId: string,
  { poleId, profile: input }: { poleId: string; profile: PoleProfileInput },
): Promise<PoleProfileView> {
  const now = Date.now();
  const member = await requireMember(db, { poleId, userId: actorId });
  if (!canEditPoleProfile(member)) {
    throw forbidden("Seuls les coordinateurs modifient le profil du pôle.");
  }
  const before = await readProfile(db, poleId);
  const next: PoleProfileInput = {
    ...input,
    communes: uniqueTags(input.communes),
    // A place is described only when there is one.
    place: input.hasPlace ? input.place : "",
  };
  const changed = (Object.keys(next) as Array<keyof PoleProfileInput>).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(next[key]),
  );
  const values = {
    territory: next.territory,
    communes: JSON.stringify(next.communes),
    kind: next.kind,
    action_logics: JSON.stringify(next.actionLogics),
    maturity: next.maturity,
    formalisation: next.formalisation,
    carrying_structure: next.carryingStructure,
    has_place: next.hasPlace ? 1 : 0,
    place: next.place,
    updated_at: now,
    updated_by: actorId,
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("pole_profiles")
      .values({ pole_id: poleId, ...values })
      .onConflict((oc) => oc.column("pole_id").doUpdateSet(values))
      .execute();
    await audit(trx, {
      poleId,
      actorId,
      action: "profile.updated",
      target: poleId,
      details: { changed },
    });
  });
  return readProfile(db, poleId);
}
