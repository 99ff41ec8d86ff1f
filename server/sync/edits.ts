import * as Y from "yjs";
import type { DocumentMember } from "./document";
import { updateFrame } from "./frames";
import type { DocumentRegistry } from "./registry";
import type { UpdateWriter } from "./writer";

/**
 * The origin of the server's own edits: it is no connection, so the relay reaches every
 * connection of the document, and nothing is ever sent to it.
 */
const server: DocumentMember = { name: "Maillage", clientIds: [], send() {} };

/**
 * Runs `change` on the document's loaded Y.Doc (loading it if no one has it open) as one
 * transaction; what it changed is stored, then relayed like any client's update: a forward
 * edit that open editors see live and that merges with offline copies. Even when `change`
 * throws, what it had changed is stored, so the Y.Doc and the database never disagree.
 */
export async function editLoaded<T>(
  registry: DocumentRegistry,
  writer: UpdateWriter,
  documentId: string,
  change: (doc: Y.Doc) => T,
): Promise<T> {
  const doc = await registry.acquire(documentId);
  try {
    const ydoc = doc.ydoc;
    const updates: Uint8Array[] = [];
    const capture = (update: Uint8Array, origin: unknown) => {
      if (origin === server) updates.push(update);
    };
    ydoc.on("update", capture);
    let result: T;
    try {
      result = ydoc.transact(() => change(ydoc), server);
    } finally {
      ydoc.off("update", capture);
      if (updates.length > 0) {
        const update = updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
        writer.accept(doc, update, updateFrame(update), server);
      }
    }
    await writer.flush();
    return result;
  } finally {
    registry.release(doc);
  }
}
