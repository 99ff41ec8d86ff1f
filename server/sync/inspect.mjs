// Plain JavaScript so that the guard's worker thread can load it as is, under tsx, Vitest
// or plain Node alike. Types: inspect.d.mts.
import { ContentAny, ContentJSON, ContentType, decodeUpdate, ID, Item, Skip } from "yjs";

/**
 * Decodes a client's update completely, without touching any document, and describes it.
 * Throws what Yjs throws on a malformed update. `clockOf` answers the next clock the
 * document expects from a client (its state vector, read lazily: documents remember
 * every client that ever wrote).
 *
 * Y.applyUpdate integrates the structs before it even reads the delete set, so a
 * truncated delete set leaves the structs applied: a full decode first means a malformed
 * update is refused before anything of it is applied.
 *
 * `pending` tells whether some of it depends on what the document does not have:
 * Yjs keeps such parts aside and re-reads them with every later update, so a client that
 * sends many of them taxes every update that follows (a kin of yjs issue #687).
 *
 * @param {Uint8Array} update
 * @param {(client: number) => number} clockOf
 * @returns {{ structs: number, types: number, values: number, decodedTypes: number, decodedValues: number, deletes: number, pending: boolean, decodeMs: number }}
 */
export function inspectUpdate(update, clockOf) {
  const started = performance.now();
  const { structs, ds } = decodeUpdate(update);
  const decodeMs = performance.now() - started;
  /** The clock each client reaches once this update is applied, gaps excluded. */
  const known = new Map();
  /** @param {number} client */
  const reachedBy = (client) => known.get(client) ?? clockOf(client);
  let pending = false;
  let count = 0;
  let types = 0;
  let values = 0;
  let decodedTypes = 0;
  let decodedValues = 0;
  for (const struct of structs) {
    const { client, clock } = struct.id;
    if (struct instanceof Skip) continue;
    // Decoding costs for every struct, held already or not: Yjs decodes them all first.
    if (struct instanceof Item) {
      const content = struct.content;
      if (content instanceof ContentType) decodedTypes++;
      else if (content instanceof ContentAny || content instanceof ContentJSON) {
        decodedValues += content.arr.length;
      }
    }
    const reached = reachedBy(client);
    // Structs the document already holds are skipped, not integrated: an offline copy
    // replayed whole (y-indexeddb on reconnection) costs only what it brings that is new.
    if (clock + struct.length <= reached) continue;
    count++;
    if (struct instanceof Item) {
      const content = struct.content;
      if (content instanceof ContentType) types++;
      else if (content instanceof ContentAny || content instanceof ContentJSON) {
        values += content.arr.length;
      }
    }
    if (clock > reached) pending = true;
    else known.set(client, clock + struct.length);
  }
  /** @param {unknown} id */
  const missing = (id) => id instanceof ID && id.clock >= reachedBy(id.client);
  if (!pending) {
    for (const struct of structs) {
      if (!(struct instanceof Item)) continue;
      if (missing(struct.origin) || missing(struct.rightOrigin) || missing(struct.parent)) {
        pending = true;
        break;
      }
    }
  }
  let deletes = 0;
  for (const [client, ranges] of ds.clients) {
    deletes += ranges.length;
    const reached = reachedBy(client);
    for (const range of ranges) if (range.clock + range.len > reached) pending = true;
  }
  return { structs: count, types, values, decodedTypes, decodedValues, deletes, pending, decodeMs };
}
