/**
 * A search request and its answer, whichever engine runs it: FTS5 on SQLite
 * (sqlite-query.ts) or a `tsvector` over `unaccent`ed text on PostgreSQL (postgres-query.ts).
 */
import { type RawBuilder, sql } from "kysely";
import type { SearchHit, SearchKind } from "../../shared/api/search";
import { highlights } from "./fts-query";
import { type Readable, readableSql } from "./rights";

export interface SearchRequest {
  poleId: string;
  text: string;
  readable: Readable;
  kind?: SearchKind;
  circleId?: string;
  documentId?: string;
  limit: number;
}

/** Words of context around the matched words in a snippet. */
export const SNIPPET_TOKENS = 16;
/** A heading match weighs more than the same words in the text. */
export const HEADING_WEIGHT = 5;

/** What both engines answer for a hit: `marked` holds fts-query.ts's markers. */
export interface HitRow {
  kind: SearchKind;
  entry_id: string;
  document_id: string | null;
  label: string;
  context: string;
  anchor: string;
  circle_id: string | null;
  marked: string;
  /** Lower is better, on both engines. */
  rank: number;
}

/** The request's conditions on `e`, the search_entries alias, past the text's own. */
export function requestFilters(request: SearchRequest): RawBuilder<unknown> {
  return sql.join(
    [
      sql`e.pole_id = ${request.poleId}`,
      readableSql(request.readable),
      ...(request.kind ? [sql`e.kind = ${request.kind}`] : []),
      ...(request.circleId ? [sql`e.circle_id = ${request.circleId}`] : []),
      ...(request.documentId ? [sql`e.document_id = ${request.documentId}`] : []),
    ],
    sql` AND `,
  );
}

export function toHit(row: HitRow): SearchHit {
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
}
