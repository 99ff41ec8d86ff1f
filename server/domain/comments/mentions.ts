/**
 * `@` mentions in comments: the people named are stored with the comment. Mentioning
 * someone outside the pôle is refused; mentioning someone who cannot read the document
 * is allowed, with a warning for the writer. Notifying them is the notifications' job:
 * `mentionPeople` answers who was mentioned, for the caller to hand on.
 */
import type { DB } from "../../db/database";
import type { DocumentRow } from "../../db/schema";
import { readersAmong } from "../documents";
import { DomainError } from "../errors";

/** One person mentioned in one comment. */
export interface Mention {
  userId: string;
  commentId: string;
  threadId: string;
  documentId: string;
  poleId: string;
  authorId: string;
}

export interface Mentioned {
  mentions: Mention[];
  /** In French, one per mentioned person who cannot read the document. */
  warnings: string[];
}

/** The people mentioned, refused (400) unless every one of them is in the pôle. */
export async function requirePoleMembers(
  db: DB,
  { poleId, userIds }: { poleId: string; userIds: readonly string[] },
) {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return [];
  const people = await db
    .selectFrom("pole_members")
    .innerJoin("users", "users.id", "pole_members.user_id")
    .select(["users.id", "users.name"])
    .where("pole_members.pole_id", "=", poleId)
    .where("users.id", "in", unique)
    .execute();
  if (people.length < unique.length) {
    throw new DomainError(
      "invalid_input",
      "Vous ne pouvez mentionner que des personnes du pôle : retirez les autres mentions.",
    );
  }
  return people;
}

/**
 * Checks and stores the people mentioned in a comment (inside the caller's transaction).
 * Throws 400 when one of them is not in the document's pôle: nothing is stored then.
 */
export async function mentionPeople(
  db: DB,
  input: {
    document: DocumentRow;
    commentId: string;
    threadId: string;
    authorId: string;
    userIds: readonly string[];
  },
): Promise<Mentioned> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return { mentions: [], warnings: [] };
  const people = await requirePoleMembers(db, { poleId: input.document.pole_id, userIds });
  await db
    .insertInto("comment_mentions")
    .values(userIds.map((userId) => ({ comment_id: input.commentId, user_id: userId })))
    .execute();
  const readers = await readersAmong(
    { db },
    { documentId: input.document.id, userIds: people.map((person) => person.id) },
  );
  const warnings = people
    .filter((person) => !readers.has(person.id))
    .map(
      (person) => `${person.name} ne peut pas lire ce document : la mention ne lui montrera rien.`,
    );
  const mentions = userIds.map((userId) => ({
    userId,
    commentId: input.commentId,
    threadId: input.threadId,
    documentId: input.document.id,
    poleId: input.document.pole_id,
    authorId: input.authorId,
  }));
  return { mentions, warnings };
}
