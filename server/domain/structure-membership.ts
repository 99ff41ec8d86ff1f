/**
 * Who belongs to a member structure. Belonging gives the right to edit the structure, so
 * joining one is a request that its people or a coordinator accept or refuse; only the
 * first person of an empty structure, or a person a coordinator places, joins at once.
 */
import type { JoinOutcome, StructureRequest } from "../../shared/api/structure-requests";
import {
  canAnswerStructureRequest,
  joinsStructureDirectly,
  type Member,
} from "../../shared/permissions";
import type { DB } from "../db/database";
import { serialize } from "../db/dialect";
import { audit } from "./audit";
import type { Ctx } from "./context";
import { forbidden, notFound } from "./errors";
import { requireMember, requireMemberFor } from "./members";
import { writePerson } from "./person-record";

/** Whether the person currently belongs to the structure. */
export async function belongsTo(
  db: DB,
  { poleId, userId, structureId }: { poleId: string; userId: string; structureId: string },
): Promise<boolean> {
  const row = await db
    .selectFrom("people")
    .select("user_id")
    .where("pole_id", "=", poleId)
    .where("user_id", "=", userId)
    .where("structure_id", "=", structureId)
    .executeTakeFirst();
  return row !== undefined;
}

async function headcount(db: DB, { poleId, structureId }: { poleId: string; structureId: string }) {
  const row = await db
    .selectFrom("people")
    .select(({ fn }) => fn.countAll<number>().as("count"))
    .where("pole_id", "=", poleId)
    .where("structure_id", "=", structureId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

async function setStructure(
  db: DB,
  input: { poleId: string; userId: string; structureId: string | null; actorId: string },
) {
  const { poleId, userId, structureId, actorId } = input;
  await writePerson(db, { poleId, userId, patch: { structureId } });
  await db
    .deleteFrom("structure_requests")
    .where("pole_id", "=", poleId)
    .where("user_id", "=", userId)
    .execute();
  await audit(db, {
    poleId,
    actorId,
    action: structureId ? "structure.joined" : "structure.left",
    target: structureId ?? userId,
    details: { userId },
  });
}

/**
 * A person's structure as asked by `actor` (themself or a coordinator), inside the
 * caller's transaction: joined at once, or a pending request (replacing any other one),
 * or nothing to do. `null` leaves their structure and withdraws any request.
 */
export async function chooseStructureFor(
  db: DB,
  {
    poleId,
    userId,
    structureId,
    actorId,
    actor,
  }: { poleId: string; userId: string; structureId: string | null; actorId: string; actor: Member },
  now = Date.now(),
): Promise<JoinOutcome> {
  const current = await db
    .selectFrom("people")
    .select("structure_id")
    .where("pole_id", "=", poleId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if ((current?.structure_id ?? null) === structureId) return "unchanged";
  // Two people joining an empty structure at once would both find it empty.
  if (structureId !== null) await serialize(db, `structure-people:${structureId}`);
  if (
    structureId === null ||
    joinsStructureDirectly(actor, await headcount(db, { poleId, structureId }))
  ) {
    await setStructure(db, { poleId, userId, structureId, actorId });
    return "joined";
  }
  await db
    .insertInto("structure_requests")
    .values({ pole_id: poleId, user_id: userId, structure_id: structureId, requested_at: now })
    .onConflict((oc) =>
      oc
        .columns(["pole_id", "user_id"])
        .doUpdateSet({ structure_id: structureId, requested_at: now }),
    )
    .execute();
  await audit(db, {
    poleId,
    actorId,
    action: "structure.join_requested",
    target: structureId,
    details: { userId },
  });
  return "requested";
}

/** The structure a person asked to join and waits for, if any. */
export async function pendingStructureOf(
  db: DB,
  { poleId, userId }: { poleId: string; userId: string },
): Promise<{ id: string; name: string } | null> {
  const row = await db
    .selectFrom("structure_requests")
    .innerJoin("structures", "structures.id", "structure_requests.structure_id")
    .select(["structures.id", "structures.name"])
    .where("structure_requests.pole_id", "=", poleId)
    .where("structure_requests.user_id", "=", userId)
    .executeTakeFirst();
  return row ?? null;
}

/** The pending requests the caller may answer: all of them for a coordinator. */
export async function listStructureRequests(
  { db }: Ctx,
  actorId: string,
  { poleId }: { poleId: string },
): Promise<StructureRequest[]> {
  const actor = await requireMember(db, { poleId, userId: actorId });
  const own = await db
    .selectFrom("people")
    .select("structure_id")
    .where("pole_id", "=", poleId)
    .where("user_id", "=", actorId)
    .executeTakeFirst();
  const rows = await db
    .selectFrom("structure_requests")
    .innerJoin("structures", "structures.id", "structure_requests.structure_id")
    .innerJoin("users", "users.id", "structure_requests.user_id")
    .select([
      "structure_requests.structure_id as structureId",
      "structures.name as structureName",
      "structure_requests.user_id as userId",
      "users.name",
      "structure_requests.requested_at as requestedAt",
    ])
    .where("structure_requests.pole_id", "=", poleId)
    .orderBy("structure_requests.requested_at")
    .execute();
  return rows
    .filter((row) => canAnswerStructureRequest(actor, own?.structure_id === row.structureId))
    .map((row) => ({ ...row, requestedAt: new Date(row.requestedAt).toISOString() }));
}

/** The request and the right of the caller over it: its answerers, or the requester (to withdraw). */
async function openRequest(
  db: DB,
  { actorId, structureId, userId }: { actorId: string; structureId: string; userId: string },
) {
  const request = await db
    .selectFrom("structure_requests")
    .select(["pole_id", "structure_id"])
    .where("structure_id", "=", structureId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (!request) throw notFound("Demande");
  const poleId = request.pole_id;
  const actor = await requireMemberFor(db, { poleId, userId: actorId }, "Demande");
  const answers = canAnswerStructureRequest(
    actor,
    await belongsTo(db, { poleId, userId: actorId, structureId }),
  );
  return { poleId, answers };
}

export async function acceptStructureRequest(
  { db }: Ctx,
  actorId: string,
  { structureId, userId }: { structureId: string; userId: string },
): Promise<{ structureId: string; userId: string }> {
  const { poleId, answers } = await openRequest(db, { actorId, structureId, userId });
  if (!answers) {
    throw forbidden(
      "Seules les personnes de la structure et la coordination acceptent une demande.",
    );
  }
  await db.transaction().execute(async (trx) => {
    // Taken on a condition: a request withdrawn or refused meanwhile is not accepted.
    const taken = await trx
      .deleteFrom("structure_requests")
      .where("pole_id", "=", poleId)
      .where("user_id", "=", userId)
      .where("structure_id", "=", structureId)
      .executeTakeFirst();
    if (taken.numDeletedRows !== 1n) throw notFound("Demande");
    await setStructure(trx, { poleId, userId, structureId, actorId });
  });
  return { structureId, userId };
}

/** Refused by an answerer, or withdrawn by the person who asked. */
export async function dropStructureRequest(
  { db }: Ctx,
  actorId: string,
  { structureId, userId }: { structureId: string; userId: string },
) {
  const { poleId, answers } = await openRequest(db, { actorId, structureId, userId });
  if (!answers && actorId !== userId) {
    throw forbidden(
      "Seules les personnes de la structure et la coordination refusent une demande.",
    );
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom("structure_requests")
      .where("pole_id", "=", poleId)
      .where("user_id", "=", userId)
      .execute();
    await audit(trx, {
      poleId,
      actorId,
      action: actorId === userId ? "structure.request_withdrawn" : "structure.request_refused",
      target: structureId,
      details: { userId },
    });
  });
}
