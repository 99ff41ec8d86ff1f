/**
 * What changed in the rich text between two states, as ProseMirror ranges of the newer
 * one: inserted ranges to mark, and the deleted text to show where it stood. The two
 * states are read with the editor's own schema, so the diff is shown in its rendering.
 */

import { ChangeSet } from "@tiptap/pm/changeset";
import type { Schema } from "@tiptap/pm/model";
import { type Node as PmNode, Slice } from "@tiptap/pm/model";
import { ReplaceStep } from "@tiptap/pm/transform";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { BODY } from "../../../shared/documents";

/** A document's rich text (state v2) as a ProseMirror document. */
export function bodyOf(state: Uint8Array, schema: Schema): PmNode {
  const doc = new Y.Doc();
  try {
    Y.applyUpdateV2(doc, state);
    return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY), schema);
  } finally {
    doc.destroy();
  }
}

export interface TextChange {
  /** Inserted range in the newer document (empty when only a deletion). */
  from: number;
  to: number;
  /** The text deleted there, "" when only an insertion. */
  deleted: string;
}

/** The changes from `before` to `after`, minimised to words and letters. */
export function textChanges(before: PmNode, after: PmNode): TextChange[] {
  const step = new ReplaceStep(0, before.content.size, new Slice(after.content, 0, 0));
  const changes = ChangeSet.create(before).addSteps(after, [step.getMap()], null).changes;
  return changes.map((change) => ({
    from: change.fromB,
    to: change.toB,
    deleted: before.textBetween(change.fromA, change.toA, " ", " "),
  }));
}
