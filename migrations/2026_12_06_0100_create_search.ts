import { type Kysely, sql } from "kysely";
import { isPostgres } from "../server/db/dialect";

/**
 * The search index (server/search/): one row per findable thing, and an FTS5 index over its
 * heading and text kept in step by triggers. Accents and case are folded by the tokenizer;
 * prefix indexes keep typing-as-you-search queries quick. Existing documents are indexed
 * once at start (server/search/backfill.ts), since their text lives in Yjs, not in SQL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("search_entries")
    .addColumn("rowid", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("entry_id", "text", (c) => c.notNull())
    .addColumn("document_id", "text", (c) => c.references("documents.id").onDelete("cascade"))
    .addColumn("document_kind", "text")
    .addColumn("circle_id", "text")
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("context", "text", (c) => c.notNull())
    .addColumn("anchor", "text", (c) => c.notNull())
    .addColumn("heading", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("digest", "text", (c) => c.notNull())
    .addColumn("updated_at", "integer", (c) => c.notNull())
    .addUniqueConstraint("search_entries_source_key", ["source", "key"])
    .execute();
  await db.schema
    .createIndex("search_entries_pole")
    .on("search_entries")
    .columns(["pole_id", "kind"])
    .execute();
  // PostgreSQL keeps the entries; its own index (tsvector over unaccent) is still to come.
  if (isPostgres(db)) return;
  await sql`CREATE VIRTUAL TABLE search_fts USING fts5(
    heading, body,
    content='search_entries', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2', prefix='2 3'
  )`.execute(db);
  await sql`CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN
    INSERT INTO search_fts(rowid, heading, body) VALUES (new.rowid, new.heading, new.body);
  END`.execute(db);
  await sql`CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN
    INSERT INTO search_fts(search_fts, rowid, heading, body)
      VALUES ('delete', old.rowid, old.heading, old.body);
  END`.execute(db);
  await sql`CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries BEGIN
    INSERT INTO search_fts(search_fts, rowid, heading, body)
      VALUES ('delete', old.rowid, old.heading, old.body);
    INSERT INTO search_fts(rowid, heading, body) VALUES (new.rowid, new.heading, new.body);
  END`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) await sql`DROP TABLE search_fts`.execute(db);
  await db.schema.dropTable("search_entries").execute();
}
