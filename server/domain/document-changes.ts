/**
 * Changes between states of one document's history, as Yjs updates: what turns the live
 * document back into a version (a restore), and what an amendment changed since its base.
 * Pure functions over encoded states; the live document is only read here.
 */
import * as Y from "yjs";

/** Marks the changes the revert undoes. */
const REVERTED = Symbol("reverted");

/**
 * The update that makes `live`'s content equal to `version`'s (v2 state of an earlier
 * point of the same history), as a forward edit on top of everything `live` holds: new
 * items are deleted and removed ones inserted again, in every shared type of the document
 * (the rich text and the registries, columns and cards alike). Null when nothing differs.
 *
 * The "revert" trick: a scratch document at the version, the changes made since applied
 * to it under a tracked origin, then undone; what the undo wrote is the edit. The scratch
 * document keeps deleted content (gc: false) only for as long as this runs.
 */
export function revertUpdate(live: Y.Doc, version: Uint8Array): Uint8Array | null {
  const scratch = new Y.Doc({ gc: false });
  try {
    Y.applyUpdateV2(scratch, version);
    // Every root type of either side, typed (an untyped one tells the undo manager nothing),
    // so that changes to types the version lacked are undone too.
    for (const name of new Set([...scratch.share.keys(), ...live.share.keys()])) {
      const kind = rootKind(scratch, name) ?? rootKind(live, name);
      if (kind) scratch.get(name, kind);
    }
    const undo = new Y.UndoManager(Array.from(scratch.share.values()), {
      trackedOrigins: new Set([REVERTED]),
      captureTimeout: 0,
    });
    try {
      const since = Y.encodeStateAsUpdate(live, Y.encodeStateVector(scratch));
      Y.applyUpdate(scratch, since, REVERTED);
      if (!undo.canUndo()) return null;
      undo.undo();
    } finally {
      undo.destroy();
    }
    return Y.encodeStateAsUpdate(scratch, Y.encodeStateVector(live));
  } finally {
    scratch.destroy();
  }
}

type RootKind = typeof Y.XmlFragment | typeof Y.Array | typeof Y.Map | typeof Y.Text;

/**
 * The kind of a root type, told from its content when it was only ever filled by updates
 * (a document loaded on the server never asks for its types by kind); null when nothing
 * in it says (it holds nothing but deleted content).
 */
function rootKind(doc: Y.Doc, name: string): RootKind | null {
  const type = doc.share.get(name);
  if (!type) return null;
  for (const kind of [Y.XmlFragment, Y.Array, Y.Map, Y.Text]) {
    if (type.constructor === kind) return kind;
  }
  if (type._map.size > 0) return Y.Map;
  for (let item = type._start; item !== null; item = item.right) {
    const content = item.content;
    if (content instanceof Y.ContentType) {
      const child = content.type;
      const xml =
        child instanceof Y.XmlElement || child instanceof Y.XmlText || child instanceof Y.XmlHook;
      return xml ? Y.XmlFragment : Y.Array;
    }
    if (content instanceof Y.ContentString || content instanceof Y.ContentFormat) return Y.Text;
    if (content instanceof Y.ContentEmbed) return Y.Text;
    if (content instanceof Y.ContentAny || content instanceof Y.ContentBinary) return Y.Array;
  }
  return null;
}

/**
 * What a copy changed since its base: the structs it added past `baseVector` and
 * everything it deleted, ready to apply to any document that shares the base's history
 * (the charter an amendment was copied from), merging with what that one changed meanwhile.
 */
export const changesSince = (copy: Uint8Array, baseVector: Uint8Array): Uint8Array =>
  Y.diffUpdate(copy, baseVector);
