/**
 * Keeps the search index in step: a document's entries when it is stored (called with the
 * projections, off the relay path), a pôle's collective (people, structures, circles) when
 * a domain function changes it, and once at start what an older database never indexed.
 */
import { sql } from "kysely";
import * as Y from "yjs";
import type { DB } from "../db/database";
import type { DocumentRow } from "../db/schema";
import { createKyselyStore, loadDoc } from "../storage";
import { collectiveEntries } from "./collective";
import { built, clean, documentEntries, type VersionedEntry } from "./entries";
import { searchIndex } from "./index";

const collectiveSource = (poleId: string) => `collective:${poleId}`;

/** A document's entries, as the projections read them from its Y.Doc. */
export function indexDocumentEntries(
  db: DB,
  document: DocumentRow,
  entries: readonly VersionedEntry[],
): Promise<void> {
  return searchIndex.replace(
    db,
    {
      source: document.id,
      poleId: document.pole_id,
      documentId: document.id,
      documentKind: document.kind,
      circleId: document.circle_id,
    },
    entries,
  );
}

/**
 * A document just created, from its initial state (an outline, a board's columns; no row nor
 * card yet): findable by its title and text at once, before anyone opens it.
 */
export async function indexNewDocument(db: DB, document: DocumentRow, state: Uint8Array | null) {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  try {
    await indexDocumentEntries(db, document, documentEntries(doc, document));
  } finally {
    doc.destroy();
  }
}

/** A document moved to another circle: its entries follow its new right at once. */
export async function moveDocumentEntries(
  db: DB,
  { documentId, circleId }: { documentId: string; circleId: string | null },
) {
  await db
    .updateTable("search_entries")
    .set({ circle_id: circleId })
    .where("source", "=", documentId)
    .execute();
}

/**
 * People, structures and circles of one pôle, rebuilt from SQL: a few hundred rows, and only
 * those that changed are rewritten. Called by every use case that changes them.
 */
export async function indexCollective(db: DB, poleId: string): Promise<void> {
  await searchIndex.replace(
    db,
    {
      source: collectiveSource(poleId),
      poleId,
      documentId: null,
      documentKind: null,
      circleId: null,
    },
    await collectiveEntries(db, poleId),
  );
}

const decisionSource = (decisionId: string) => `decision:${decisionId}`;

/**
 * A decision: its title and text, in its circle (every member of the pôle reads the decision
 * log: `canReadDecisions`, which the rights' rule for entries outside documents matches).
 */
export async function indexDecision(db: DB, decisionId: string): Promise<void> {
  const decision = await db
    .selectFrom("decisions")
    .innerJoin("circles", "circles.id", "decisions.circle_id")
    .select([
      "decisions.id",
      "decisions.pole_id",
      "decisions.circle_id",
      "decisions.title",
      "decisions.text",
      "circles.name as circleName",
    ])
    .where("decisions.id", "=", decisionId)
    .executeTakeFirst();
  if (!decision) return;
  await searchIndex.replace(
    db,
    {
      source: decisionSource(decision.id),
      poleId: decision.pole_id,
      documentId: null,
      documentKind: null,
      circleId: decision.circle_id,
    },
    [
      built("decision", {
        kind: "decision",
        entryId: decision.id,
        label: decision.title,
        context: decision.circleName,
        anchor: "",
        heading: clean(decision.title),
        body: clean(decision.text),
      }),
    ],
  );
}

/**
 * Documents and decisions stored before search existed are indexed once, through the projections (which
 * read rows and cards too): `project` is what the sync layer calls when it stores one.
 */
export async function indexWhatIsMissing(
  db: DB,
  project: (documentId: string, doc: Y.Doc) => Promise<void>,
): Promise<void> {
  const documents = await db
    .selectFrom("documents")
    .selectAll()
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("search_entries")
            .select("rowid")
            .whereRef("search_entries.source", "=", "documents.id")
            .where("search_entries.key", "=", "title"),
        ),
      ),
    )
    .execute();
  const store = createKyselyStore(db);
  for (const document of documents) {
    const doc = await loadDoc(store, document.id);
    try {
      await project(document.id, doc);
    } finally {
      doc.destroy();
    }
  }
  const poles = await db.selectFrom("poles").select("id").execute();
  for (const { id } of poles) await indexCollective(db, id);
  const decisions = await db
    .selectFrom("decisions")
    .select("id")
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("search_entries")
            .select("rowid")
            .whereRef("search_entries.source", "=", sql<string>`'decision:' || decisions.id`),
        ),
      ),
    )
    .execute();
  for (const { id } of decisions) await indexDecision(db, id);
}
