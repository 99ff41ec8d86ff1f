/**
 * What a thread points at, and whether it is still in the document: its mark for text,
 * its row in the diagnostic's registry, its card on the board.
 */
import * as Y from "yjs";
import type { ThreadTarget } from "../../../shared/api/comments";
import { cardsOf } from "../../../shared/board-doc";
import { QUOTE_MAX } from "../../../shared/comments";
import { titleField } from "../../../shared/diagnostic/fields";
import { diagnosticTables } from "../../../shared/diagnostic/vocabularies";
import { boardTypes, type DocumentKind } from "../../../shared/documents";
import type { ThreadRow } from "../../db/schema";
import { DomainError } from "../errors";
import { anchoredThreadIds } from "./anchor-marks";

type Located = Pick<ThreadRow, "id" | "target_kind" | "target_table" | "target_id">;

/** The ids of the rows of every registry the document has, by registry. */
function rowIds(doc: Y.Doc): Map<string, Set<string>> {
  const tables = new Map<string, Set<string>>();
  for (const table of diagnosticTables) {
    if (!doc.share.has(table)) continue;
    const ids = new Set<string>();
    for (const row of doc.getArray<unknown>(table).toArray()) {
      const id = row instanceof Y.Map ? row.get("id") : undefined;
      if (typeof id === "string") ids.add(id);
    }
    tables.set(table, ids);
  }
  return tables;
}

/**
 * Reads the document now (synchronously: the Y.Doc may be gone after) and answers, for
 * any thread of it, whether what it points at is there.
 */
export function presentTargets(doc: Y.Doc): (thread: Located) => boolean {
  const anchored = anchoredThreadIds(doc);
  const cards = doc.share.has(boardTypes.cards) ? new Set(cardsOf(doc).keys()) : new Set();
  const rows = rowIds(doc);
  return (thread) => {
    switch (thread.target_kind) {
      case "text":
        return anchored.has(thread.id);
      case "card":
        return thread.target_id !== null && cards.has(thread.target_id);
      case "row":
        return (
          thread.target_table !== null &&
          thread.target_id !== null &&
          (rows.get(thread.target_table)?.has(thread.target_id) ?? false)
        );
    }
  };
}

/**
 * The title of the row or card a new thread points at, to show with the thread (its
 * quote); null when there is no such row or card.
 */
export function targetTitle(
  doc: Y.Doc,
  target: Exclude<ThreadTarget, { kind: "text" }>,
): string | null {
  const map =
    target.kind === "card"
      ? cardsOf(doc).get(target.cardId)
      : doc
          .getArray<unknown>(target.table)
          .toArray()
          .find(
            (row): row is Y.Map<unknown> => row instanceof Y.Map && row.get("id") === target.rowId,
          );
  if (!map) return null;
  const title = map.get(target.kind === "card" ? "title" : titleField(target.table));
  return typeof title === "string" ? title.trim().slice(0, QUOTE_MAX) : "";
}

/** The kind of document each kind of target lives in; text is in every document. */
export function requireTargetFits(kind: DocumentKind, target: ThreadTarget): void {
  if (target.kind === "row" && kind !== "diagnostic") {
    throw new DomainError("invalid_input", "Seul le diagnostic a des registres à commenter.");
  }
  if (target.kind === "card" && kind !== "board") {
    throw new DomainError("invalid_input", "Seul un tableau de projets a des cartes à commenter.");
  }
}

/** The SQL columns of a row or card target. */
export const targetColumns = (target: ThreadTarget) =>
  target.kind === "row"
    ? { target_kind: target.kind, target_table: target.table, target_id: target.rowId }
    : target.kind === "card"
      ? { target_kind: target.kind, target_table: null, target_id: target.cardId }
      : { target_kind: target.kind, target_table: null, target_id: null };
