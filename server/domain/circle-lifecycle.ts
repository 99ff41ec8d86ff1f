/**
 * A group's life after its creation: renamed (its facilitators or coordinators), archived
 * and restored, or deleted (coordinators). Its board and pages are never lost: archiving
 * or deleting a group archives them (read-only for everyone, listed in the archives) until
 * a coordinator restores them. Only thematic and project groups go through this; the core
 * group and the steering committee stay.
 */
import type { Archives } from "../../shared/api/archives";
import { canArchiveCircle, canRenameCircle } from "../../shared/permissions";
import type { DB } from "../db/database";
import { indexCollective, moveDocumentEntries } from "../search/refresh";
import { audit } from "./audit";
import { circleOfPole, unseat } from "./circles";
import type { Ctx } from "./context";
import { DomainError, forbidden, notFound } from "./errors";
import { lockMembership, requireMember, requireMemberFor } from "./members";

/** A group of the caller's pôle with the caller's right; the core and steering circles are refused. */
async function requireGroup(
  db: DB,
  { actorId, circleId }: { actorId: string; circleId: string },
  may: (member: Awaited<ReturnType<typeof requireMember>>, circleId: string) => boolean,
  refusal: string,
) {
  const circle = await circleOfPole(db, circleId);
  const actor = await requireMemberFor(db, { poleId: circle.pole_id, userId: actorId }, "Cercle");
  const row = await db
    .selectFrom("circles")
    .select(["name", "parent_id", "archived_at", "deleted_at"])
    .where("id", "=", circleId)
    .executeTakeFirstOrThrow();
  if (row.deleted_at !== null) throw notFound("Cercle");
  if (!may(actor, circleId)) throw forbidden(refusal);
  if (circle.kind !== "thematic" && circle.kind !== "project") {
    throw new DomainError(
      "conflict",
      "Le noyau dur et le comité de pilotage restent : seuls les groupes se renomment, s'archivent ou se suppriment.",
    );
  }
  return { ...circle, ...row };
}

export async function renameCircle(
  { db }: Ctx,
  actorId: string,
  { circleId, name }: { circleId: string; name: string },
) {
  const circle = await requireGroup(
    db,
    { actorId, circleId },
    canRenameCircle,
    "Seuls les coordinateurs et les facilitateurs du groupe le renomment.",
  );
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("circles").set({ name }).where("id", "=", circleId).execute();
    await indexCollective(trx, circle.pole_id);
    await audit(trx, {
      poleId: circle.pole_id,
      actorId,
      action: "circle.renamed",
      target: circleId,
      details: { from: circle.name, name },
    });
  });
  return { id: circleId, name };
}

/** The group and, for a thematic group, its project groups: they go and come back together. */
async function groupAndChildren(db: DB, circleId: string) {
  const children = await db
    .selectFrom("circles")
    .select("id")
    .where("parent_id", "=", circleId)
    .where("deleted_at", "is", null)
    .execute();
  return [circleId, ...children.map((child) => child.id)];
}

async function documentsOf(db: DB, circleIds: string[]) {
  return (
    await db.selectFrom("documents").select("id").where("circle_id", "in", circleIds).execute()
  ).map((row) => row.id);
}

/**
 * The groups `ids` and their documents whose archived mark is `from` (null: active) get
 * `to`: archiving is null → now, restoring is that instant → null (what was archived
 * earlier, on its own, stays archived). Answers the groups it moved: of two archivings
 * (or restorings) at once, on any instance, the second moves nothing.
 */
async function moveArchived(
  db: DB,
  { ids, from, to }: { ids: string[]; from: number | null; to: number | null },
): Promise<Set<string>> {
  const op = from === null ? "is" : "=";
  const moved = await db
    .updateTable("circles")
    .set({ archived_at: to })
    .where("id", "in", ids)
    .where("archived_at", op, from)
    .returning("id")
    .execute();
  await db
    .updateTable("documents")
    .set({ archived_at: to })
    .where("circle_id", "in", ids)
    .where("archived_at", op, from)
    .execute();
  return new Set(moved.map((row) => row.id));
}

