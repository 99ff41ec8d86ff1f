/** Comment threads of a document: listed, opened on text, a row or a card, resolved. */
import type {
  CommentPosted,
  CreateThreadBody,
  ThreadList,
  ThreadTarget,
  ThreadView,
} from "../../../shared/api/comments";
import type { ThreadState } from "../../../shared/comments";
import { DomainError, notFound } from "../errors";
import { newId } from "../ids";
import { type CommentContext, documentReader, readableThread, requireCommenter } from "./access";
import { anchorThread } from "./anchor-marks";
import { requirePoleMembers } from "./mentions";
import { announceThreads, postComment } from "./post";
import { presentList, presentThread, presentThreads } from "./present";
import { requireTargetFits, targetColumns, targetTitle } from "./targets";

export async function listThreads(
  { db }: CommentContext,
  actorId: string,
  { documentId }: { documentId: string },
): Promise<ThreadList> {
  const reader = await documentReader(db, actorId, documentId);
  const threads = await db
    .selectFrom("comment_threads")
    .selectAll()
    .where("document_id", "=", documentId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return presentList(reader, await presentThreads(db, reader, threads));
}

/**
 * Opens a thread with its first comment. On text, the server itself puts the thread's
 * mark on the selection in the live document (so a commenter, whose connection is
 * read-only, never touches the text); a row or a card has one thread at most.
 */
export async function createThread(
  ctx: CommentContext,
  actorId: string,
  { documentId, target, body, mentions }: CreateThreadBody & { documentId: string },
): Promise<CommentPosted> {
  const { db } = ctx;
  const reader = await documentReader(db, actorId, documentId);
  requireCommenter(reader);
  requireTargetFits(reader.row.kind, target);
  // Checked before the mark is written: a refused mention leaves the document untouched.
  await requirePoleMembers(db, { poleId: reader.row.pole_id, userIds: mentions ?? [] });
  const threadId = newId();
  const quote = await anchor(ctx, { documentId, threadId, target });
  const now = Date.now();
  const mentioned = await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("comment_threads")
      .values({
        id: threadId,
        pole_id: reader.row.pole_id,
        document_id: documentId,
        ...targetColumns(target),
        quote,
        state: "open",
        detached: 0,
        created_by: actorId,
        created_at: now,
        resolved_by: null,
        resolved_at: null,
      })
      .execute();
    return postComment(trx, { document: reader.row, threadId, authorId: actorId, body, mentions });
  });
  announceThreads(ctx, reader.row);
  return { thread: await presentThread(db, reader, threadId), warnings: mentioned.warnings };
}

/**
 * Anchors a new thread and answers its quote: on text, puts its mark on the selection
 * (refused if the words changed); on a row or a card, checks it exists and has no thread
 * yet, and answers its title.
 */
async function anchor(
  { db, live }: CommentContext,
  { documentId, threadId, target }: { documentId: string; threadId: string; target: ThreadTarget },
): Promise<string> {
  if (target.kind === "text") {
    await live.edit(documentId, (doc) => anchorThread(doc, { threadId, ...target }));
    return target.quote;
  }
  const title = await live.edit(documentId, (doc) => targetTitle(doc, target));
  if (title === null) throw notFound(target.kind === "row" ? "Ligne" : "Carte");
  const existing = await db
    .selectFrom("comment_threads")
    .select("id")
    .where("document_id", "=", documentId)
    .where("target_id", "=", targetColumns(target).target_id)
    .executeTakeFirst();
  if (existing) {
    throw new DomainError("conflict", "Une discussion existe déjà ici : répondez-y plutôt.");
  }
  return title;
}

/** Resolves or reopens a thread: anyone who may comment on its document. */
export async function setThreadState(
  ctx: CommentContext,
  actorId: string,
  { threadId, state }: { threadId: string; state: ThreadState },
): Promise<ThreadView> {
  const { db } = ctx;
  const { reader } = await readableThread(db, actorId, threadId);
  requireCommenter(reader);
  const resolved = state === "resolved";
  const now = Date.now();
  await db
    .updateTable("comment_threads")
    .set({
      state,
      resolved_by: resolved ? actorId : null,
      resolved_at: resolved ? now : null,
    })
    .where("id", "=", threadId)
    .execute();
  announceThreads(ctx, reader.row);
  return presentThread(db, reader, threadId);
}
