/**
 * The mark that anchors a comment thread in the rich text (shared/comment-marks.ts). It
 * does not exclude itself (`excludes: ""`), so two threads may cover the same words:
 * y-prosemirror then stores each under `comment--<hash>` instead of one `comment`
 * attribute that the second would overwrite. Only the server adds it; typing at its end
 * does not extend it.
 */
import { Mark, mergeAttributes } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { COMMENT_MARK } from "../../shared/comments";

export const THREAD_ATTRIBUTE = "data-thread-id";

export const CommentMark = Mark.create({
  name: COMMENT_MARK,
  excludes: "",
  inclusive: false,
  addAttributes() {
    return {
      threadId: {
        default: null,
        parseHTML: (element) => element.getAttribute(THREAD_ATTRIBUTE),
        renderHTML: (attributes) => ({ [THREAD_ATTRIBUTE]: attributes.threadId }),
      },
    };
  },
  parseHTML() {
    return [{ tag: `span[${THREAD_ATTRIBUTE}]` }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes({ class: "comment-mark" }, HTMLAttributes), 0];
  },
});

/**
 * The threads whose marks cover position `pos` of `doc`, innermost first: those around it
 * and the one starting right after it (a caret or click at a highlight's first letter).
 */
export function threadsAt(doc: ProseMirrorNode, pos: number): string[] {
  const $pos = doc.resolve(pos);
  const ids = [...$pos.marks(), ...($pos.nodeAfter?.marks ?? [])]
    .filter((mark) => mark.type.name === COMMENT_MARK)
    .map((mark) => mark.attrs.threadId)
    .filter((id): id is string => typeof id === "string")
    .reverse();
  return [...new Set(ids)];
}
