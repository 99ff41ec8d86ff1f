/**
 * The search index behind one interface: `replace` what a source holds (a document, a
 * pôle's collective), `remove` it, `query` it. This SQLite implementation uses FTS5 (the
 * migration's `search_fts`, accents and case folded by its tokenizer); a PostgreSQL one
 * would keep the same entries with a `tsvector` over `unaccent`ed text.
 */
import { sql } from "kysely";
import type { SearchHit, SearchKind } from "../../shared/api/search";
import type { DocumentKind } from "../../shared/documents";
import type { DB } from "../db/database";
import { isPostgres } from "../db/dialect";
import type { VersionedEntry } from "./entries";
import { ftsQuery, highlights, MARK_END, MARK_START, words } from "./fts-query";
import { forget, recall, remember } from "./known";
import { type Readable, readableSql } from "./rights";

/** Where a source's entries live: what rights and filters are read from. */
export interface SearchSource {
  source: string;
  poleId: string;
  documentId: string | null;
  documentKind: DocumentKind | null;
  circleId: string | null;
}

export interface SearchRequest {
  poleId: string;
  text: string;
  readable: Readable;
  kind?: SearchKind;
  circleId?: string;
  documentId?: string;
  limit: number;
}

export interface SearchIndex {
  replace(db: DB, source: SearchSource, entries: readonly VersionedEntry[]): Promise<void>;
  remove(db: DB, source: string): Promise<void>;
  query(db: DB, request: SearchRequest): Promise<SearchHit[]>;
}

const SLICE = 100;
/** Words of context on each side of the matched words. */
const SNIPPET_TOKENS = 16;
/** The interim PostgreSQL snippet: the start of the text. */
const SNIPPET_CHARS = 200;
/** A heading match weighs more than the same words in the text. */
const HEADING_WEIGHT = 5;

/** Where a source's entries live: part of every digest, so that a move rewrites them. */
const placeOf = (source: SearchSource) =>
  `${source.circleId ?? ""}\u0000${source.documentKind ?? ""}`;

/**
 * Two 32-bit string hashes (FNV-1a and djb2) side by side, with the length, of an entry's
 * version and place: a refresh compares these instead of reading texts back.
 */
function digestOf(entry: Pick<VersionedEntry, "version">, place: string): string {
  const text = `${place}\u0000${entry.version}`;
  let fnv = 0x811c9dc5;
  let djb = 5381;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    fnv = Math.imul(fnv ^ code, 0x01000193);
    djb = (Math.imul(djb, 33) + code) | 0;
  }
  return `${text.length}:${(fnv >>> 0).toString(36)}:${(djb >>> 0).toString(36)}`;
}

interface HitRow {
  kind: SearchKind;
  entry_id: string;
  document_id: string | null;
  label: string;
  context: string;
  anchor: string;
  circle_id: string | null;
  marked: string;
  rank: number;
}

/**
 * PostgreSQL holds the same entries but not yet its own index (`tsvector` over `unaccent`,
 * its own issue): until then every word must appear in the entry, case folded, accents not,
 * recent edits first, the text's start as snippet. Never FTS syntax: words are letters only.
 */
async function interimPostgresQuery(db: DB, request: SearchRequest): Promise<SearchHit[]> {
  const typed = words(request.text).slice(0, 12);
  if (typed.length === 0) return [];
  let query = db
    .selectFrom("search_entries as e")
    .select([
      "e.kind",
      "e.entry_id",
      "e.document_id",
      "e.label",
      "e.context",
      "e.anchor",
      "e.circle_id",
      "e.body",
    ])
    .where("e.pole_id", "=", request.poleId)
    .where(readableSql(request.readable).$castTo<boolean>());
  for (const word of typed) {
    query = query.where(sql<boolean>`(e.heading || ' ' || e.body) ilike ${`%${word}%`}`);
  }
  if (request.kind) query = query.where("e.kind", "=", request.kind);
  if (request.circleId) query = query.where("e.circle_id", "=", request.circleId);
  if (request.documentId) query = query.where("e.document_id", "=", request.documentId);
  const rows = await query.orderBy("e.updated_at", "desc").limit(request.limit).execute();
  return rows.map((row) => ({
    kind: row.kind as SearchHit["kind"],
    id: row.entry_id,
    documentId: row.document_id,
    title: row.label,
    snippet: row.body.slice(0, SNIPPET_CHARS),
    highlights: [],
    context: row.context,
    anchor: row.anchor,
    circleId: row.circle_id,
    rank: 0,
  }));
}

/** Called inside a use case's transaction as well as on its own. */
const inTransaction = (db: DB, work: (trx: DB) => Promise<void>) =>
  db.isTransaction ? work(db) : db.transaction().execute(work);

