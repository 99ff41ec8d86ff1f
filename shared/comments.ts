/**
 * Comment threads: what a thread points at, its limits, and who may do what with a
 * comment. Pure rules: the server enforces them, the client renders with them.
 */
import { isCoordinator, type Member } from "./permissions";

/** A thread points at a range of rich text, a row of a diagnostic registry or a board card. */
export const threadTargetKinds = ["text", "row", "card"] as const;
export type ThreadTargetKind = (typeof threadTargetKinds)[number];

export const threadStates = ["open", "resolved"] as const;
export type ThreadState = (typeof threadStates)[number];

export const COMMENT_MAX = 5000;
export const QUOTE_MAX = 1000;
/** People mentioned in one comment. */
export const MENTIONS_MAX = 20;

/** A closed set: reactions say something quickly, they are no second comment channel. */
export const reactionEmojis = ["👍", "❤️", "🎉", "👀", "❓", "✅"] as const;
export type ReactionEmoji = (typeof reactionEmojis)[number];

/**
 * The Tiptap mark that anchors a thread in the rich text. It does not exclude itself, so
 * y-prosemirror stores each one under `comment--<hash of the mark>`: two threads overlap.
 */
export const COMMENT_MARK = "comment";

/** How a quote is compared: a selection spanning paragraphs reads with any spacing. */
export const normalizeQuote = (text: string) => text.replace(/\s+/g, " ").trim();

/** Its author edits a comment, while they may still comment on the document. */
export const canEditComment = (mayComment: boolean, isAuthor: boolean) => mayComment && isAuthor;

/** Its author deletes a comment likewise; coordinators moderate everyone's. */
export const canDeleteComment = (member: Member | null, mayComment: boolean, isAuthor: boolean) =>
  isCoordinator(member) || canEditComment(mayComment, isAuthor);
