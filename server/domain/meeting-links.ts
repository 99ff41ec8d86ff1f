/**
 * What an agenda item points to: a need of the pôle's diagnostic, a card of one of its
 * boards, an amendment of its charter. A link is checked against what is stored when it
 * is made (same pôle, the target exists); its title is read for each reader, who sees none
 * when they may not read the target or once the target is gone.
 */
import type * as Y from "yjs";
import type { ItemLinkBody, ItemLinkView } from "../../shared/api/meeting-run";
import { cardsOf } from "../../shared/board-doc";
import { findRowMap } from "../../shared/diagnostic/writing";
import type { ItemLinkKind } from "../../shared/meeting-run";
import type { DB } from "../db/database";
import { createKyselyStore, loadDoc } from "../storage";
import type { Ctx } from "./context";
import { accessOf } from "./documents";
import { DomainError, notFound } from "./errors";
import { newId } from "./ids";
import { invalid, type MeetingContext, readableMeeting, runnableMeeting } from "./meeting-access";

interface Target {
  kind: ItemLinkKind;
  documentId: string;
  targetId: string;
}

/** Whether the stored Y.Doc holds what `has` looks for. */
async function storedHas(db: DB, documentId: string, has: (doc: Y.Doc) => boolean) {
  const doc = await loadDoc(createKyselyStore(db), documentId);
  try {
    return has(doc);
  } finally {
    doc.destroy();
  }
}

/** The target of a link, found in the meeting's pôle, or a French reason why not. */
async function resolveTarget(db: DB, poleId: string, body: ItemLinkBody): Promise<Target> {
  switch (body.kind) {
    case "need": {
      const diagnostic = await db
        .selectFrom("documents")
        .select("id")
        .where("pole_id", "=", poleId)
        .where("kind", "=", "diagnostic")
        .executeTakeFirst();
      const found =
        diagnostic &&
        (await storedHas(db, diagnostic.id, (doc) => !!findRowMap(doc, "needs", body.needId)));
      if (!diagnostic || !found)
        throw invalid("Ce besoin n'existe pas dans le diagnostic du pôle.");
      return { kind: "need", documentId: diagnostic.id, targetId: body.needId };
    }
    case "card": {
      const board = await db
        .selectFrom("documents")
        .select("id")
        .where("id", "=", body.boardId)
        .where("pole_id", "=", poleId)
        .where("kind", "=", "board")
        .executeTakeFirst();
      const found =
        board && (await storedHas(db, board.id, (doc) => cardsOf(doc).has(body.cardId)));
      if (!board || !found) throw invalid("Cette carte n'existe sur aucun tableau du pôle.");
      return { kind: "card", documentId: board.id, targetId: body.cardId };
    }
    case "amendment": {
      const amendment = await db
        .selectFrom("amendments")
        .select(["id", "document_id"])
        .where("id", "=", body.amendmentId)
        .where("pole_id", "=", poleId)
        .executeTakeFirst();
      if (!amendment) throw invalid("Cet amendement n'existe pas dans la charte du pôle.");
      return { kind: "amendment", documentId: amendment.document_id, targetId: amendment.id };
    }
  }
}

export async function addItemLink(
  { db, poleEvents }: MeetingContext,
  actorId: string,
  { meetingId, itemId, link }: { meetingId: string; itemId: string; link: ItemLinkBody },
  now = Date.now(),
): Promise<ItemLinkView> {
  const { meeting } = await runnableMeeting(db, actorId, meetingId);
  const item = await db
    .selectFrom("meeting_agenda_items")
    .select("id")
    .where("id", "=", itemId)
    .where("meeting_id", "=", meeting.id)
    .executeTakeFirst();
  if (!item) throw notFound("Point de l'ordre du jour");
  const target = await resolveTarget(db, meeting.pole_id, link);
  const id = newId();
  const inserted = await db
    .insertInto("meeting_item_links")
    .values({
      id,
      meeting_id: meeting.id,
      item_id: item.id,
      kind: target.kind,
      document_id: target.documentId,
      target_id: target.targetId,
      created_by: actorId,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(["item_id", "kind", "target_id"]).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) {
    throw new DomainError("conflict", "Ce point renvoie déjà à cet élément.");
  }
  poleEvents.publish(meeting.pole_id, { type: "meeting", id: meeting.id });
  const [view] = await presentLinks(db, actorId, [
    {
      id,
      item_id: item.id,
      kind: target.kind,
      document_id: target.documentId,
      target_id: target.targetId,
    },
  ]);
  if (!view) throw notFound("Lien");
  return view;
}

export async function removeItemLink(
  { db, poleEvents }: MeetingContext,
  actorId: string,
  { meetingId, linkId }: { meetingId: string; linkId: string },
): Promise<void> {
  const { meeting } = await runnableMeeting(db, actorId, meetingId);
  const removed = await db
    .deleteFrom("meeting_item_links")
    .where("id", "=", linkId)
    .where("meeting_id", "=", meeting.id)
    .executeTakeFirst();
  if (removed.numDeletedRows !== 1n) throw notFound("Lien");
  poleEvents.publish(meeting.pole_id, { type: "meeting", id: meeting.id });
}

type LinkRow = {
  id: string;
  item_id: string;
  kind: ItemLinkKind;
  document_id: string;
  target_id: string;
};

/** The target's title as stored now (read models for needs and cards), or null when gone. */
async function titleOf(db: DB, link: LinkRow): Promise<string | null> {
  switch (link.kind) {
    case "need": {
      const row = await db
        .selectFrom("diagnostic_rows")
        .select("title")
        .where("document_id", "=", link.document_id)
        .where("registry", "=", "needs")
        .where("row_id", "=", link.target_id)
        .executeTakeFirst();
      return row?.title ?? null;
    }
    case "card": {
      const card = await db
        .selectFrom("board_cards")
        .select("title")
        .where("board_id", "=", link.document_id)
        .where("card_id", "=", link.target_id)
        .executeTakeFirst();
      return card?.title ?? null;
    }
    case "amendment": {
      const amendment = await db
        .selectFrom("amendments")
        .select("title")
        .where("id", "=", link.target_id)
        .executeTakeFirst();
      return amendment?.title ?? null;
    }
  }
}

/** Each link with its title as the reader may see it: none without the right to read the target. */
async function presentLinks(
  db: DB,
  actorId: string,
  rows: readonly LinkRow[],
): Promise<ItemLinkView[]> {
  const readable = new Map<string, boolean>();
  for (const documentId of new Set(rows.map((row) => row.document_id))) {
    readable.set(documentId, (await accessOf({ db }, actorId, { documentId })) !== null);
  }
  const views: ItemLinkView[] = [];
  for (const row of rows) {
    views.push({
      id: row.id,
      itemId: row.item_id,
      kind: row.kind,
      documentId: row.document_id,
      targetId: row.target_id,
      title: readable.get(row.document_id) ? await titleOf(db, row) : null,
    });
  }
  return views;
}

/** A meeting's links, in the order they were made. */
export async function listItemLinks(
  { db }: Ctx,
  actorId: string,
  { meetingId }: { meetingId: string },
): Promise<ItemLinkView[]> {
  const { meeting } = await readableMeeting(db, actorId, meetingId);
  const rows = await db
    .selectFrom("meeting_item_links")
    .select(["id", "item_id", "kind", "document_id", "target_id"])
    .where("meeting_id", "=", meeting.id)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return presentLinks(db, actorId, rows);
}
