/** Threads as their reader sees them: comments, reactions, and what the reader may do. */
import type { CommentView, ThreadList, ThreadView } from "../../../shared/api/comments";
import { canDeleteComment, canEditComment, reactionEmojis } from "../../../shared/comments";
import type { DB } from "../../db/database";
import type { ThreadRow } from "../../db/schema";
import type { DocumentReader } from "./access";

const iso = (time: number | null) => (time === null ? null : new Date(time).toISOString());

function target(thread: ThreadRow): ThreadView["target"] {
  if (thread.target_kind === "row" && thread.target_table && thread.target_id) {
    return { kind: "row", table: thread.target_table, rowId: thread.target_id };
  }
  if (thread.target_kind === "card" && thread.target_id) {
    return { kind: "card", cardId: thread.target_id };
  }
  return { kind: "text" };
}

export async function presentThreads(
  db: DB,
  reader: DocumentReader,
  threads: readonly ThreadRow[],
): Promise<ThreadView[]> {
  if (threads.length === 0) return [];
  const comments = await db
    .selectFrom("comments")
    .leftJoin("users", "users.id", "comments.author_id")
    .select([
      "comments.id",
      "comments.thread_id",
      "comments.author_id",
      "comments.body",
      "comments.created_at",
      "comments.edited_at",
      "comments.deleted_at",
      "users.name as author_name",
    ])
    .where(
      "comments.thread_id",
      "in",
      threads.map((thread) => thread.id),
    )
    .orderBy("comments.created_at")
    .orderBy("comments.id")
    .execute();
  const commentIds = comments.map((comment) => comment.id);
  const [reactions, mentions] =
    commentIds.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .selectFrom("comment_reactions")
            .select(["comment_id", "user_id", "emoji"])
            .where("comment_id", "in", commentIds)
            .execute(),
          db
            .selectFrom("comment_mentions")
            .select(["comment_id", "user_id"])
            .where("comment_id", "in", commentIds)
            .execute(),
        ]);

  const view = (comment: (typeof comments)[number]): CommentView => {
    const deleted = comment.deleted_at !== null;
    const isAuthor = comment.author_id === reader.userId;
    const reacted = reactions.filter((reaction) => reaction.comment_id === comment.id);
    return {
      id: comment.id,
      authorId: comment.author_id,
      authorName: comment.author_name ?? "Personne partie",
      body: deleted ? "" : comment.body,
      createdAt: new Date(comment.created_at).toISOString(),
      editedAt: iso(comment.edited_at),
      deleted,
      mentions: mentions
        .filter((mention) => mention.comment_id === comment.id)
        .map((mention) => mention.user_id),
      reactions: reactionEmojis.flatMap((emoji) => {
        const by = reacted.filter((reaction) => reaction.emoji === emoji);
        return by.length === 0
          ? []
          : [{ emoji, count: by.length, mine: by.some((r) => r.user_id === reader.userId) }];
      }),
      canEdit: !deleted && canEditComment(reader.mayComment, isAuthor),
      canDelete: !deleted && canDeleteComment(reader.member, reader.mayComment, isAuthor),
    };
  };

  return threads.map((thread) => ({
    id: thread.id,
    documentId: thread.document_id,
    target: target(thread),
    quote: thread.quote,
    state: thread.state,
    detached: thread.detached === 1,
    createdAt: new Date(thread.created_at).toISOString(),
    resolvedAt: iso(thread.resolved_at),
    comments: comments.filter((comment) => comment.thread_id === thread.id).map(view),
  }));
}

/** One thread, read again after a change. */
export async function presentThread(db: DB, reader: DocumentReader, threadId: string) {
  const thread = await db
    .selectFrom("comment_threads")
    .selectAll()
    .where("id", "=", threadId)
    .executeTakeFirstOrThrow();
  const [view] = await presentThreads(db, reader, [thread]);
  return view;
}

export function presentList(reader: DocumentReader, threads: ThreadView[]): ThreadList {
  const open = threads.filter((thread) => thread.state === "open");
  return {
    threads,
    counts: {
      open: open.length,
      resolved: threads.length - open.length,
      detached: open.filter((thread) => thread.detached).length,
    },
    canComment: reader.mayComment,
  };
}
