import type { Kysely, Transaction } from "kysely";
import * as Y from "yjs";
import type { Database, VersionRow } from "../db/schema";
import {
  type AppendedUpdate,
  compactedState,
  type DocumentStore,
  type StoredDocument,
  type StoredVersion,
  stateHash,
  type VersionStore,
  type VersionSummary,
} from "./store";

/**
 * better-sqlite3 returns Buffers. Yjs decodes a plain Uint8Array several times faster
 * (its decoders are optimised for it, and a Buffer sends them down a slower path):
 * a view over the same memory costs nothing.
 */
export const plain = (bytes: Uint8Array): Uint8Array =>
  new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** SQLite allows 32766 bound values per statement; two per row leaves a wide margin. */
export const ROWS_PER_INSERT = 1000;

/**
 * Inserts the updates, ROWS_PER_INSERT a statement, and answers the highest id written
 * per document. Atomic only inside a transaction when there are several statements.
 */
export async function insertUpdates(
  db: Kysely<Database>,
  updates: readonly AppendedUpdate[],
): Promise<Map<string, number>> {
  const highest = new Map<string, number>();
  for (let start = 0; start < updates.length; start += ROWS_PER_INSERT) {
    const values = [];
    const end = Math.min(updates.length, start + ROWS_PER_INSERT);
    for (let i = start; i < end; i++) {
      values.push({ document_id: updates[i].documentId, data: updates[i].data });
    }
    // RETURNING order is unspecified in SQLite: match ids to documents, not positions.
    const written = await db
      .insertInto("document_updates")
      .values(values)
      .returning(["id", "document_id"])
      .execute();
    for (const row of written) {
      if ((highest.get(row.document_id) ?? 0) < row.id) highest.set(row.document_id, row.id);
    }
  }
  return highest;
}

/**
 * The store over Kysely as SQLite needs it, and the base of the others (createKyselyStore
 * picks the one for the database). `db` may be a transaction (the domain creates a document's state
 * in the transaction that creates the document): the operations then run inside it.
 */
export function createBaseStore(db: Kysely<Database>, now: () => number = Date.now): DocumentStore {
  const inTransaction = <T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T> =>
    db.isTransaction
      ? work(db)
      : db.transaction().execute((trx: Transaction<Database>) => work(trx));

  return {
    ...createVersionStore(db, inTransaction),

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
      return inTransaction((trx) => insertUpdates(trx, updates));
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

const summaryColumns = [
  "id",
  "document_id",
  "number",
  "kind",
  "name",
  "hash",
  "size",
  "author_id",
  "created_at",
  "decision_id",
] as const;

const summaryOf = (row: Omit<VersionRow, "state" | "state_vector">): VersionSummary => ({
  id: row.id,
  documentId: row.document_id,
  number: row.number,
  kind: row.kind,
  name: row.name,
  hash: row.hash,
  size: row.size,
  authorId: row.author_id,
  createdAt: row.created_at,
  decisionId: row.decision_id,
});

/** Versions: read and written seldom, by the domain, so through Kysely only. */
function createVersionStore(
  db: Kysely<Database>,
  inTransaction: <T>(work: (trx: Kysely<Database>) => Promise<T>) => Promise<T>,
): VersionStore {
  return {
    saveVersion(version) {
      return inTransaction(async (trx) => {
        const last = await trx
          .selectFrom("document_versions")
          .select((eb) => eb.fn.max("number").as("number"))
          .where("document_id", "=", version.documentId)
          .executeTakeFirst();
        const row: VersionRow = {
          id: version.id,
          document_id: version.documentId,
          number: (last?.number ?? 0) + 1,
          kind: version.kind,
          name: version.name,
          state: version.state,
          state_vector: Y.encodeStateVectorFromUpdateV2(version.state),
          hash: stateHash(version.state),
          size: version.state.byteLength,
          author_id: version.authorId,
          created_at: version.createdAt,
          decision_id: version.decisionId,
        };
        await trx.insertInto("document_versions").values(row).execute();
        return summaryOf(row);
      });
    },

    async listVersions(documentId) {
      const rows = await db
        .selectFrom("document_versions")
        .select(summaryColumns)
        .where("document_id", "=", documentId)
        .orderBy("number", "desc")
        .execute();
      return rows.map(summaryOf);
    },

    async loadVersion(documentId, versionId): Promise<StoredVersion | null> {
      const row = await db
        .selectFrom("document_versions")
        .selectAll()
        .where("document_id", "=", documentId)
        .where("id", "=", versionId)
        .executeTakeFirst();
      if (!row) return null;
      return { ...summaryOf(row), state: plain(row.state), stateVector: plain(row.state_vector) };
    },

    async deleteVersions(documentId, versionIds) {
      if (versionIds.length === 0) return 0;
      const deleted = await db
        .deleteFrom("document_versions")
        .where("document_id", "=", documentId)
        .where("id", "in", versionIds)
        .executeTakeFirst();
      return Number(deleted.numDeletedRows);
    },
  };
}
