/**
 * Project boards, server side: the links between a card and its project page and project
 * group. The server makes these links (in SQL, board_card_links) because creating a
 * document or a circle is its business; the browser that asked then copies the ids onto
 * the card in the Y.Doc so that every open board shows them at once.
 */
import type { CardLink } from "../../shared/api/boards";
import type { Circle as CircleView } from "../../shared/api/circles";
import type { DocumentRef as DocumentView } from "../../shared/api/documents";
import { cardsOf } from "../../shared/board-doc";
import type { DocumentAccess } from "../../shared/documents";
import { documentAccess } from "../../shared/permissions";
import type { DB } from "../db/database";
import { serialize } from "../db/dialect";
import type { DocumentRow } from "../db/schema";
import { createKyselyStore, loadDoc } from "../storage";
import { audit } from "./audit";
import { insertCircle, seat } from "./circles";
import type { Ctx } from "./context";
import { insertDocument, presentDocument } from "./documents";
import { DomainError, forbidden, notFound } from "./errors";
import { governingCircles, loadMember } from "./members";

interface OpenBoard {
  board: DocumentRow;
  access: DocumentAccess;
}

/** A board and the caller's right over it; anything else (or another pôle's) is 404. */
async function openBoard(
  db: DB,
  { userId, boardId }: { userId: string; boardId: string },
): Promise<OpenBoard> {
  const board = await db
    .selectFrom("documents")
    .selectAll()
    .where("id", "=", boardId)
    .where("kind", "=", "board")
    .executeTakeFirst();
  const member = board ? await loadMember(db, { poleId: board.pole_id, userId }) : null;
  if (!board || !member) throw notFound("Tableau de projets");
  const access = documentAccess(
    member,
    { kind: board.kind, circleId: board.circle_id, archived: board.archived_at !== null },
    await governingCircles(db, board.pole_id),
  );
  if (!access) throw notFound("Tableau de projets");
  return { board, access };
}

async function editableBoard(
  db: DB,
  input: { userId: string; boardId: string },
): Promise<DocumentRow> {
  const { board, access } = await openBoard(db, input);
  if (access !== "edit") {
    throw forbidden(
      "Seuls les membres et facilitateurs du groupe thématique, et les coordinateurs, modifient ce tableau.",
    );
  }
  return board;
}

/**
 * The card as stored: every update is written before it is relayed, so the stored board
 * is the one people see. A card id nobody wrote gets no page and no group.
 */
async function requireStoredCard(
  db: DB,
  { board, cardId }: { board: DocumentRow; cardId: string },
) {
  const doc = await loadDoc(createKyselyStore(db), board.id);
  try {
    if (!cardsOf(doc).has(cardId)) throw notFound("Carte");
  } finally {
    doc.destroy();
  }
}

async function findLink(db: DB, { boardId, cardId }: { boardId: string; cardId: string }) {
  return db
    .selectFrom("board_card_links")
    .selectAll()
    .where("board_id", "=", boardId)
    .where("card_id", "=", cardId)
    .executeTakeFirst();
}

async function saveLink(
  db: DB,
  {
    board,
    cardId,
    link,
    actorId,
  }: {
    board: DocumentRow;
    cardId: string;
    link: { project_circle_id: string | null; project_document_id: string | null };
    actorId: string;
  },
) {
  await db
    .insertInto("board_card_links")
    .values({
      board_id: board.id,
      card_id: cardId,
      pole_id: board.pole_id,
      ...link,
      created_by: actorId,
      created_at: Date.now(),
    })
    .onConflict((oc) => oc.columns(["board_id", "card_id"]).doUpdateSet(link))
    .execute();
}

async function existingDocument(
  db: DB,
  { poleId, documentId }: { poleId: string; documentId: string | null },
) {
  if (!documentId) return undefined;
  return db
    .selectFrom("documents")
    .selectAll()
    .where("id", "=", documentId)
    .where("pole_id", "=", poleId)
    .executeTakeFirst();
}

/**
 * The card's project page (a `project` document), created on first call; later calls (two
 * people clicking at once) answer the same page. It belongs to the project group when
 * there is one, else to the thematic group, whose members then write it.
 */
export async function createProjectPage(
  { db }: Ctx,
  actorId: string,
  { boardId, cardId, ...input }: { boardId: string; cardId: string; title: string },
): Promise<{ document: DocumentView; created: boolean }> {
  const board = await editableBoard(db, { userId: actorId, boardId });
  await requireStoredCard(db, { board, cardId });
  return db.transaction().execute(async (trx) => {
    await serialize(trx, `card:${board.id}:${cardId}`);
    const link = await findLink(trx, { boardId: board.id, cardId });
    const existing = await existingDocument(trx, {
      poleId: board.pole_id,
      documentId: link?.project_document_id ?? null,
    });
    if (existing) return { document: presentDocument(existing), created: false };
    const row = await insertDocument(trx, {
      poleId: board.pole_id,
      kind: "project",
      title: input.title,
      circleId: link?.project_circle_id ?? board.circle_id,
      createdBy: actorId,
    });
    await saveLink(trx, {
      board,
      cardId,
      link: { project_circle_id: link?.project_circle_id ?? null, project_document_id: row.id },
      actorId,
    });
    await audit(trx, {
      poleId: board.pole_id,
      actorId,
      action: "board.project_page_created",
      target: row.id,
      details: { boardId: board.id, cardId },
    });
    return { document: presentDocument(row), created: true };
  });
}