const COORDINATORS_ONLY = "Seuls les coordinateurs archivent, suppriment ou restaurent un groupe.";

export async function archiveCircle(
  { db, events }: Ctx<"events">,
  actorId: string,
  { circleId }: { circleId: string },
  now = Date.now(),
) {
  const circle = await requireGroup(db, { actorId, circleId }, canArchiveCircle, COORDINATORS_ONLY);
  const alreadyArchived = () => new DomainError("conflict", "Ce groupe est déjà archivé.");
  if (circle.archived_at !== null) throw alreadyArchived();
  const ids = await groupAndChildren(db, circleId);
  const documents = await documentsOf(db, ids);
  await db.transaction().execute(async (trx) => {
    const moved = await moveArchived(trx, { ids, from: null, to: now });
    if (!moved.has(circleId)) throw alreadyArchived();
    await audit(trx, {
      poleId: circle.pole_id,
      actorId,
      action: "circle.archived",
      target: circleId,
      details: { name: circle.name, circles: ids.length, documents: documents.length },
    });
  });
  // Their documents became read-only: open editors are downgraded at once.
  for (const documentId of documents) events.documentMoved(documentId);
}

export async function restoreCircle(
  { db, events }: Ctx<"events">,
  actorId: string,
  { circleId }: { circleId: string },
) {
  const circle = await requireGroup(db, { actorId, circleId }, canArchiveCircle, COORDINATORS_ONLY);
  const notArchived = () => new DomainError("conflict", "Ce groupe n'est pas archivé.");
  if (circle.archived_at === null) throw notArchived();
  if (circle.parent_id) {
    const parent = await db
      .selectFrom("circles")
      .select(["archived_at", "deleted_at"])
      .where("id", "=", circle.parent_id)
      .executeTakeFirst();
    if (parent?.archived_at !== null || parent?.deleted_at !== null) {
      throw new DomainError(
        "conflict",
        "Restaurez d'abord le groupe thématique de ce groupe projet.",
      );
    }
  }
  // What was archived with it (same instant) comes back with it; what was archived before stays.
  const when = circle.archived_at;
  const ids = await groupAndChildren(db, circleId);
  const documents = await documentsOf(db, ids);
  await db.transaction().execute(async (trx) => {
    const moved = await moveArchived(trx, { ids, from: when, to: null });
    if (!moved.has(circleId)) throw notArchived();
    await audit(trx, {
      poleId: circle.pole_id,
      actorId,
      action: "circle.restored",
      target: circleId,
      details: { name: circle.name },
    });
  });
  for (const documentId of documents) events.documentMoved(documentId);
}

/**
 * Deletes a group (and its project groups): everyone leaves it, dated in the history; its
 * documents are archived, readable and restorable; its row stays, marked, for the names.
 */
export async function deleteCircle(
  { db, events }: Ctx<"events">,
  actorId: string,
  { circleId }: { circleId: string },
  now = Date.now(),
) {
  const circle = await requireGroup(db, { actorId, circleId }, canArchiveCircle, COORDINATORS_ONLY);
  const ids = await groupAndChildren(db, circleId);
  const documents = await documentsOf(db, ids);
  const seats = await db.transaction().execute(async (trx) => {
    await lockMembership(trx, circle.pole_id);
    const held = await trx
      .selectFrom("circle_members")
      .select(["circle_id", "user_id"])
      .where("circle_id", "in", ids)
      .execute();
    for (const seat of held) {
      await unseat(trx, {
        poleId: circle.pole_id,
        circleId: seat.circle_id,
        userId: seat.user_id,
        actorId,
      });
    }
    await moveArchived(trx, { ids, from: null, to: now });
    const deleted = await trx
      .updateTable("circles")
      .set({ deleted_at: now })
      .where("id", "in", ids)
      .where("deleted_at", "is", null)
      .returning("id")
      .execute();
    // Deleted meanwhile, on another instance: everything above is rolled back.
    if (!deleted.some((row) => row.id === circleId)) throw notFound("Cercle");
    await indexCollective(trx, circle.pole_id);
    await audit(trx, {
      poleId: circle.pole_id,
      actorId,
      action: "circle.deleted",
      target: circleId,
      details: { name: circle.name, circles: ids.length, documents: documents.length },
    });
    return held;
  });
  for (const userId of new Set(seats.map((seat) => seat.user_id))) {
    events.publish({ poleId: circle.pole_id, userId });
  }
  for (const documentId of documents) events.documentMoved(documentId);
}

