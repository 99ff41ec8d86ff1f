/** Member structures of a pôle: associations, cooperatives, companies, local authorities… */

import type { StructureInput, Structure as StructureView } from "../../shared/api/structures";
import { fold } from "../../shared/collective";
import { canCreateStructure, canEditStructure } from "../../shared/permissions";
import type { DB } from "../db/database";
import { serialize } from "../db/dialect";
import { indexCollective } from "../search/refresh";
import { audit } from "./audit";
import type { Ctx } from "./context";
import { DomainError, forbidden, notFound } from "./errors";
import { newId } from "./ids";
import { requireMember, requireMemberFor } from "./members";
import { parseList } from "./people-of-pole";
import { uniqueTags } from "./person-record";
import { belongsTo } from "./structure-membership";

export async function listStructures(
  { db }: Ctx,
  actorId: string,
  { poleId }: { poleId: string },
): Promise<StructureView[]> {
  await requireMember(db, { poleId, userId: actorId });
  const rows = await db
    .selectFrom("structures")
    .leftJoin("people", (join) =>
      join
        .onRef("people.structure_id", "=", "structures.id")
        .onRef("people.pole_id", "=", "structures.pole_id"),
    )
    .select(({ fn }) => [
      "structures.id",
      "structures.name",
      "structures.legal_form",
      "structures.size_band",
      "structures.sectors",
      "structures.ess",
      fn.count<number>("people.user_id").as("memberCount"),
    ])
    .where("structures.pole_id", "=", poleId)
    .groupBy("structures.id")
    .orderBy("structures.folded_name")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    legalForm: row.legal_form,
    sizeBand: row.size_band,
    sectors: parseList(row.sectors),
    ess: row.ess === 1,
    memberCount: Number(row.memberCount),
  }));
}

/**
 * Inside the transaction that then writes the name: it waits for any other one naming a
 * structure of the pôle, so that two of one name made at once get a 409, not a 500.
 */
async function refuseDuplicate(
  db: DB,
  { poleId, name, exceptId }: { poleId: string; name: string; exceptId?: string },
) {
  await serialize(db, `structure-names:${poleId}`);
  let query = db
    .selectFrom("structures")
    .select("id")
    .where("pole_id", "=", poleId)
    .where("folded_name", "=", fold(name));
  if (exceptId) query = query.where("id", "!=", exceptId);
  if (await query.executeTakeFirst()) {
    throw new DomainError("conflict", `La structure « ${name} » existe déjà dans ce pôle.`);
  }
}

const columns = (input: StructureInput) => ({
  name: input.name,
  folded_name: fold(input.name),
  legal_form: input.legalForm,
  size_band: input.sizeBand,
  sectors: JSON.stringify(uniqueTags(input.sectors)),
  ess: input.ess ? 1 : 0,
});

/** Inside the caller's transaction (also used by onboarding, where a newcomer adds theirs). */
export async function insertStructure(
  db: DB,
  {
    actorId,
    poleId,
    structure: input,
  }: { actorId: string; poleId: string; structure: StructureInput },
  now = Date.now(),
): Promise<string> {
  await refuseDuplicate(db, { poleId, name: input.name });
  const id = newId();
  await db
    .insertInto("structures")
    .values({ id, pole_id: poleId, ...columns(input), created_by: actorId, created_at: now })
    .execute();
  await audit(db, {
    poleId,
    actorId,
    action: "structure.created",
    target: id,
    details: { name: input.name, legalForm: input.legalForm },
  });
  await indexCollective(db, poleId);
  return id;
}

export async function createStructure(
  { db }: Ctx,
  actorId: string,
  { poleId, structure: input }: { poleId: string; structure: StructureInput },
): Promise<StructureView> {
  const member = await requireMember(db, { poleId, userId: actorId });
  if (!canCreateStructure(member)) throw forbidden();
  const id = await db
    .transaction()
    .execute((trx) => insertStructure(trx, { actorId, poleId, structure: input }));
  return { id, ...input, sectors: uniqueTags(input.sectors), memberCount: 0 };
}

export async function updateStructure(
  ctx: Ctx,
  actorId: string,
  { structureId, structure: input }: { structureId: string; structure: StructureInput },
): Promise<StructureView> {
  const { db } = ctx;
  const structure = await db
    .selectFrom("structures")
    .select(["id", "pole_id"])
    .where("id", "=", structureId)
    .executeTakeFirst();
  if (!structure) throw notFound("Structure");
  const poleId = structure.pole_id;
  const member = await requireMemberFor(db, { poleId, userId: actorId }, "Structure");
  if (!canEditStructure(member, await belongsTo(db, { poleId, userId: actorId, structureId }))) {
    throw forbidden("Seules ses personnes et la coordination modifient une structure.");
  }
  await db.transaction().execute(async (trx) => {
    await refuseDuplicate(trx, { poleId, name: input.name, exceptId: structureId });
    await trx
      .updateTable("structures")
      .set(columns(input))
      .where("id", "=", structureId)
      .where("pole_id", "=", poleId)
      .execute();
    await audit(trx, {
      poleId,
      actorId,
      action: "structure.updated",
      target: structureId,
      details: { name: input.name, legalForm: input.legalForm },
    });
    await indexCollective(trx, poleId);
  });
  const views = await listStructures(ctx, actorId, { poleId });
  const view = views.find((s) => s.id === structureId);
  if (!view) throw notFound("Structure");
  return view;
}
