/** A comment written into a thread, with its mentions, inside the caller's transaction. */
import type { DB } from "../../db/database";
import type { DocumentRow } from "../../db/schema";
import type { Ctx } from "../context";
import { newId } from "../ids";
import { type Mentioned, mentionPeople } from "./mentions";

export async function postComment(
  db: DB,
  input: {
    document: DocumentRow;
    threadId: string;
    authorId: string;
    body: string;
    mentions?: readonly string[];
  },
  now = Date.now(),
): Promise<Mentioned> {
  const commentId = newId();
  await db
    .insertInto("comments")
    .values({
      id: commentId,
      thread_id: input.threadId,
      author_id: input.authorId,
      body: input.body,
      created_at: now,
      edited_at: null,
      deleted_at: null,
      deleted_by: null,
    })
    .execute();
  return mentionPeople(db, {
    document: input.document,
    commentId,
    threadId: input.threadId,
    authorId: input.authorId,
    userIds: input.mentions ?? [],
  });
}

/** Tells the pages open on the document's pôle, its readers only, that its threads changed. */
export const announceThreads = ({ poleEvents }: Ctx<"poleEvents">, document: DocumentRow) =>
  poleEvents.publish(document.pole_id, {
    type: "comment",
    id: document.id,
    documentId: document.id,
  });
