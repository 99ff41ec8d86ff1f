/** Member structures of a pôle: associations, cooperatives, companies, local authorities… */

import type { StructureInput, Structure as StructureView } from "../../shared/api/structures";
import { fold } from "../../shared/collective";
import { canCreateStructure, canEditStructure } from "../../shared/permissions";
import type { DB } from "../db/database";
import { audit } from "./audit";
import { DomainError, forbidden, notFound } from "./errors";
import { newId } from "./ids";
import { requireMember } from "./members";
import { parseList, uniqueTags } from "./people";

export async function listStructures(
  db: DB,
  actorId: string,
  poleId: string,
): Promise<StructureView[]> {
  await requireMember(db, poleId, actorId);
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

async function refuseDuplicate(db: DB, poleId: string, name: string, exceptId?: string) {
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
  actorId: string,
  poleId: string,
  input: StructureInput,
  now = Date.now(),
): Promise<string> {
  await refuseDuplicate(db, poleId, input.name);
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
  return id;
}

export async function createStructure(
  db: DB,
  actorId: string,
  poleId: string,
  input: StructureInput,
): Promise<StructureView> {
  const member = await requireMember(db, poleId, actorId);
  if (!canCreateStructure(member)) throw forbidden();
  const id = await db.transaction().execute((trx) => insertStructure(trx, actorId, poleId, input));
  return { id, ...input, sectors: uniqueTags(input.sectors), memberCount: 0 };
}

export async function updateStructure(
  db: DB,
  actorId: string,
  structureId: string,
  input: StructureInput,
): Promise<StructureView> {
  const structure = await db
    .selectFrom("structures")
    .select(["id", "pole_id"])
    .where("id", "=", structureId)
    .executeTakeFirst();
  if (!structure) throw notFound("Structure");
  const poleId = structure.pole_id;
  const member = await requireMember(db, poleId, actorId).catch(() => {
    throw notFound("Structure");
  });
  const own = await db
    .selectFrom("people")
    .select("user_id")
    .where("pole_id", "=", poleId)
    .where("user_id", "=", actorId)
    .where("structure_id", "=", structureId)
    .executeTakeFirst();
  if (!canEditStructure(member, own !== undefined)) {
    throw forbidden("Seules ses personnes et la coordination modifient une structure.");
  }
  await db.transaction().execute(async (trx) => {
    await refuseDuplicate(trx, poleId, input.name, structureId);
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
  });
  const views = await listStructures(db, actorId, poleId);
  const view = views.find((s) => s.id === structureId);
  if (!view) throw notFound("Structure");
  return view;
}
