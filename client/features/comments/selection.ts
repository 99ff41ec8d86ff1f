/**
 * What the editor sends to comment on its selection: the quoted text and the selection's
 * ends as Yjs relative positions, so the server finds the same words in its own copy of
 * the document even if others typed elsewhere meanwhile.
 */
import type { Editor } from "@tiptap/core";
import { absolutePositionToRelativePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import * as buffer from "lib0/buffer";
import * as Y from "yjs";
import type { ThreadTarget } from "../../../shared/api/comments";
import { QUOTE_MAX } from "../../../shared/comments";

type TextTarget = Extract<ThreadTarget, { kind: "text" }>;

type Mapping = Parameters<typeof absolutePositionToRelativePosition>[2];

interface SyncState {
  type: Y.XmlFragment;
  binding: { mapping: Mapping };
}

/** The selection as a thread target, or null when nothing (or too much) is selected. */
export function selectionTarget(editor: Editor): TextTarget | null {
  const { from, to, empty } = editor.state.selection;
  if (empty) return null;
  const quote = editor.state.doc.textBetween(from, to, "\n").trim();
  const sync = ySyncPluginKey.getState(editor.state) as SyncState | undefined;
  if (!quote || quote.length > QUOTE_MAX || !sync?.binding) return null;
  const encode = (pos: number) =>
    buffer.toBase64(
      Y.encodeRelativePosition(
        absolutePositionToRelativePosition(pos, sync.type, sync.binding.mapping),
      ),
    );
  return { kind: "text", quote, start: encode(from), end: encode(to) };
}
