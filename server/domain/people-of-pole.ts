/**
 * Reading a pôle's people, apart from the writes (person-record.ts) so that the search
 * index, which the writes refresh, can read people without an import cycle.
 */
import type { PersonCircle, PersonSummary } from "../../shared/api/people";
import type { DB } from "../db/database";

export const parseList = (json: string): string[] => JSON.parse(json);

/** Everyone of a pôle with their profile, structure and seats, ordered by name. */
export async function peopleOfPole(db: DB, poleId: string): Promise<PersonSummary[]> {
  const rows = await db
    .selectFrom("pole_members")
    .innerJoin("users", "users.id", "pole_members.user_id")
    .leftJoin("people", (join) =>
      join
        .onRef("people.user_id", "=", "pole_members.user_id")
        .onRef("people.pole_id", "=", "pole_members.pole_id"),
    )
    .leftJoin("structures", (join) =>
      join
        .onRef("structures.id", "=", "people.structure_id")
        .onRef("structures.pole_id", "=", "pole_members.pole_id"),
    )
    .select([
      "users.id as userId",
      "users.name",
      "pole_members.role as poleRole",
      "people.role_in_structure",
      "people.competencies",
      "people.brings",
      "people.seeks",
      "people.interest",
      "structures.id as structureId",
      "structures.name as structureName",
      "structures.legal_form as legalForm",
    ])
    .where("pole_members.pole_id", "=", poleId)
    .orderBy("users.name")
    .execute();
  const seats = await db
    .selectFrom("circle_members")
    .innerJoin("circles", "circles.id", "circle_members.circle_id")
    .select([
      "circle_members.user_id",
      "circles.id as circleId",
      "circles.name",
      "circles.kind",
      "circle_members.role",
    ])
    .where("circle_members.pole_id", "=", poleId)
    .orderBy("circles.created_at")
    .execute();
  const circlesOf = new Map<string, PersonCircle[]>();
  for (const { user_id, ...seat } of seats) {
    const list = circlesOf.get(user_id) ?? [];
    list.push(seat);
    circlesOf.set(user_id, list);
  }
  return rows.map((row) => ({
    userId: row.userId,
    name: row.name,
    poleRole: row.poleRole,
    structure:
      row.structureId && row.structureName && row.legalForm
        ? { id: row.structureId, name: row.structureName, legalForm: row.legalForm }
        : null,
    roleInStructure: row.role_in_structure ?? "",
    competencies: row.competencies ? parseList(row.competencies) : [],
    brings: row.brings ?? "",
    seeks: row.seeks ?? "",
    interest: row.interest ?? null,
    circles: circlesOf.get(row.userId) ?? [],
  }));
}
