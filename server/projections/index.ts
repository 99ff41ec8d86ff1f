/**
 * Read projections of document content, refreshed whenever the sync layer stores a
 * document: SQL copies that search, indicators, exports and the portfolio read without
 * loading any Y.Doc. Each kind that needs one registers a projector here; every document
 * is also indexed for search (server/search/), from the same reading of its Y.Doc.
 */
import type * as Y from "yjs";
import type { DocumentKind } from "../../shared/documents";
import type { DB } from "../db/database";
import type { DocumentRow } from "../db/schema";
import { documentEntries, type VersionedEntry } from "../search/entries";
import { indexDocumentEntries } from "../search/refresh";
import { boardProjector } from "./board";
import { diagnosticProjector } from "./diagnostic";

/**
 * `extract` reads the live Y.Doc synchronously (it may change or be destroyed after);
 * `store` writes what was extracted; `entries` is what search finds in it (rows, cards).
 */
export interface Projector<T> {
  extract(doc: Y.Doc): T;
  store(db: DB, document: DocumentRow, extracted: T): Promise<void>;
  entries(document: DocumentRow, extracted: T): VersionedEntry[];
}

interface Projected {
  stored: Promise<void>;
  entries: VersionedEntry[];
}

type Project = (db: DB, document: DocumentRow, doc: Y.Doc) => Projected;

const run =
  <T>(projector: Projector<T>): Project =>
  (db, document, doc) => {
    const extracted = projector.extract(doc);
    return {
      stored: projector.store(db, document, extracted),
      entries: projector.entries(document, extracted),
    };
  };

/** One entry per kind that has a read projection (issues: diagnostic, boards). */
const projectors: Partial<Record<DocumentKind, Project>> = {
  board: run(boardProjector),
  diagnostic: run(diagnosticProjector),
};

export type Projections = (documentId: string, doc: Y.Doc) => Promise<void>;

export function createProjections(db: DB): Projections {
  return async function project(documentId, doc) {
    const row = await db
      .updateTable("documents")
      .set({ updated_at: Date.now() })
      .where("id", "=", documentId)
      .returningAll()
      .executeTakeFirst();
    if (!row) return;
    // Everything is read from the Y.Doc before the first await below, while it is alive.
    const projected = projectors[row.kind]?.(db, row, doc);
    const entries = [...documentEntries(doc, row), ...(projected?.entries ?? [])];
    await Promise.all([projected?.stored, indexDocumentEntries(db, row, entries)]);
  };
}
