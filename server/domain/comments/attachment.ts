/**
 * Threads are never lost: after edits (debounced, like the read projections) the server
 * reads which anchors are in the document and marks the others' threads detached; a
 * thread whose text comes back (undo) re-attaches. Pages are told when any changed.
 */
import type * as Y from "yjs";
import type { Ctx } from "../context";
import { announceThreads } from "./post";
import { presentTargets } from "./targets";

export function followAnchors(ctx: Ctx<"poleEvents">) {
  const { db } = ctx;
  return async function refresh(documentId: string, doc: Y.Doc): Promise<void> {
    // Read now, before any await: the Y.Doc may change or be unloaded after.
    const present = presentTargets(doc);
    const threads = await db
      .selectFrom("comment_threads")
      .select(["id", "target_kind", "target_table", "target_id", "detached"])
      .where("document_id", "=", documentId)
      .execute();
    const changed = threads.filter((thread) => (thread.detached === 1) === present(thread));
    if (changed.length === 0) return;
    for (const detached of [0, 1]) {
      const ids = changed.filter((thread) => thread.detached !== detached).map((t) => t.id);
      if (ids.length === 0) continue;
      await db.updateTable("comment_threads").set({ detached }).where("id", "in", ids).execute();
    }
    const document = await db
      .selectFrom("documents")
      .selectAll()
      .where("id", "=", documentId)
      .executeTakeFirst();
    if (document) announceThreads(ctx, document);
  };
}
