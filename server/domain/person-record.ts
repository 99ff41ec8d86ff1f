/** A person's profile row in a pôle: how it is written, and its lists of tags. */
import type { PersonInput } from "../../shared/api/people";
import { fold, type InterestLevel } from "../../shared/collective";
import type { DB } from "../db/database";
import { indexCollective } from "../search/refresh";

/** The same tag typed twice (or with other accents or case) is kept once. */
export function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const tag of tags) {
    const key = fold(tag);
    if (!seen.has(key)) seen.set(key, tag);
  }
  return [...seen.values()];
}

/** Writes part of a person's profile, creating it on first write. */
export async function writePerson(
  db: DB,
  {
    poleId,
    userId,
    patch,
  }: {
    poleId: string;
    userId: string;
    patch: Partial<PersonInput> & { interest?: InterestLevel };
  },
  now = Date.now(),
) {
  const values = {
    ...(patch.structureId !== undefined ? { structure_id: patch.structureId } : {}),
    ...(patch.roleInStructure !== undefined ? { role_in_structure: patch.roleInStructure } : {}),
    ...(patch.competencies !== undefined
      ? { competencies: JSON.stringify(uniqueTags(patch.competencies)) }
      : {}),
    ...(patch.brings !== undefined ? { brings: patch.brings } : {}),
    ...(patch.seeks !== undefined ? { seeks: patch.seeks } : {}),
    ...(patch.interest !== undefined ? { interest: patch.interest } : {}),
    updated_at: now,
  };
  await db
    .insertInto("people")
    .values({ pole_id: poleId, user_id: userId, ...values })
    .onConflict((oc) => oc.columns(["pole_id", "user_id"]).doUpdateSet(values))
    .execute();
  await indexCollective(db, poleId);
}
