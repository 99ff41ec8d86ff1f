import { type Kysely, sql } from "kysely";
import { isPostgres } from "../server/db/dialect";

/**
 * PostgreSQL's search index, the counterpart of SQLite's FTS5 table (nothing to do there):
 * a text search configuration that folds accents (`unaccent`) and case without stemming
 * nor stop words, as FTS5's unicode61 tokenizer does (a French stemmer would drop `de` or
 * `la` typed as the start of a word, and stems do not match the prefixes of search-as-you-
 * type), and a GIN index over the entries' heading (weight A) and body (D).
 * `unaccent` is a trusted extension: the owner of the database may create it; otherwise a
 * superuser creates it beforehand (README).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db).catch((error: unknown) => {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(
      `${why}: search needs the unaccent extension; a superuser runs CREATE EXTENSION unaccent; in this database once, or makes this role its owner (README)`,
    );
  });
  await sql`CREATE TEXT SEARCH CONFIGURATION maillage_search (COPY = pg_catalog.simple)`.execute(
    db,
  );
  await sql`ALTER TEXT SEARCH CONFIGURATION maillage_search
    ALTER MAPPING FOR asciiword, word, numword, asciihword, hword, numhword,
      hword_asciipart, hword_part, hword_numpart
    WITH unaccent, simple`.execute(db);
  await sql`CREATE INDEX search_entries_text ON search_entries USING gin ((
    setweight(to_tsvector('maillage_search'::regconfig, heading), 'A')
    || to_tsvector('maillage_search'::regconfig, body)))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`DROP INDEX search_entries_text`.execute(db);
  await sql`DROP TEXT SEARCH CONFIGURATION maillage_search`.execute(db);
}
