/** Search on SQLite: FTS5's `search_fts` (accents and case folded by its tokenizer). */
import { sql } from "kysely";
import type { SearchHit } from "../../shared/api/search";
import type { DB } from "../db/database";
import { ftsQuery, MARK_END, MARK_START } from "./fts-query";
import {
  HEADING_WEIGHT,
  type HitRow,
  requestFilters,
  type SearchRequest,
  SNIPPET_TOKENS,
  toHit,
} from "./query";

/** Ranked by bm25 (heading words weigh more), recent edits first on ties. */
export async function sqliteQuery(db: DB, request: SearchRequest): Promise<SearchHit[]> {
  const match = ftsQuery(request.text);
  if (match === null) return [];
  // Ranked first, then snippets for the page of hits only: snippet() costs far more than
  // bm25(), and a frequent word matches thousands of entries.
  const { rows } = await sql<HitRow>`
    WITH best AS MATERIALIZED (
      SELECT search_fts.rowid AS id, bm25(search_fts, ${HEADING_WEIGHT}, 1) AS rank,
        e.updated_at AS updated_at
      FROM search_fts JOIN search_entries e ON e.rowid = search_fts.rowid
      WHERE search_fts MATCH ${match} AND ${requestFilters(request)}
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
  return rows.map(toHit);
}
