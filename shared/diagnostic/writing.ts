/**
 * Writes into the diagnostic's Y.Doc. One `Y.Map` per row (one key per field) so that two
 * people editing two fields of one row both keep their edit; values are validated first.
 */
import * as Y from "yjs";
import { fieldsOf, TEXT_MAX, validateField } from "./fields";
import type { MalformedRow } from "./reading";
import type { DiagnosticTable, Vote } from "./vocabularies";

export const newRowId = () => crypto.randomUUID();

/**
 * A new row as a Y.Map with its id and every field at its default. The id is answered
 * beside the map: a Y.Map not yet in a document reads as empty.
 */
export function newRow(
  table: DiagnosticTable,
  values: Record<string, unknown> = {},
): { id: string; map: Y.Map<unknown> } {
  const map = new Y.Map<unknown>();
  const id = typeof values.id === "string" ? values.id : newRowId();
  map.set("id", id);
  for (const { key, schema } of fieldsOf(table)) {
    map.set(key, key in values ? values[key] : schema.parse(undefined));
  }
  if (table === "findings") map.set("votes", new Y.Map<unknown>());
  return { id, map };
}

/** The Y.Map of a row, or undefined when it is gone (deleted by someone else meanwhile). */
export function findRowMap(doc: Y.Doc, table: DiagnosticTable, id: string) {
  for (const item of doc.getArray<unknown>(table)) {
    if (item instanceof Y.Map && item.get("id") === id) return item as Y.Map<unknown>;
  }
  return undefined;
}

export function findRowIndex(doc: Y.Doc, table: DiagnosticTable, id: string): number {
  let index = 0;
  for (const item of doc.getArray<unknown>(table)) {
    if (item instanceof Y.Map && item.get("id") === id) return index;
    index++;
  }
  return -1;
}

/**
 * Validates and writes one field of one row. Answers "gone" when the row was deleted
 * meanwhile (nothing is written), or the validation issue.
 */
export function writeField(
  doc: Y.Doc,
  table: DiagnosticTable,
  id: string,
  key: string,
  value: unknown,
): { ok: true } | { ok: false; reason: "gone" | "invalid"; message: string } {
  const checked = validateField(table, key, value);
  if (!checked.ok) return { ok: false, reason: "invalid", message: checked.message };
  const map = findRowMap(doc, table, id);
  if (!map) return { ok: false, reason: "gone", message: "Ligne supprimée entre-temps." };
  if (JSON.stringify(map.get(key)) !== JSON.stringify(checked.value)) map.set(key, checked.value);
  return { ok: true };
}

/** Adds a row (validated field by field: invalid values fall back to the default). */
export function addRow(
  doc: Y.Doc,
  table: DiagnosticTable,
  values: Record<string, unknown> = {},
): string {
  const valid: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const checked = validateField(table, key, value);
    if (checked.ok) valid[key] = checked.value;
  }
  const { id, map } = newRow(table, valid);
  doc.getArray(table).push([map]);
  return id;
}

/** Removes the entry at `index` if it is still the one meant (by id, or by identity). */
export function deleteRow(doc: Y.Doc, table: DiagnosticTable, id: string): boolean {
  const index = findRowIndex(doc, table, id);
  if (index < 0) return false;
  doc.getArray(table).delete(index, 1);
  return true;
}

/** Removes a malformed entry, found by its position and checked by its id when it has one. */
export function deleteMalformed(doc: Y.Doc, table: DiagnosticTable, row: MalformedRow): boolean {
  const array = doc.getArray<unknown>(table);
  if (row.index >= array.length) return false;
  const item = array.get(row.index);
  const itemId = item instanceof Y.Map ? item.get("id") : undefined;
  if (row.id !== null && itemId !== row.id) return false;
  array.delete(row.index, 1);
  return true;
}

/** Sets (or with null, withdraws) a person's vote on a finding, in the finding's own Y.Map. */
export function setVote(
  doc: Y.Doc,
  findingId: string,
  userId: string,
  vote: { vote: Vote; comment: string; name: string } | null,
): boolean {
  const finding = findRowMap(doc, "findings", findingId);
  if (!finding) return false;
  doc.transact(() => {
    let map = finding.get("votes");
    if (!(map instanceof Y.Map)) {
      map = new Y.Map<unknown>();
      finding.set("votes", map);
    }
    const votesMap = map as Y.Map<unknown>;
    if (vote === null) votesMap.delete(userId);
    else
      votesMap.set(userId, {
        vote: vote.vote,
        comment: vote.comment.trim().slice(0, TEXT_MAX),
        name: vote.name.slice(0, 200),
        at: Date.now(),
      });
  });
  return true;
}
