import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema";
import { compactedState, type DocumentStore, type StoredDocument } from "./store";

/**
 * better-sqlite3 returns Buffers. Yjs decodes a plain Uint8Array several times faster
 * (its decoders are optimised for it, and a Buffer sends them down a slower path):
 * a view over the same memory costs nothing.
 */
export const plain = (bytes: Uint8Array): Uint8Array =>
  new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** SQLite allows 32766 bound values per statement; two per row leaves a wide margin. */
const ROWS_PER_INSERT = 1000;

/**
 * The store over Kysely. `db` may be a transaction (the domain creates a document's state
 * in the transaction that creates the document): the operations then run inside it.
 */
export function createKyselyStore(
  db: Kysely<Database>,
  now: () => number = Date.now,
): DocumentStore {
  const inTransaction = <T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T> =>
    db.isTransaction
      ? work(db)
      : db.transaction().execute((trx: Transaction<Database>) => work(trx));

  return {
    async create(documentId, state) {
      const { update, vector } = compactedState(state);
      await db
        .insertInto("document_states")
        .values({ document_id: documentId, state: update, state_vector: vector, updated_at: now() })
        .execute();
    },

    load(documentId) {
      return inTransaction(async (trx): Promise<StoredDocument> => {
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
      return inTransaction(async (trx) => {
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
      return inTransaction(async (trx) => {
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
