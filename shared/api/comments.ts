/**
 * Comment threads over HTTP: request bodies and answers, defined once. The server
 * validates bodies and checks its answers against these types; the client parses what it
 * receives with the same schemas.
 */
import { z } from "zod/mini";
import { COMMENT_MAX, MENTIONS_MAX, QUOTE_MAX, reactionEmojis, threadStates } from "../comments";
import { diagnosticTables } from "../diagnostic/vocabularies";
import { id, plainLines } from "./fields";

/** A comment's text: plain, shown as text (never as HTML), 1 to COMMENT_MAX characters. */
export const commentBody = z
  .string({ error: "Le commentaire est requis." })
  .check(
    z.trim(),
    z.minLength(1, "Le commentaire est vide."),
    z.maxLength(COMMENT_MAX, `Un commentaire fait ${COMMENT_MAX} caractères au plus.`),
    plainLines,
  );

/** A Yjs relative position (Y.encodeRelativePosition), in base64. */
const position = z
  .string({ error: "Position de la sélection manquante." })
  .check(
    z.minLength(1, "Position de la sélection manquante."),
    z.maxLength(200, "Position de la sélection invalide."),
    z.regex(/^[A-Za-z0-9+/]+={0,2}$/, "Position de la sélection invalide."),
  );

const mentions = z.optional(
  z.array(id).check(z.maxLength(MENTIONS_MAX, `${MENTIONS_MAX} personnes mentionnées au plus.`)),
);

export const ThreadTarget = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("text"),
    quote: z
      .string({ error: "Le texte cité est requis." })
      .check(
        z.minLength(1, "Sélectionnez le texte à commenter."),
        z.maxLength(QUOTE_MAX, `Sélectionnez ${QUOTE_MAX} caractères au plus.`),
      ),
    start: position,
    end: position,
  }),
  z.object({ kind: z.literal("row"), table: z.enum(diagnosticTables), rowId: id }),
  z.object({ kind: z.literal("card"), cardId: id }),
]);
export type ThreadTarget = z.infer<typeof ThreadTarget>;

export const CreateThreadBody = z.object({ target: ThreadTarget, body: commentBody, mentions });
export type CreateThreadBody = z.infer<typeof CreateThreadBody>;

export const ReplyBody = z.object({ body: commentBody, mentions });
export type ReplyBody = z.infer<typeof ReplyBody>;

export const EditCommentBody = z.object({ body: commentBody, mentions });
export type EditCommentBody = z.infer<typeof EditCommentBody>;

export const ThreadStateBody = z.object({
  state: z.enum(threadStates, { error: "État inconnu : open ou resolved." }),
});
export type ThreadStateBody = z.infer<typeof ThreadStateBody>;

export const ReactionEmoji = z.enum(reactionEmojis, {
  error: `Réaction inconnue : ${reactionEmojis.join(" ")}.`,
});

export const CommentView = z.object({
  id: z.string(),
  authorId: z.nullable(z.string()),
  authorName: z.string(),
  /** Empty once deleted. */
  body: z.string(),
  createdAt: z.string(),
  editedAt: z.nullable(z.string()),
  deleted: z.boolean(),
  mentions: z.array(z.string()),
  reactions: z.array(
    z.object({ emoji: z.enum(reactionEmojis), count: z.number(), mine: z.boolean() }),
  ),
  canEdit: z.boolean(),
  canDelete: z.boolean(),
});
export type CommentView = z.infer<typeof CommentView>;

export const ThreadView = z.object({
  id: z.string(),
  documentId: z.string(),
  target: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("text") }),
    z.object({ kind: z.literal("row"), table: z.enum(diagnosticTables), rowId: z.string() }),
    z.object({ kind: z.literal("card"), cardId: z.string() }),
  ]),
  quote: z.string(),
  state: z.enum(threadStates),
  /** Its text, row or card is gone from the document; it comes back with them. */
  detached: z.boolean(),
  createdAt: z.string(),
  resolvedAt: z.nullable(z.string()),
  comments: z.array(CommentView),
});
export type ThreadView = z.infer<typeof ThreadView>;

export const ThreadList = z.object({
  threads: z.array(ThreadView),
  counts: z.object({ open: z.number(), resolved: z.number(), detached: z.number() }),
  canComment: z.boolean(),
});
export type ThreadList = z.infer<typeof ThreadList>;

/**
 * What a new comment answers: its thread, and a warning per mentioned person who cannot
 * read the document (they are mentioned all the same).
 */
export const CommentPosted = z.object({ thread: ThreadView, warnings: z.array(z.string()) });
export type CommentPosted = z.infer<typeof CommentPosted>;
