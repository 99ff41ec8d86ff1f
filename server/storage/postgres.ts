import { type Kysely, sql } from "kysely";
import * as Y from "yjs";
import { serialize } from "../db/dialect";
import type { Database } from "../db/schema";
import { createBaseStore, insertUpdates, plain, ROWS_PER_INSERT } from "./kysely";
import { type CompactedState, type DocumentStore, replay, type StoredDocument } from "./store";

/** Until the transaction ends, no other instance compacts nor versions this document. */
const lockDocument = (trx: Kysely<Database>, documentId: string) =>
  serialize(trx, `document:${documentId}`);

const rethrow = (error: unknown) => {
  throw error;
};

/**
 * The store on PostgreSQL, shared by every instance. Appends need no lock: the identity
 * column orders them. Two things differ from SQLite, where one process owns the file:
 * - a load reads the state and the log in one statement (one snapshot), or a compaction
 *   committed between two reads would hide rows from both;
 * - a compaction may run on any instance, whose Y.Doc need not hold every row another
 *   instance appended (a relayed message not yet arrived): under a per-document advisory
 *   lock, it folds into the new state the stored state and the rows it deletes, so a row
 *   only ever leaves the log inside a state. Versions are numbered under the same lock.
 */
export function createPostgresStore(
  db: Kysely<Database>,
  now: () => number = Date.now,
): DocumentStore {
  const common = createBaseStore(db, now);
  /** Runs `work` in a transaction of its own, or in the caller's when `db` is one. */
  const inTransaction = <T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T> =>
    db.isTransaction ? work(db) : db.transaction().execute(work);
  return {
    // Creation and versions as everywhere.
    ...common,

    // One statement is atomic by itself: a round trip instead of three (BEGIN, COMMIT).
    append: (updates) =>
      updates.length <= ROWS_PER_INSERT ? insertUpdates(db, updates) : common.append(updates),

    async load(documentId): Promise<StoredDocument> {
      // One statement, one snapshot, one round trip: the state row first (id 0), then the log.
      const { rows } = await sql<{
        id: number;
        state: Uint8Array | null;
        state_vector: Uint8Array | null;
        data: Uint8Array | null;
      }>`
        select 0 as id, state, state_vector, null::bytea as data
          from document_states where document_id = ${documentId}
        union all
        select id, null, null, data from document_updates where document_id = ${documentId}
        order by id`.execute(db);
      const stored = rows[0]?.id === 0 ? rows[0] : null;
      const log = stored ? rows.slice(1) : rows;
      return {
        state: stored?.state ? plain(stored.state) : null,
        stateVector: stored?.state_vector ? plain(stored.state_vector) : null,
        updates: log.flatMap((row) => (row.data ? [plain(row.data)] : [])),
        lastUpdateId: log.length > 0 ? log[log.length - 1].id : 0,
      };
    },

    // Numbers count up per document: two instances saving at once take turns.
    saveVersion(version) {
      return inTransaction(async (trx) => {
        await lockDocument(trx, version.documentId);
        return createBaseStore(trx, now).saveVersion(version);
      });
    },

    compact(documentId, state, upToId) {
      return inTransaction(async (trx) => {
        await lockDocument(trx, documentId);
        const stored = await trx
          .selectFrom("document_states")
          .select("state")
          .where("document_id", "=", documentId)
          .executeTakeFirst();
        const rows = await trx
          .selectFrom("document_updates")
          .select("data")
          .where("document_id", "=", documentId)
          .where("id", "<=", upToId)
          .orderBy("id")
          .execute();
        const doc = new Y.Doc({ gc: true });
        let merged: CompactedState;
        try {
          replay(
            doc,
            stored ? plain(stored.state) : null,
            rows.map((row) => plain(row.data)),
            rethrow,
          );
          Y.applyUpdate(doc, state.update);
          merged = { update: Y.encodeStateAsUpdate(doc), vector: Y.encodeStateVector(doc) };
        } finally {
          doc.destroy();
        }
        return createBaseStore(trx, now).compact(documentId, merged, upToId);
      });
    },
  };
}
