/**
 * The pôle's collective as search entries: each person (name, role in their structure,
 * competencies, what they bring and seek), each structure (name, sectors), each circle
 * (name, theme, description): people as the directory reads them, the rest straight from SQL.
 * Decisions are indexed one by one, each in its circle (server/search/refresh.ts).
 */
import type { DB } from "../db/database";
import { parseList, peopleOfPole } from "../domain/people-of-pole";
import { built, clean, type VersionedEntry } from "./entries";

export async function collectiveEntries(db: DB, poleId: string): Promise<VersionedEntry[]> {
  const people = await peopleOfPole(db, poleId);
  const structures = await db
    .selectFrom("structures")
    .select(["id", "name", "sectors"])
    .where("pole_id", "=", poleId)
    .execute();
  const circles = await db
    .selectFrom("circles")
    .leftJoin("circle_details", "circle_details.circle_id", "circles.id")
    .select(["circles.id", "circles.name", "circle_details.theme", "circle_details.description"])
    .where("circles.pole_id", "=", poleId)
    .where("circles.deleted_at", "is", null)
    .execute();
  return [
    ...people.map((person) =>
      built(`person:${person.userId}`, {
        kind: "person",
        entryId: person.userId,
        label: person.name,
        context: person.structure?.name ?? "",
        anchor: "",
        heading: clean(person.name),
        body: clean(
          [
            person.roleInStructure,
            ...person.competencies,
            person.brings,
            person.seeks,
            person.structure?.name ?? "",
          ].join(" "),
        ),
      }),
    ),
    ...structures.map((structure) =>
      built(`structure:${structure.id}`, {
        kind: "structure",
        entryId: structure.id,
        label: structure.name,
        context: "",
        anchor: "",
        heading: clean(structure.name),
        body: clean(parseList(structure.sectors).join(" ")),
      }),
    ),
    ...circles.map((circle) =>
      built(`circle:${circle.id}`, {
        kind: "circle",
        entryId: circle.id,
        label: circle.name,
        context: "",
        anchor: "",
        heading: clean(circle.name),
        body: clean(`${circle.theme ?? ""} ${circle.description ?? ""}`),
      }),
    ),
  ];
}
