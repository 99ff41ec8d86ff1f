import type SQLite from "better-sqlite3";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { createBaseStore, plain } from "./kysely";
import {
  type AppendedUpdate,
  type CompactedState,
  compactedState,
  type DocumentStore,
  type StoredDocument,
} from "./store";

/**
 * The same store on the raw better-sqlite3 handle of the same database: each call runs
 * synchronously in one transaction, with statements prepared once. Kysely costs several
 * promise hops and a query compilation per call, which on the relay's path was a third of
 * the sync layer's CPU.
 *
 * Kysely transactions span event-loop turns on this same connection: while one is open,
 * a raw statement would run inside it (and vanish if it rolled back), so calls made then
 * go through Kysely, which queues them behind it.
 */
export function createSqliteStore(
  db: Kysely<Database>,
  sqlite: SQLite.Database,
  now: () => number = Date.now,
): DocumentStore {
  const queued = createBaseStore(db, now);
  const selectState = sqlite
    .prepare<[string], [Uint8Array, Uint8Array | null]>(
      "SELECT state, state_vector FROM document_states WHERE document_id = ?",
    )
    .raw();
  const selectUpdates = sqlite
    .prepare<[string], [number, Uint8Array]>(
      "SELECT id, data FROM document_updates WHERE document_id = ? ORDER BY id",
    )
    .raw();
  const insertUpdate = sqlite.prepare<[string, Uint8Array]>(
    "INSERT INTO document_updates (document_id, data) VALUES (?, ?)",
  );
  const insertState = sqlite.prepare<[string, Uint8Array, Uint8Array, number]>(
    "INSERT INTO document_states (document_id, state, state_vector, updated_at) VALUES (?, ?, ?, ?)",
  );
  const upsertState = sqlite.prepare<[string, Uint8Array, Uint8Array, number]>(
    "INSERT INTO document_states (document_id, state, state_vector, updated_at) VALUES (?, ?, ?, ?) " +
      "ON CONFLICT (document_id) DO UPDATE SET state = excluded.state, " +
      "state_vector = excluded.state_vector, updated_at = excluded.updated_at",
  );
  const deleteUpTo = sqlite.prepare<[string, number]>(
    "DELETE FROM document_updates WHERE document_id = ? AND id <= ?",
  );

  const create = (documentId: string, state: Uint8Array) => {
    const { update, vector } = compactedState(state);
    insertState.run(documentId, update, vector, now());
  };
  const load = sqlite.transaction((documentId: string): StoredDocument => {
    const [state, stateVector] = selectState.get(documentId) ?? [null, null];
    const rows = selectUpdates.all(documentId);
    const updates = new Array<Uint8Array>(rows.length);
    for (let i = 0; i < rows.length; i++) updates[i] = plain(rows[i][1]);
    return {
      state: state ? plain(state) : null,
      stateVector: stateVector ? plain(stateVector) : null,
      updates,
      lastUpdateId: rows.length > 0 ? rows[rows.length - 1][0] : 0,
    };
  });
  const append = sqlite.transaction((updates: readonly AppendedUpdate[]) => {
    const highest = new Map<string, number>();
    for (const update of updates) {
      const id = Number(insertUpdate.run(update.documentId, update.data).lastInsertRowid);
      if ((highest.get(update.documentId) ?? 0) < id) highest.set(update.documentId, id);
    }
    return highest;
  });
  const compact = sqlite.transaction(
    (documentId: string, state: CompactedState, upToId: number) => {
      upsertState.run(documentId, state.update, state.vector, now());
      return deleteUpTo.run(documentId, upToId).changes;
    },
  );

  /** Runs `raw` now, unless a Kysely transaction holds the connection. */
  const settle = <T>(raw: () => T, viaKysely: () => Promise<T>): Promise<T> => {
    if (sqlite.inTransaction) return viaKysely();
    try {
      return Promise.resolve(raw());
    } catch (error) {
      return Promise.reject(error);
    }
  };

  return {
    // Versions are off the relay's path: Kysely's queueing is worth its cost there.
    saveVersion: queued.saveVersion,
    listVersions: queued.listVersions,
    loadVersion: queued.loadVersion,
    deleteVersions: queued.deleteVersions,
    create: (documentId, state) =>
      settle(
        () => create(documentId, state),
        () => queued.create(documentId, state),
      ),
    load: (documentId) =>
      settle(
        () => load(documentId),
        () => queued.load(documentId),
      ),
    append: (updates) =>
      settle(
        () => append(updates),
        () => queued.append(updates),
      ),
    compact: (documentId, state, upToId) =>
      settle(
        () => compact(documentId, state, upToId),
        () => queued.compact(documentId, state, upToId),
      ),
  };
}
