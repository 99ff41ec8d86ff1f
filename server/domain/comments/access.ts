/**
 * Finding a document, a thread or a comment for someone: whoever cannot read the document
 * does not learn that any of them exists (404); reading is not commenting (403).
 */
import { canComment } from "../../../shared/permissions";
import type { DB } from "../../db/database";
import type { Ctx } from "../context";
import { readerOf } from "../documents";
import { forbidden, notFound } from "../errors";

/** What the comment use cases reach: the live document (marks) and the pôle's pages. */
export type CommentContext = Ctx<"live" | "poleEvents">;

/** A document's reader, and whether they may comment on it. */
export async function documentReader(db: DB, userId: string, documentId: string, what?: string) {
  const reader = await readerOf(db, userId, documentId, what);
  const { row, member, governing } = reader;
  const ref = { kind: row.kind, circleId: row.circle_id, archived: row.archived_at !== null };
  return { ...reader, userId, mayComment: canComment(member, ref, governing) };
}
export type DocumentReader = Awaited<ReturnType<typeof documentReader>>;

export function requireCommenter(reader: DocumentReader): void {
  if (!reader.mayComment) {
    throw forbidden("Vous pouvez lire ce document mais pas le commenter.");
  }
}

/** A thread for a reader of its document. */
export async function readableThread(
  db: DB,
  userId: string,
  threadId: string,
  what = "Discussion",
) {
  const thread = await db
    .selectFrom("comment_threads")
    .selectAll()
    .where("id", "=", threadId)
    .executeTakeFirst();
  if (!thread) throw notFound(what);
  const reader = await documentReader(db, userId, thread.document_id, what);
  return { thread, reader };
}

/** A comment (not deleted) and its thread, for a reader of its document. */
export async function readableComment(db: DB, userId: string, commentId: string) {
  const comment = await db
    .selectFrom("comments")
    .selectAll()
    .where("id", "=", commentId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (!comment) throw notFound("Commentaire");
  return { comment, ...(await readableThread(db, userId, comment.thread_id, "Commentaire")) };
}
