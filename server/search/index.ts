/**
 * The search index behind one interface: `replace` what a source holds (a document, a
 * pôle's collective), `remove` it, `query` it. Both engines keep the same entries in
 * `search_entries`; SQLite indexes them with FTS5 (its `search_fts`), PostgreSQL with a
 * GIN index over a `tsvector` of `unaccent`ed text, each queried by its own module.
 */
import type { SearchHit } from "../../shared/api/search";
import type { DocumentKind } from "../../shared/documents";
import type { DB } from "../db/database";
import { isPostgres } from "../db/dialect";
import type { VersionedEntry } from "./entries";
import { forget, recall, remember } from "./known";
import { postgresQuery } from "./postgres-query";
import type { SearchRequest } from "./query";
import { sqliteQuery } from "./sqlite-query";

/** Where a source's entries live: what rights and filters are read from. */
export interface SearchSource {
  source: string;
  poleId: string;
  documentId: string | null;
  documentKind: DocumentKind | null;
  circleId: string | null;
}

export interface SearchIndex {
  replace(db: DB, source: SearchSource, entries: readonly VersionedEntry[]): Promise<void>;
  remove(db: DB, source: string): Promise<void>;
  query(db: DB, request: SearchRequest): Promise<SearchHit[]>;
}

const SLICE = 100;
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

/** Called inside a use case's transaction as well as on its own. */
const inTransaction = (db: DB, work: (trx: DB) => Promise<void>) =>
  db.isTransaction ? work(db) : db.transaction().execute(work);

/**
 * What this process remembers of a source's entries, when it still matches what is stored.
 * On PostgreSQL another instance may have rewritten them: nothing is remembered there, so
 * the count that checks the memory is not even asked for.
 */
async function rememberedVersions(trx: DB, source: string, place: string) {
  if (isPostgres(trx)) return null;
  const { stored } = await trx
    .selectFrom("search_entries")
    .select(({ fn }) => fn.countAll<number>().as("stored"))
    .where("source", "=", source)
    .executeTakeFirstOrThrow();
  return recall(source, place, Number(stored));
}

export const searchIndex: SearchIndex = {
  /** Rewrites only the entries that changed, so an edit costs one row, not the document. */
  async replace(db, source, entries) {
    const now = Date.now();
    const place = placeOf(source);
    const wanted = new Map<string, VersionedEntry>();
    for (const entry of entries) if (!wanted.has(entry.key)) wanted.set(entry.key, entry);
    await inTransaction(db, async (trx) => {
      const versions = await rememberedVersions(trx, source.source, place);
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
    // On PostgreSQL another instance may rewrite the source meanwhile (from a copy of the
    // document a moment behind): only the stored digests can vouch for what is there.
    if (db.isTransaction || isPostgres(db)) forget(source.source);
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

  query: (db, request) => (isPostgres(db) ? postgresQuery(db, request) : sqliteQuery(db, request)),
};
