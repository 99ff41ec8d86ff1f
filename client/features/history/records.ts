/**
 * What changed between two states of a document's structured content: the diagnostic's
 * registry rows and a board's columns and cards, matched by id. Pure, tested as a table.
 */
import * as Y from "yjs";
import { boardTypes, diagnosticExtras, diagnosticRegistries } from "../../../shared/documents";

export type RecordFields = Record<string, unknown>;

/** The records of one list (a registry, the columns, the cards), by id. */
export type RecordList = Map<string, RecordFields>;

export interface ListChanges {
  list: string;
  added: RecordFields[];
  removed: RecordFields[];
  changed: Array<{ before: RecordFields; after: RecordFields; fields: string[] }>;
}

const arrayLists = [...diagnosticRegistries, ...diagnosticExtras, boardTypes.columns];

/** Every list of records in a document's state (v2), by the name of its shared type. */
export function recordListsOf(state: Uint8Array): Map<string, RecordList> {
  const doc = new Y.Doc();
  try {
    Y.applyUpdateV2(doc, state);
    const lists = new Map<string, RecordList>();
    for (const name of arrayLists) {
      if (!doc.share.has(name)) continue;
      const rows = doc.getArray<unknown>(name).toJSON() as unknown[];
      const list: RecordList = new Map();
      rows.forEach((row, index) => {
        if (typeof row === "object" && row !== null) {
          const fields = row as RecordFields;
          list.set(typeof fields.id === "string" ? fields.id : `#${index}`, fields);
        }
      });
      lists.set(name, list);
    }
    if (doc.share.has(boardTypes.cards)) {
      const cards = doc.getMap<unknown>(boardTypes.cards).toJSON() as Record<string, RecordFields>;
      lists.set(boardTypes.cards, new Map(Object.entries(cards)));
    }
    return lists;
  } finally {
    doc.destroy();
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Added, removed and changed records of each list; lists without change are left out. */
export function diffRecords(
  before: Map<string, RecordList>,
  after: Map<string, RecordList>,
): ListChanges[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  const changes: ListChanges[] = [];
  for (const list of names) {
    const old = before.get(list) ?? new Map<string, RecordFields>();
    const now = after.get(list) ?? new Map<string, RecordFields>();
    const entry: ListChanges = { list, added: [], removed: [], changed: [] };
    for (const [id, fields] of now) {
      const previous = old.get(id);
      if (!previous) entry.added.push(fields);
      else if (!same(previous, fields)) {
        const keys = new Set([...Object.keys(previous), ...Object.keys(fields)]);
        const differing = [...keys].filter((key) => !same(previous[key], fields[key]));
        entry.changed.push({ before: previous, after: fields, fields: differing });
      }
    }
    for (const [id, fields] of old) if (!now.has(id)) entry.removed.push(fields);
    if (entry.added.length + entry.removed.length + entry.changed.length > 0) changes.push(entry);
  }
  return changes;
}

/** How a record is named in the diff: its title, its name, else its id. */
export const recordLabel = (fields: RecordFields) =>
  String(fields.title ?? fields.name ?? fields.id ?? "—");
