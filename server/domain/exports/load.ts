/**
 * A document's Y.Doc as stored: its compacted state plus the log appended since. The sync
 * layer writes every update before relaying it, so this is always as current as what every client has seen.
 */
import * as Y from "yjs";
import type { DB } from "../../db/database";

export async function loadStoredDoc(db: DB, documentId: string): Promise<Y.Doc> {
  const { state, updates } = await db.transaction().execute(async (trx) => ({
    state: await trx
      .selectFrom("document_states")
      .select("state")
      .where("document_id", "=", documentId)
      .executeTakeFirst(),
    updates: await trx
      .selectFrom("document_updates")
      .select("data")
      .where("document_id", "=", documentId)
      .orderBy("id")
      .execute(),
  }));
  const doc = new Y.Doc({ gc: true });
  // Applied one by one into a live doc: never Y.mergeUpdates over a raw log (ARCHITECTURE.md).
  doc.transact(() => {
    if (state) Y.applyUpdate(doc, state.state);
    for (const update of updates) Y.applyUpdate(doc, update.data);
  });
  return doc;
}
