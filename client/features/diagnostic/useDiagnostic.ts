/**
 * The diagnostic's tables as React state, read from the page's Y.Doc. Each row is parsed
 * once and kept until its own Y.Map changes, so an edit re-renders one row, not 500.
 */
import { useEffect, useMemo, useState } from "react";
import type { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import {
  type DiagnosticContent,
  type MalformedRow,
  parseRow,
  type TableContent,
} from "../../../shared/diagnostic/reading";
import { type DiagnosticTable, diagnosticTables } from "../../../shared/diagnostic/vocabularies";
import { readUser, useAwareness } from "../../lib/awareness";

type Parsed = ReturnType<typeof parseRow>;

function readTable(
  array: Y.Array<unknown>,
  table: DiagnosticTable,
  cache: WeakMap<object, Parsed>,
): TableContent<unknown> {
  const content: TableContent<unknown> = { rows: [], malformed: [] };
  let index = 0;
  for (const item of array) {
    const key = item instanceof Y.AbstractType ? item : null;
    let parsed = key ? cache.get(key) : undefined;
    if (!parsed) {
      parsed = parseRow(table, key ? key.toJSON() : item, index);
      if (key) cache.set(key, parsed);
    }
    if (parsed.ok) content.rows.push(parsed.row);
    else {
      const malformed: MalformedRow =
        parsed.row.index === index ? parsed.row : { ...parsed.row, index };
      content.malformed.push(malformed);
    }
    index++;
  }
  return content;
}

/** The row (a direct child of `array`) an event happened in, if any. */
function rowOf(type: Y.AbstractType<unknown> | null, array: Y.Array<unknown>) {
  let current = type;
  while (current && current.parent !== array) {
    current = current.parent as Y.AbstractType<unknown> | null;
  }
  return current;
}

type Caches = Map<DiagnosticTable, WeakMap<object, Parsed>>;

const readAll = (doc: Y.Doc, caches: Caches) =>
  Object.fromEntries(
    diagnosticTables.map((table) => [
      table,
      readTable(doc.getArray(table), table, caches.get(table) ?? new WeakMap()),
    ]),
  ) as unknown as DiagnosticContent;

export function useDiagnostic(doc: Y.Doc): DiagnosticContent {
  const caches: Caches = useMemo(
    () => new Map(diagnosticTables.map((table) => [table, new WeakMap<object, Parsed>()])),
    [],
  );
  const [content, setContent] = useState(() => readAll(doc, caches));

  useEffect(() => {
    const unsubscribe = diagnosticTables.map((table) => {
      const array = doc.getArray<unknown>(table);
      const cache = caches.get(table) ?? new WeakMap();
      const onChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
        for (const event of events) {
          const row = rowOf(event.target, array);
          if (row) cache.delete(row);
        }
        const next = readTable(array, table, cache);
        setContent((previous) => ({ ...previous, [table]: next }));
      };
      array.observeDeep(onChange);
      return () => array.unobserveDeep(onChange);
    });
    setContent(readAll(doc, caches));
    return () => {
      for (const stop of unsubscribe) stop();
    };
  }, [doc, caches]);

  return content;
}

export interface Editing {
  clientId: number;
  name: string;
  color: string;
  registry: string;
  rowId: string;
  field: string;
  self: boolean;
}

function readEditing(provider: WebsocketProvider): Editing[] {
  const result: Editing[] = [];
  for (const [clientId, state] of provider.awareness.getStates()) {
    const user = readUser(state);
    const editing = state.editing as { registry?: unknown; rowId?: unknown; field?: unknown };
    if (!user || typeof editing !== "object" || editing === null) continue;
    if (typeof editing.registry !== "string" || typeof editing.rowId !== "string") continue;
    result.push({
      clientId,
      ...user,
      registry: editing.registry,
      rowId: editing.rowId,
      field: typeof editing.field === "string" ? editing.field : "",
      self: clientId === provider.awareness.clientID,
    });
  }
  return result;
}

/** Who edits which row (awareness field `editing: { registry, rowId, field }`), others only. */
export function useEditing(provider: WebsocketProvider): Map<string, Editing[]> {
  const editing = useAwareness(provider, readEditing);
  return useMemo(() => {
    const byRow = new Map<string, Editing[]>();
    for (const person of editing) {
      if (person.self) continue;
      const key = `${person.registry}:${person.rowId}`;
      byRow.set(key, [...(byRow.get(key) ?? []), person]);
    }
    return byRow;
  }, [editing]);
}

/** Tells the others which row this person is in (null when they leave it). */
export function announceEditing(
  provider: WebsocketProvider,
  editing: { registry: DiagnosticTable; rowId: string; field: string } | null,
) {
  provider.awareness.setLocalStateField("editing", editing);
}
