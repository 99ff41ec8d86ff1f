/**
 * Whom the writer of a document may mention: the people of its pôle, each with whether they
 * can read it (the editor warns before mentioning someone who cannot: they would not be told).
 */
import type { Mentionable } from "../../../shared/api/notifications";
import type { Ctx } from "../context";
import { openDocument, readersAmong } from "../documents";

export async function mentionablePeople(
  ctx: Ctx,
  actorId: string,
  { documentId }: { documentId: string },
): Promise<Mentionable[]> {
  const document = await openDocument(ctx, actorId, { documentId });
  const people = await ctx.db
    .selectFrom("pole_members")
    .innerJoin("users", "users.id", "pole_members.user_id")
    .select(["users.id", "users.name"])
    .where("pole_members.pole_id", "=", document.poleId)
    .orderBy("users.name")
    .execute();
  const readers = await readersAmong(ctx, {
    documentId,
    userIds: people.map((person) => person.id),
  });
  return people.map((person) => ({ ...person, canRead: readers.has(person.id) }));
}
