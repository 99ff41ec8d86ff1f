/**
 * What a caller may read, as a SQL condition on search entries: derived from the pure rules
 * of shared/permissions.ts by asking them about every (document kind, circle) of the pôle,
 * so that results are filtered by the database, never by trimming a longer list.
 * rights.test.ts checks on a table that the condition and the rules agree.
 */
import { type RawBuilder, sql } from "kysely";
import { type DocumentKind, documentKinds } from "../../shared/documents";
import { canRead, type GoverningCircles, type Member } from "../../shared/permissions";

interface DocumentClass {
  kind: DocumentKind;
  circleId: string | null;
}

/**
 * Entries that live in a document follow that document's right; the others (people,
 * structures, circles, decisions) are read by every member of the pôle (`canReadDecisions`
 * for decisions), whom the caller already is.
 */
export type Readable = { everything: true } | { everything: false; documents: DocumentClass[] };

export function readableBy(
  member: Member,
  governing: GoverningCircles,
  circleIds: readonly string[],
): Readable {
  const classes = documentKinds.flatMap((kind) =>
    [null, ...circleIds].map((circleId) => ({ kind, circleId })),
  );
  const documents = classes.filter((doc) => canRead(member, doc, governing));
  return documents.length === classes.length
    ? { everything: true }
    : { everything: false, documents };
}

/** The condition on `e`, the search_entries alias of the query. */
export function readableSql(readable: Readable): RawBuilder<unknown> {
  if (readable.everything) return sql`1 = 1`;
  if (readable.documents.length === 0) return sql`e.document_kind IS NULL`;
  const values = readable.documents.map((doc) => sql`(${doc.kind}, ${doc.circleId ?? ""})`);
  return sql`(e.document_kind IS NULL
    OR (e.document_kind, coalesce(e.circle_id, '')) IN (VALUES ${sql.join(values)}))`;
}
