/** Search across a pôle (CONTRACT.md: GET /api/poles/:poleId/search?q=). */
import { z } from "zod/mini";
import { id } from "./fields";

/** What a hit is: a document (its title), a paragraph of its text, a row, a card… */
export const searchKinds = [
  "document",
  "paragraph",
  "row",
  "card",
  "person",
  "structure",
  "circle",
  "decision",
] as const;
export type SearchKind = (typeof searchKinds)[number];

export const SEARCH_MAX = 200;

export const SearchQuery = z.object({
  q: z.optional(
    z
      .string()
      .check(z.maxLength(SEARCH_MAX, `La recherche tient en ${SEARCH_MAX} caractères au plus.`)),
  ),
  kind: z.optional(z.enum(searchKinds)),
  circleId: z.optional(id),
  /** Only what lives in this document (search inside the diagnostic or a board). */
  documentId: z.optional(id),
});
export type SearchFilters = z.infer<typeof SearchQuery>;

export const SearchHit = z.object({
  kind: z.enum(searchKinds),
  /** The hit's own id (a row, a card, a person…); for a document, its id. */
  id: z.string(),
  /** The document it lives in; null for people, structures and circles. */
  documentId: z.nullable(z.string()),
  title: z.string(),
  /** Plain text: the matched words are given as `highlights`, never as markup. */
  snippet: z.string(),
  /** [start, end) offsets into `snippet` (UTF-16 code units) of the matched words. */
  highlights: z.array(z.tuple([z.number(), z.number()])),
  /** Where it lives, in words ("Diagnostic de territoire", a board's title…). */
  context: z.string(),
  /** Query parameters that open its page at the hit (`row=…`, `card=…`, `p=…`), or "". */
  anchor: z.string(),
  circleId: z.nullable(z.string()),
  /** Lower is better: bm25 on SQLite, minus ts_rank on PostgreSQL; only the order means anything. */
  rank: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResults = z.array(SearchHit);
export type SearchResults = z.infer<typeof SearchResults>;
