/**
 * The pôle's voting colleges (SCIC): names and weights set by coordinators, each member in
 * at most one college. A `colleges` decision freezes them at its opening.
 */
import type { CollegesBody, CollegesView } from "../../shared/api/decisions";
import { canEditColleges, canReadColleges } from "../../shared/decision-permissions";
import { type College, collegeWeightsError } from "../../shared/decisions";
import type { DB } from "../db/database";
import { serialize } from "../db/dialect";
import { audit } from "./audit";
import type { Ctx } from "./context";
import { DomainError, forbidden } from "./errors";
import { newId } from "./ids";
import { requireMember } from "./members";

const invalid = (message: string) => new DomainError("invalid_input", message);

/** The pôle says it votes by colleges when it is formalised as a SCIC. */
export async function usesColleges(db: DB, { poleId }: { poleId: string }): Promise<boolean> {
  const profile = await db
    .selectFrom("pole_profiles")
    .select("formalisation")
    .where("pole_id", "=", poleId)
    .executeTakeFirst();
  return profile?.formalisation === "scic";
}

export async function collegesOf(db: DB, { poleId }: { poleId: string }) {
  const colleges: College[] = await db
    .selectFrom("colleges")
    .select(["id", "name", "weight"])
    .where("pole_id", "=", poleId)
    .orderBy("position")
    .execute();
  const members = await db
    .selectFrom("college_members")
    .select(["user_id as userId", "college_id as collegeId"])
    .where("pole_id", "=", poleId)
    .orderBy("user_id")
    .execute();
  return { colleges, members };
}

export async function readColleges(
  { db }: Ctx,
  actorId: string,
  { poleId }: { poleId: string },
): Promise<CollegesView> {
  const member = await requireMember(db, { poleId, userId: actorId });
  if (!canReadColleges(member)) throw forbidden();
  return {
    ...(await collegesOf(db, { poleId })),
    enabled: await usesColleges(db, { poleId }),
    canEdit: canEditColleges(member),
  };
}

function checkBody(body: CollegesBody, existingIds: ReadonlySet<string>) {
  const weightsError = collegeWeightsError(body.colleges);
  if (weightsError) throw invalid(weightsError);
  const sentIds = new Set<string>();
  for (const college of body.colleges) {
    if (!college.id) continue;
    if (!existingIds.has(college.id))
      throw invalid(`Collège inconnu dans ce pôle : ${college.id}.`);
    if (sentIds.has(college.id)) throw invalid(`Le collège ${college.id} est envoyé deux fois.`);
    sentIds.add(college.id);
  }
  const seen = new Set<string>();
  for (const { userId, collegeId } of body.members ?? []) {
    if (seen.has(userId)) throw invalid("Une personne n'appartient qu'à un collège.");
    seen.add(userId);
    if (!sentIds.has(collegeId)) {
      throw invalid(
        `Collège ${collegeId} absent de l'ensemble envoyé : créez d'abord les collèges, puis placez-y les membres par un second envoi.`,
      );
    }
  }
}

/**
 * Replaces the set: a college sent with its id keeps it, one without gets a new id, one
 * left out is deleted with its memberships. `members`, when sent, replaces every
 * membership; when absent, people stay in the colleges that remain.
 */
export async function replaceColleges(
  { db, poleEvents }: Ctx<"poleEvents">,
  actorId: string,
  input: { poleId: string } & CollegesBody,
): Promise<CollegesView> {
  const { poleId } = input;
  const member = await requireMember(db, { poleId, userId: actorId });
  if (!canEditColleges(member)) {
    throw forbidden("Seuls les coordinateurs définissent les collèges de vote.");
  }
  if (input.members && input.members.length > 0) {
    const userIds = input.members.map((m) => m.userId);
    const known = await db
      .selectFrom("pole_members")
      .select("user_id")
      .where("pole_id", "=", poleId)
      .where("user_id", "in", userIds)
      .execute();
    const knownIds = new Set(known.map((row) => row.user_id));
    const stranger = userIds.find((userId) => !knownIds.has(userId));
    if (stranger) throw invalid(`Cette personne n'est pas membre du pôle : ${stranger}.`);
  }
  await db.transaction().execute(async (trx) => {
    // Two replacements at once would each keep their own new colleges: 200 % of weight.
    await serialize(trx, `colleges:${poleId}`);
    const existing = await trx
      .selectFrom("colleges")
      .select("id")
      .where("pole_id", "=", poleId)
      .execute();
    checkBody(input, new Set(existing.map((row) => row.id)));
    const kept = input.colleges.flatMap((college) => (college.id ? [college.id] : []));
    let removal = trx.deleteFrom("colleges").where("pole_id", "=", poleId);
    if (kept.length > 0) removal = removal.where("id", "not in", kept);
    await removal.execute();
    for (const [position, college] of input.colleges.entries()) {
      if (college.id) {
        await trx
          .updateTable("colleges")
          .set({ name: college.name, weight: college.weight, position })
          .where("id", "=", college.id)
          .execute();
      } else {
        await trx
          .insertInto("colleges")
          .values({
            id: newId(),
            pole_id: poleId,
            name: college.name,
            weight: college.weight,
            position,
          })
          .execute();
      }
    }
    if (input.members) {
      await trx.deleteFrom("college_members").where("pole_id", "=", poleId).execute();
      if (input.members.length > 0) {
        await trx
          .insertInto("college_members")
          .values(
            input.members.map((m) => ({
              pole_id: poleId,
              user_id: m.userId,
              college_id: m.collegeId,
            })),
          )
          .execute();
      }
    }
    await audit(trx, {
      poleId,
      actorId,
      action: "colleges.updated",
      details: {
        colleges: input.colleges.map(({ name, weight }) => ({ name, weight })),
        members: input.members?.length ?? null,
      },
    });
  });
  poleEvents.publish(poleId, { type: "colleges", id: poleId });
  return readColleges({ db }, actorId, { poleId });
}
