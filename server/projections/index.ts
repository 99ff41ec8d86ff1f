/**
 * Read projections of document content, refreshed whenever the sync layer stores a
 * document: SQL copies that search, indicators, exports and the portfolio read without
 * loading any Y.Doc. Each kind that needs one registers a projector here; every kind is
 * also indexed for search (server/search/).
 */
import type * as Y from "yjs";
import type { DocumentKind } from "../../shared/documents";
import type { DB } from "../db/database";
import type { DocumentRow } from "../db/schema";
import { indexDocument } from "../search/refresh";
import { boardProjector } from "./board";
import { diagnosticProjector } from "./diagnostic";

/**
 * `extract` reads the live Y.Doc synchronously (it may change or be destroyed after);
 * `store` writes what was extracted.
 */
export interface Projector<T> {
  extract(doc: Y.Doc): T;
  store(db: DB, document: DocumentRow, extracted: T): Promise<void>;
}

type Project = (db: DB, document: DocumentRow, doc: Y.Doc) => Promise<void>;

const run =
  <T>(projector: Projector<T>): Project =>
  (db, document, doc) =>
    projector.store(db, document, projector.extract(doc));

/** One entry per kind that has a read projection (issues: diagnostic, boards). */
const projectors: Partial<Record<DocumentKind, Project>> = {
  board: run(boardProjector),
  diagnostic: run(diagnosticProjector),
};

export function createProjections(db: DB) {
  return async function project(documentId: string, doc: Y.Doc): Promise<void> {
    const row = await db
      .selectFrom("documents")
      .selectAll()
      .where("id", "=", documentId)
      .executeTakeFirst();
    if (!row) return;
    await db
      .updateTable("documents")
      .set({ updated_at: Date.now() })
      .where("id", "=", documentId)
      .execute();
    // Both read the Y.Doc before their first await, while it is certainly alive.
    await Promise.all([projectors[row.kind]?.(db, row, doc), indexDocument(db, row, doc)]);
  };
}