/**
 * Restores one archived document. If its group was deleted, it goes to that group's
 * thematic group when that one is active, else it stays without a circle (coordinators
 * edit it, everyone reads it).
 */
export async function restoreDocument(
  { db, events }: Ctx<"events">,
  actorId: string,
  { documentId }: { documentId: string },
) {
  const document = await db
    .selectFrom("documents")
    .leftJoin("circles", "circles.id", "documents.circle_id")
    .select([
      "documents.pole_id",
      "documents.archived_at",
      "documents.circle_id",
      "circles.deleted_at",
      "circles.archived_at as circleArchivedAt",
      "circles.parent_id",
    ])
    .where("documents.id", "=", documentId)
    .executeTakeFirst();
  if (!document) throw notFound("Document");
  const actor = await requireMemberFor(
    db,
    { poleId: document.pole_id, userId: actorId },
    "Document",
  );
  if (!canArchiveCircle(actor))
    throw forbidden("Seuls les coordinateurs restaurent un document archivé.");
  if (document.archived_at === null)
    throw new DomainError("conflict", "Ce document n'est pas archivé.");
  if (document.circleArchivedAt !== null && document.deleted_at === null) {
    throw new DomainError("conflict", "Restaurez le groupe : ses documents reviennent avec lui.");
  }
  let circleId = document.circle_id;
  if (document.deleted_at !== null) {
    const parent = document.parent_id
      ? await db
          .selectFrom("circles")
          .select("id")
          .where("id", "=", document.parent_id)
          .where("archived_at", "is", null)
          .executeTakeFirst()
      : undefined;
    circleId = parent?.id ?? null;
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("documents")
      .set({ archived_at: null, circle_id: circleId })
      .where("id", "=", documentId)
      .execute();
    await moveDocumentEntries(trx, { documentId, circleId });
    await audit(trx, {
      poleId: document.pole_id,
      actorId,
      action: "document.unarchived",
      target: documentId,
      details: { circleId },
    });
  });
  events.documentMoved(documentId);
}

/** Archived groups (restorable) and archived documents, for every member to read. */
export async function listArchives(
  { db }: Ctx,
  actorId: string,
  { poleId }: { poleId: string },
): Promise<Archives> {
  await requireMember(db, { poleId, userId: actorId });
  const circles = await db
    .selectFrom("circles")
    .select(["id", "kind", "name", "archived_at"])
    .where("pole_id", "=", poleId)
    .where("archived_at", "is not", null)
    .where("deleted_at", "is", null)
    .orderBy("archived_at", "desc")
    .execute();
  const documents = await db
    .selectFrom("documents")
    .leftJoin("circles", "circles.id", "documents.circle_id")
    .select([
      "documents.id",
      "documents.kind",
      "documents.title",
      "documents.circle_id",
      "documents.archived_at",
      "circles.name as circleName",
      "circles.deleted_at",
    ])
    .where("documents.pole_id", "=", poleId)
    .where("documents.archived_at", "is not", null)
    .orderBy("documents.archived_at", "desc")
    .execute();
  const iso = (at: number | null) => new Date(at ?? 0).toISOString();
  return {
    circles: circles.map((c) => ({
      id: c.id,
      kind: c.kind,
      name: c.name,
      archivedAt: iso(c.archived_at),
    })),
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      circleId: d.circle_id,
      circleName: d.circleName ?? null,
      circleDeleted: d.deleted_at !== null && d.deleted_at !== undefined,
      archivedAt: iso(d.archived_at),
    })),
  };
}
