/**
 * Threads anchored in a document's rich text: a `comment` mark carrying the thread's id,
 * a formatting attribute of the characters (shared/comment-marks.ts). Whatever people
 * then do with the text (delete it, undo, move it), the attribute follows the characters.
 */
import * as buffer from "lib0/buffer";
import * as Y from "yjs";
import { commentMarkKey } from "../../../shared/comment-marks";
import { COMMENT_MARK, normalizeQuote } from "../../../shared/comments";
import { BODY } from "../../../shared/documents";
import { DomainError } from "../errors";

const isCommentKey = (key: string) => key === COMMENT_MARK || key.startsWith(`${COMMENT_MARK}--`);

/** Every text node of the rich text, in reading order. */
function textsOf(node: Y.XmlFragment | Y.XmlElement, into: Y.XmlText[] = []): Y.XmlText[] {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) into.push(child);
    else if (child instanceof Y.XmlElement) textsOf(child, into);
  }
  return into;
}

/** A text node's characters; anything embedded counts as one character, as in Yjs. */
function plain(text: Y.XmlText): string {
  return text
    .toDelta()
    .map((op: { insert: unknown }) => (typeof op.insert === "string" ? op.insert : "\ufffc"))
    .join("");
}

/** The ids of the threads whose mark is on some character of the rich text now. */
export function anchoredThreadIds(doc: Y.Doc): Set<string> {
  const ids = new Set<string>();
  for (const text of textsOf(doc.getXmlFragment(BODY))) {
    for (const op of text.toDelta() as Array<{ attributes?: Record<string, unknown> }>) {
      for (const [key, value] of Object.entries(op.attributes ?? {})) {
        if (!isCommentKey(key) || typeof value !== "object" || value === null) continue;
        const threadId = (value as { threadId?: unknown }).threadId;
        if (typeof threadId === "string") ids.add(threadId);
      }
    }
  }
  return ids;
}

const badSelection = () =>
  new DomainError(
    "invalid_input",
    "La sélection ne désigne pas du texte de ce document : sélectionnez à nouveau.",
  );

/** Where an encoded relative position points now: a text node and an offset in it. */
function resolve(doc: Y.Doc, texts: readonly Y.XmlText[], encoded: string) {
  let absolute: Y.AbsolutePosition | null;
  try {
    const relative = Y.decodeRelativePosition(buffer.fromBase64(encoded));
    absolute = Y.createAbsolutePositionFromRelativePosition(relative, doc);
  } catch {
    throw badSelection();
  }
  const at = absolute ? texts.indexOf(absolute.type as Y.XmlText) : -1;
  if (!absolute || at === -1) throw badSelection();
  return { at, index: absolute.index };
}

export interface Anchor {
  threadId: string;
  /** The text the person selected, as they saw it. */
  quote: string;
  /** Y.encodeRelativePosition of the selection's ends, in base64. */
  start: string;
  end: string;
}

/**
 * Puts thread `threadId`'s mark on the text between `start` and `end`, after checking
 * that it reads `quote` (whitespace aside): a selection made on a text that has changed
 * since is refused (409), never anchored elsewhere. Changes nothing but formatting.
 */
export function anchorThread(doc: Y.Doc, anchor: Anchor): void {
  const texts = textsOf(doc.getXmlFragment(BODY));
  const start = resolve(doc, texts, anchor.start);
  const end = resolve(doc, texts, anchor.end);
  if (end.at < start.at || (end.at === start.at && end.index <= start.index)) throw badSelection();
  const segments = texts.slice(start.at, end.at + 1).map((text, i, all) => ({
    text,
    from: i === 0 ? start.index : 0,
    to: i === all.length - 1 ? end.index : text.length,
  }));
  const between = segments.map(({ text, from, to }) => plain(text).slice(from, to)).join("\n");
  if (normalizeQuote(between) !== normalizeQuote(anchor.quote)) {
    throw new DomainError(
      "conflict",
      "Le texte sélectionné a changé entre-temps : sélectionnez-le à nouveau.",
    );
  }
  const key = commentMarkKey(anchor.threadId);
  for (const { text, from, to } of segments) {
    if (to > from) text.format(from, to - from, { [key]: { threadId: anchor.threadId } });
  }
}
