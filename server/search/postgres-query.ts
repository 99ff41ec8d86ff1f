/**
 * Search on PostgreSQL, answering as FTS5 does on SQLite: a `tsvector` of each entry's
 * heading (weight A) and body, folded by the `maillage_search` configuration (`unaccent`,
 * no stemming, no stop words: migrations/2026_12_06_1400_search_on_postgres.ts) and
 * indexed by GIN; words typed match as prefixes, quoted parts as phrases; ranked by
 * `ts_rank`, with `ts_headline` marking the matched words of the page of hits only.
 */
import { type RawBuilder, sql } from "kysely";
import type { SearchHit } from "../../shared/api/search";
import type { DB } from "../db/database";
import { MARK_END, MARK_START, type SearchTerm, searchTerms } from "./fts-query";
import {
  HEADING_WEIGHT,
  type HitRow,
  requestFilters,
  type SearchRequest,
  SNIPPET_TOKENS,
  toHit,
} from "./query";

/** A literal, never a parameter: the GIN index is over this very expression. */
const CONFIG = sql`'maillage_search'::regconfig`;
const VECTOR = sql`(setweight(to_tsvector(${CONFIG}, e.heading), 'A')
  || to_tsvector(${CONFIG}, e.body))`;
/**
 * ts_rank's weights of labels D, C, B, A, each at most 1: the heading (A) counts
 * HEADING_WEIGHT times the body (D).
 */
const BODY_WEIGHT = 1 / HEADING_WEIGHT;
const WEIGHTS = `{${BODY_WEIGHT},${BODY_WEIGHT},${BODY_WEIGHT},1}`;
/** ts_rank divides by 1 + the logarithm of the entry's length, as bm25 favours short ones. */
const BY_LENGTH = 1;
const HEADLINE = [
  `StartSel="${MARK_START}"`,
  `StopSel="${MARK_END}"`,
  `MaxWords=${SNIPPET_TOKENS}`,
  `MinWords=${SNIPPET_TOKENS / 2}`,
  "ShortWord=0",
].join(", ");

/**
 * A term as a tsquery: a phrase through phraseto_tsquery (plain text, whatever it holds);
 * a word, made of letters and digits only, quoted and marked as a prefix.
 */
const termQuery = (term: SearchTerm) =>
  term.phrase
    ? sql`phraseto_tsquery(${CONFIG}, ${term.words.join(" ")})`
    : sql`to_tsquery(${CONFIG}, ${`'${term.words[0]}':*`})`;

/** Every term must match, as FTS5's implicit AND. */
const tsquery = (terms: readonly SearchTerm[]): RawBuilder<unknown> =>
  sql`(${sql.join(terms.map(termQuery), sql` && `)})`;

/**
 * The statement for `request` (null when it holds no word): ranked by ts_rank (heading
 * words weigh more), recent edits first on ties.
 */
export function postgresSearch(request: SearchRequest): RawBuilder<HitRow> | null {
  const terms = searchTerms(request.text);
  if (terms.length === 0) return null;
  const query = tsquery(terms);
  // The snippet shows the body when it matches, as FTS5's picks the best column.
  return sql<HitRow>`
    WITH best AS MATERIALIZED (
      SELECT e.rowid AS id, ts_rank(${WEIGHTS}::float4[], ${VECTOR}, ${query}, ${BY_LENGTH}) AS rank,
        e.updated_at AS updated_at
      FROM search_entries e
      WHERE ${VECTOR} @@ ${query} AND ${requestFilters(request)}
      ORDER BY rank DESC, e.updated_at DESC, e.rowid
      LIMIT ${request.limit}
    )
    SELECT e.kind, e.entry_id, e.document_id, e.label, e.context, e.anchor, e.circle_id,
      ts_headline(${CONFIG},
        CASE WHEN to_tsvector(${CONFIG}, e.body) @@ ${query} THEN e.body ELSE e.heading END,
        ${query}, ${HEADLINE}) AS marked,
      -best.rank AS rank
    FROM best JOIN search_entries e ON e.rowid = best.id
    ORDER BY best.rank DESC, best.updated_at DESC, best.id`;
}

export async function postgresQuery(db: DB, request: SearchRequest): Promise<SearchHit[]> {
  const statement = postgresSearch(request);
  if (!statement) return [];
  const { rows } = await statement.execute(db);
  return rows.map(toHit);
}
