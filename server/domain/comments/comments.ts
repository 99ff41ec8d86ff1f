/** Comments in a thread: replies, edits and deletions, reactions. */
import type { CommentPosted, ThreadView } from "../../../shared/api/comments";
import { canDeleteComment, canEditComment, type ReactionEmoji } from "../../../shared/comments";
import { forbidden } from "../errors";
import { notifyComment } from "../notifications/triggers";
import { type CommentContext, readableComment, readableThread, requireCommenter } from "./access";
import { mentionPeople } from "./mentions";
import { announceThreads, notifyPosted, postComment } from "./post";
import { presentThread } from "./present";

export async function replyToThread(
  ctx: CommentContext,
  actorId: string,
  input: { threadId: string; body: string; mentions?: string[] },
): Promise<CommentPosted> {
  const { db } = ctx;
  const { thread, reader } = await readableThread(db, actorId, input.threadId);
  requireCommenter(reader);
  const mentioned = await db.transaction().execute((trx) =>
    postComment(trx, {
      document: reader.row,
      threadId: thread.id,
      authorId: actorId,
      body: input.body,
      mentions: input.mentions,
    }),
  );
  announceThreads(ctx, reader.row);
  await notifyPosted(ctx, actorId, { ...mentioned, document: reader.row, threadId: thread.id });
  return { thread: await presentThread(db, reader, thread.id), warnings: mentioned.warnings };
}

/**
 * Its author rewrites a comment. People newly mentioned are stored and told once; those
 * mentioned before keep their mention (they were told already, and a draft that lost track
 * of them must not unmention them).
 */
export async function editComment(
  ctx: CommentContext,
  actorId: string,
  { commentId, body, mentions = [] }: { commentId: string; body: string; mentions?: string[] },
): Promise<ThreadView> {
  const { db } = ctx;
  const { comment, reader } = await readableComment(db, actorId, commentId);
  if (!canEditComment(reader.mayComment, comment.author_id === actorId)) {
    throw forbidden("Seul son auteur ou son autrice modifie un commentaire.");
  }
  const mentioned = await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("comments")
      .set({ body, edited_at: Date.now() })
      .where("id", "=", commentId)
      .execute();
    const before = await trx
      .selectFrom("comment_mentions")
      .select("user_id")
      .where("comment_id", "=", commentId)
      .execute();
    const known = new Set(before.map((row) => row.user_id));
    return mentionPeople(trx, {
      document: reader.row,
      commentId,
      threadId: comment.thread_id,
      authorId: actorId,
      userIds: mentions.filter((userId) => !known.has(userId)),
    });
  });
  announceThreads(ctx, reader.row);
  await notifyComment(ctx, actorId, {
    documentId: reader.row.id,
    threadId: comment.thread_id,
    commentId,
    mentionedIds: mentioned.mentions.map((mention) => mention.userId),
    participantIds: [],
  });
  return presentThread(db, reader, comment.thread_id);
}

/** Its author deletes a comment, the coordination moderates: its text is erased, its place kept. */
export async function deleteComment(
  ctx: CommentContext,
  actorId: string,
  { commentId }: { commentId: string },
): Promise<ThreadView> {
  const { db } = ctx;
  const { comment, reader } = await readableComment(db, actorId, commentId);
  if (!canDeleteComment(reader.member, reader.mayComment, comment.author_id === actorId)) {
    throw forbidden(
      "Seuls son auteur ou son autrice et la coordination suppriment un commentaire.",
    );
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("comments")
      .set({ body: "", deleted_at: Date.now(), deleted_by: actorId })
      .where("id", "=", commentId)
      .execute();
    await trx.deleteFrom("comment_reactions").where("comment_id", "=", commentId).execute();
    await trx.deleteFrom("comment_mentions").where("comment_id", "=", commentId).execute();
  });
  announceThreads(ctx, reader.row);
  return presentThread(db, reader, comment.thread_id);
}

/** Adds (`on`) or takes back one's reaction to a comment; doing it twice changes nothing. */
export async function react(
  ctx: CommentContext,
  actorId: string,
  { commentId, emoji, on }: { commentId: string; emoji: ReactionEmoji; on: boolean },
): Promise<ThreadView> {
  const { db } = ctx;
  const { comment, reader } = await readableComment(db, actorId, commentId);
  requireCommenter(reader);
  if (on) {
    await db
      .insertInto("comment_reactions")
      .values({ comment_id: commentId, user_id: actorId, emoji, created_at: Date.now() })
      .onConflict((conflict) => conflict.doNothing())
      .execute();
  } else {
    await db
      .deleteFrom("comment_reactions")
      .where("comment_id", "=", commentId)
      .where("user_id", "=", actorId)
      .where("emoji", "=", emoji)
      .execute();
  }
  announceThreads(ctx, reader.row);
  return presentThread(db, reader, comment.thread_id);
}