export const sqliteSearchIndex: SearchIndex = {
  /** Rewrites only the entries that changed, so an edit costs one row, not the document. */
  async replace(db, source, entries) {
    const now = Date.now();
    const place = placeOf(source);
    const wanted = new Map<string, VersionedEntry>();
    for (const entry of entries) if (!wanted.has(entry.key)) wanted.set(entry.key, entry);
    await inTransaction(db, async (trx) => {
      const { stored } = await trx
        .selectFrom("search_entries")
        .select(({ fn }) => fn.countAll<number>().as("stored"))
        .where("source", "=", source.source)
        .executeTakeFirstOrThrow();
      const versions = recall(source.source, place, Number(stored));
      let fresh: VersionedEntry[];
      if (versions) {
        fresh = [...wanted.values()].filter((entry) => versions.get(entry.key) !== entry.version);
        const gone = [...versions.keys()].filter((key) => !wanted.has(key));
        for (let start = 0; start < gone.length; start += SLICE) {
          await trx
            .deleteFrom("search_entries")
            .where("source", "=", source.source)
            .where("key", "in", gone.slice(start, start + SLICE))
            .execute();
        }
      } else {
        const digests = await trx
          .selectFrom("search_entries")
          .select(["rowid", "key", "digest"])
          .where("source", "=", source.source)
          .execute();
        const previous = new Map(digests.map((row) => [row.key, row.digest]));
        fresh = [...wanted.values()].filter(
          (entry) => previous.get(entry.key) !== digestOf(entry, place),
        );
        const gone = digests.filter((row) => !wanted.has(row.key)).map((row) => row.rowid);
        for (let start = 0; start < gone.length; start += SLICE) {
          await trx
            .deleteFrom("search_entries")
            .where("rowid", "in", gone.slice(start, start + SLICE))
            .execute();
        }
      }
      for (let start = 0; start < fresh.length; start += SLICE) {
        await trx
          .insertInto("search_entries")
          .values(
            fresh.slice(start, start + SLICE).map(({ key, version, build }) => {
              const entry = build();
              return {
                source: source.source,
                key,
                pole_id: source.poleId,
                kind: entry.kind,
                entry_id: entry.entryId,
                document_id: source.documentId,
                document_kind: source.documentKind,
                circle_id: source.circleId,
                label: entry.label,
                context: entry.context,
                anchor: entry.anchor,
                heading: entry.heading,
                body: entry.body,
                digest: digestOf({ version }, place),
                updated_at: now,
              };
            }),
          )
          .onConflict((conflict) =>
            conflict.columns(["source", "key"]).doUpdateSet((eb) => ({
              kind: eb.ref("excluded.kind"),
              entry_id: eb.ref("excluded.entry_id"),
              document_kind: eb.ref("excluded.document_kind"),
              circle_id: eb.ref("excluded.circle_id"),
              label: eb.ref("excluded.label"),
              context: eb.ref("excluded.context"),
              anchor: eb.ref("excluded.anchor"),
              heading: eb.ref("excluded.heading"),
              body: eb.ref("excluded.body"),
              digest: eb.ref("excluded.digest"),
              updated_at: eb.ref("excluded.updated_at"),
            })),
          )
          .execute();
      }
    });
    // Inside a caller's transaction the write may still be rolled back: nothing to remember.
    if (db.isTransaction) forget(source.source);
    else {
      remember(
        source.source,
        place,
        new Map([...wanted.values()].map((entry) => [entry.key, entry.version])),
      );
    }
  },

  async remove(db, source) {
    forget(source);
    await db.deleteFrom("search_entries").where("source", "=", source).execute();
  },

  /** Ranked by bm25 (heading words weigh more), recent edits first on ties. */
  async query(db, request) {
    if (isPostgres(db)) return interimPostgresQuery(db, request);
    const match = ftsQuery(request.text);
    if (match === null) return [];
    const filters = [
      request.kind ? sql`AND e.kind = ${request.kind}` : sql``,
      request.circleId ? sql`AND e.circle_id = ${request.circleId}` : sql``,
      request.documentId ? sql`AND e.document_id = ${request.documentId}` : sql``,
    ];
    // Ranked first, then snippets for the page of hits only: snippet() costs far more than
    // bm25(), and a frequent word matches thousands of entries.
    const { rows } = await sql<HitRow>`
      WITH best AS MATERIALIZED (
        SELECT search_fts.rowid AS id, bm25(search_fts, ${HEADING_WEIGHT}, 1) AS rank,
          e.updated_at AS updated_at
        FROM search_fts JOIN search_entries e ON e.rowid = search_fts.rowid
        WHERE search_fts MATCH ${match}
          AND e.pole_id = ${request.poleId}
          AND ${readableSql(request.readable)}
          ${sql.join(filters, sql` `)}
        ORDER BY rank, e.updated_at DESC, e.rowid
        LIMIT ${request.limit}
      )
      SELECT e.kind, e.entry_id, e.document_id, e.label, e.context, e.anchor, e.circle_id,
        snippet(search_fts, -1, ${MARK_START}, ${MARK_END}, '…', ${SNIPPET_TOKENS}) AS marked,
        best.rank AS rank
      FROM best
        JOIN search_fts ON search_fts.rowid = best.id
        JOIN search_entries e ON e.rowid = best.id
      WHERE search_fts MATCH ${match}
      ORDER BY best.rank, best.updated_at DESC, best.id`.execute(db);
    return rows.map((row) => {
      const { text, ranges } = highlights(row.marked);
      return {
        kind: row.kind,
        id: row.entry_id,
        documentId: row.document_id,
        title: row.label,
        snippet: text,
        highlights: ranges,
        context: row.context,
        anchor: row.anchor,
        circleId: row.circle_id,
        rank: row.rank,
      };
    });
  },
};
