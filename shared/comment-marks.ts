/**
 * How a thread's `comment` mark is stored in the Y.Doc. y-prosemirror (@tiptap/y-tiptap)
 * stores a mark that does not exclude itself as a formatting attribute named
 * `<mark>--<hash of the mark's JSON>` (marksToAttributes), and strips the suffix when
 * reading (yattr2markname): marks of two threads are then two attributes, and overlap.
 * The server writes the very attribute the editor would.
 */
import * as buffer from "lib0/buffer";
import { digest } from "lib0/hash/sha256";
import { COMMENT_MARK } from "./comments";

/** y-tiptap's hashOfJSON: sha256 of lib0's encoding of the JSON, folded to 6 bytes. */
function hashOfJSON(json: unknown): string {
  const hash = digest(buffer.encodeAny(json));
  const N = 6;
  for (let i = N; i < hash.length; i++) hash[i % N] ^= hash[i];
  return buffer.toBase64(hash.slice(0, N));
}

/** The attribute under which the editor stores thread `threadId`'s mark (Mark.toJSON()). */
export const commentMarkKey = (threadId: string) =>
  `${COMMENT_MARK}--${hashOfJSON({ type: COMMENT_MARK, attrs: { threadId } })}`;
