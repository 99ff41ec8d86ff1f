import type { Kysely } from "kysely";
import type { Database } from "../db/schema";

export interface StoredDocument {
  /** The compacted state, null for a document never compacted. */
  state: Uint8Array | null;
  /** Updates appended since, in the order they were accepted. */
  updates: Uint8Array[];
  /** Highest id among `updates` (0 when there are none). */
  lastUpdateId: number;
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
   * In one transaction, stores `state` and deletes the log rows up to `upToId`, which the
   * state must already contain; answers how many rows went.
   */
  compact(documentId: string, state: Uint8Array, upToId: number): Promise<number>;
}

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
          .select("state")
          .where("document_id", "=", documentId)
          .executeTakeFirst();
        const rows = await trx
          .selectFrom("document_updates")
          .select(["id", "data"])
          .where("document_id", "=", documentId)
          .orderBy("id")
          .execute();
        return {
          state: stored?.state ?? null,
          updates: rows.map((row) => row.data),
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

    compact(documentId, state, upToId) {
      return db.transaction().execute(async (trx) => {
        const updatedAt = now();
        await trx
          .insertInto("document_states")
          .values({ document_id: documentId, state, updated_at: updatedAt })
          .onConflict((conflict) =>
            conflict.column("document_id").doUpdateSet({ state, updated_at: updatedAt }),
          )
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
