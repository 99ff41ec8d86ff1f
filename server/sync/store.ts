import type SQLite from "better-sqlite3";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";

export interface StoredDocument {
  /** The compacted state, null for a document never compacted. */
  state: Uint8Array | null;
  /** `state`'s state vector, when it was stored with it. */
  stateVector: Uint8Array | null;
  /** Updates appended since, in the order they were accepted. */
  updates: Uint8Array[];
  /** Highest id among `updates` (0 when there are none). */
  lastUpdateId: number;
}

export interface CompactedState {
  readonly update: Uint8Array;
  readonly vector: Uint8Array;
}

export interface AppendedUpdate {
  readonly documentId: string;
  readonly data: Uint8Array;
}

/**
 * Persistence of shared documents: a compacted state plus an append-only log.
 * Kept this small so that another database (or a fan-out between instances) slots in.
 */
export interface DocumentStore {
  load(documentId: string): Promise<StoredDocument>;
  /** Appends every update in ONE transaction; answers the highest id written per document. */
  append(updates: readonly AppendedUpdate[]): Promise<Map<string, number>>;
  /**
   * In one transaction, stores `state` (with its state vector) and deletes the log rows up
   * to `upToId`, which the state must already contain; answers how many rows went.
   */
  compact(documentId: string, state: CompactedState, upToId: number): Promise<number>;
}

/**
 * better-sqlite3 returns Buffers. Yjs decodes a plain Uint8Array several times faster
 * (its decoders are optimised for it, and a Buffer sends them down a slower path):
 * a view over the same memory costs nothing.
 */
const plain = (bytes: Uint8Array): Uint8Array =>
  new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** SQLite allows 32766 bound values per statement; two per row leaves a wide margin. */
const ROWS_PER_INSERT = 1000;

export function createKyselyStore(
  db: Kysely<Database>,
  now: () => number = Date.now,
): DocumentStore {
  return {
    load(documentId) {
      return db.transaction().execute(async (trx) => {
        const stored = await trx
          .selectFrom("document_states")
          .select(["state", "state_vector"])
          .where("document_id", "=", documentId)
          .executeTakeFirst();
        const rows = await trx
          .selectFrom("document_updates")
          .select(["id", "data"])
          .where("document_id", "=", documentId)
          .orderBy("id")
          .execute();
        return {
          state: stored ? plain(stored.state) : null,
          stateVector: stored?.state_vector ? plain(stored.state_vector) : null,
          updates: rows.map((row) => plain(row.data)),
          lastUpdateId: rows.length > 0 ? rows[rows.length - 1].id : 0,
        };
      });
    },

    append(updates) {
      return db.transaction().execute(async (trx) => {
        const highest = new Map<string, number>();
        for (let start = 0; start < updates.length; start += ROWS_PER_INSERT) {
          const values = [];
          const end = Math.min(updates.length, start + ROWS_PER_INSERT);
          for (let i = start; i < end; i++) {
            values.push({ document_id: updates[i].documentId, data: updates[i].data });
          }
          // RETURNING order is unspecified in SQLite: match ids to documents, not positions.
          const written = await trx
            .insertInto("document_updates")
            .values(values)
            .returning(["id", "document_id"])
            .execute();
          for (const row of written) {
            if ((highest.get(row.document_id) ?? 0) < row.id) highest.set(row.document_id, row.id);
          }
        }
        return highest;
      });
    },

    compact(documentId, { update, vector }, upToId) {
      return db.transaction().execute(async (trx) => {
        const row = { state: update, state_vector: vector, updated_at: now() };
        await trx
          .insertInto("document_states")
          .values({ document_id: documentId, ...row })
          .onConflict((conflict) => conflict.column("document_id").doUpdateSet(row))
          .execute();
        const deleted = await trx
          .deleteFrom("document_updates")
          .where("document_id", "=", documentId)
          .where("id", "<=", upToId)
          .executeTakeFirst();
        return Number(deleted.numDeletedRows);
      });
    },
  };
}

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
  const queued = createKyselyStore(db, now);
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
  const upsertState = sqlite.prepare<[string, Uint8Array, Uint8Array, number]>(
    "INSERT INTO document_states (document_id, state, state_vector, updated_at) VALUES (?, ?, ?, ?) " +
      "ON CONFLICT (document_id) DO UPDATE SET state = excluded.state, " +
      "state_vector = excluded.state_vector, updated_at = excluded.updated_at",
  );
  const deleteUpTo = sqlite.prepare<[string, number]>(
    "DELETE FROM document_updates WHERE document_id = ? AND id <= ?",
  );

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