/**
 * In one step: the project group circle under the board's thematic group, its creator as
 * facilitator (so they can bring the others in), and the card's project page moved into
 * it (or created there), so that the project group writes it.
 */
export async function createProjectGroup(
  { db, events }: Ctx<"events">,
  actorId: string,
  { boardId, cardId, ...input }: { boardId: string; cardId: string; name: string },
): Promise<{ circle: CircleView; projectDocumentId: string }> {
  const board = await editableBoard(db, { userId: actorId, boardId });
  const thematic = board.circle_id
    ? await db
        .selectFrom("circles")
        .select(["id", "kind"])
        .where("id", "=", board.circle_id)
        .where("pole_id", "=", board.pole_id)
        .executeTakeFirst()
    : undefined;
  if (thematic?.kind !== "thematic") {
    throw new DomainError("conflict", "Ce tableau n'appartient à aucun groupe thématique.");
  }
  await requireStoredCard(db, { board, cardId });
  const result = await db.transaction().execute(async (trx) => {
    await serialize(trx, `card:${board.id}:${cardId}`);
    const link = await findLink(trx, { boardId: board.id, cardId });
    if (link?.project_circle_id) {
      throw new DomainError("conflict", "Ce projet a déjà son groupe projet.");
    }
    const circle = await insertCircle(trx, {
      poleId: board.pole_id,
      kind: "project",
      name: input.name,
      parentId: thematic.id,
    });
    await seat(trx, {
      poleId: board.pole_id,
      circleId: circle.id,
      userId: actorId,
      role: "facilitator",
      actorId,
    });
    const page = await existingDocument(trx, {
      poleId: board.pole_id,
      documentId: link?.project_document_id ?? null,
    });
    let projectDocumentId: string;
    if (page) {
      await trx
        .updateTable("documents")
        .set({ circle_id: circle.id, updated_at: Date.now() })
        .where("id", "=", page.id)
        .execute();
      projectDocumentId = page.id;
    } else {
      const row = await insertDocument(trx, {
        poleId: board.pole_id,
        kind: "project",
        title: input.name,
        circleId: circle.id,
        createdBy: actorId,
      });
      projectDocumentId = row.id;
    }
    await saveLink(trx, {
      board,
      cardId,
      link: { project_circle_id: circle.id, project_document_id: projectDocumentId },
      actorId,
    });
    await audit(trx, {
      poleId: board.pole_id,
      actorId,
      action: "board.project_group_created",
      target: circle.id,
      details: { boardId: board.id, cardId, projectDocumentId },
    });
    return {
      circle: {
        id: circle.id,
        kind: circle.kind,
        name: circle.name,
        parentId: circle.parent_id,
        members: [{ userId: actorId, role: "facilitator" as const }],
      },
      projectDocumentId,
    };
  });
  // The creator's seats changed: their open connections pick up their new rights.
  events.publish({ poleId: board.pole_id, userId: actorId });
  // The page may have left the board's circle: whoever has it open is re-checked.
  events.documentMoved(result.projectDocumentId);
  return result;
}

/** The cards of a board that have a project page or group, for every reader of the board. */
export async function cardLinks(
  { db }: Ctx,
  userId: string,
  { boardId }: { boardId: string },
): Promise<CardLink[]> {
  const { board } = await openBoard(db, { userId, boardId });
  const rows = await db
    .selectFrom("board_card_links")
    .select(["card_id", "project_circle_id", "project_document_id"])
    .where("board_id", "=", board.id)
    .where("pole_id", "=", board.pole_id)
    .orderBy("created_at")
    .execute();
  return rows.map((row) => ({
    cardId: row.card_id,
    projectCircleId: row.project_circle_id,
    projectDocumentId: row.project_document_id,
  }));
}

/** From a project group back to its card: the other direction of the link. */
export async function projectOfCircle(
  { db }: Ctx,
  userId: string,
  { circleId }: { circleId: string },
): Promise<{ boardId: string; cardId: string; projectDocumentId: string | null }> {
  const link = await db
    .selectFrom("board_card_links")
    .select(["board_id", "card_id", "pole_id", "project_document_id"])
    .where("project_circle_id", "=", circleId)
    .executeTakeFirst();
  const member = link ? await loadMember(db, { poleId: link.pole_id, userId }) : null;
  if (!link || !member) throw notFound("Projet de ce groupe");
  return {
    boardId: link.board_id,
    cardId: link.card_id,
    projectDocumentId: link.project_document_id,
  };
}
