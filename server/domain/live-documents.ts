/**
 * How the domain changes a document that people may have open: through the sync layer's
 * loaded Y.Doc, as a forward edit stored before it is relayed (ARCHITECTURE.md). The
 * domain never imports the sync layer; main.ts hands it this.
 */
import type * as Y from "yjs";

export interface LiveDocuments {
  /**
   * Runs `change` on the live Y.Doc in one transaction and resolves once what it changed
   * is stored (and relayed). `change` is synchronous and does not keep the Y.Doc.
   */
  edit<T>(documentId: string, change: (doc: Y.Doc) => T): Promise<T>;
}
