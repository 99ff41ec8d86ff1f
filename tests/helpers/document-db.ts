/**
 * Migrated SQLite databases in temporary directories: empty, or holding one pôle and one
 * page, what stored documents need (document_states references documents, which belong to
 * a pôle).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DB, type OpenedDatabase, openDatabase } from "../../server/db/database";
import { migrateToLatest } from "../../server/db/migrate";

export interface TemporaryDatabase extends OpenedDatabase {
  /** Closes the database and removes its directory. */
  remove(): Promise<void>;
}

/** Into a migrated database, of either engine: the pôle `pole-1` and its page `documentId`. */
export async function insertPoleWithPage(db: DB, documentId: string): Promise<void> {
  await db
    .insertInto("poles")
    .values({ id: "pole-1", slug: "pole", name: "Pôle", created_at: 0 })
    .execute();
  await insertPage(db, documentId);
}

/** One more page `documentId` in the pôle `pole-1` that insertPoleWithPage made. */
export async function insertPage(db: DB, documentId: string): Promise<void> {
  await db
    .insertInto("documents")
    .values({
      id: documentId,
      pole_id: "pole-1",
      kind: "page",
      title: "Notes",
      circle_id: null,
      created_by: null,
      created_at: 0,
      updated_at: 0,
    })
    .execute();
}

/** A migrated, empty database in a new temporary directory named after `purpose`. */
export async function openMigratedDatabase(purpose: string): Promise<TemporaryDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), `maillage-${purpose}-`));
  const database = openDatabase(dataDir);
  await migrateToLatest(database.db);
  return {
    ...database,
    async remove() {
      await database.db.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function openDocumentDatabase(documentId: string): Promise<TemporaryDatabase> {
  const database = await openMigratedDatabase("documents");
  await insertPoleWithPage(database.db, documentId);
  return database;
}
