/**
 * The pôle's collective as search entries: each person (name, role in their structure,
 * competencies, what they bring and seek), each structure (name, sectors), each circle
 * (name, theme, description). Read straight from SQL, one query per kind.
 *
 * Decisions (their own feature) belong here too once they exist: one entry per decision,
 * in a source of their own whose circle carries the right to read it.
 */
import type { DB } from "../db/database";
import { built, type VersionedEntry } from "./entries";
import { withoutMarkers } from "./fts-query";

const clean = (text: string) => withoutMarkers(text).replace(/\s+/g, " ").trim();

/** A JSON list of strings as stored (competencies, sectors); anything else reads as none. */
function list(json: string | null): string[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item) => typeof item === "string") : [];
  } catch {
    return [];
  }
}

export async function collectiveEntries(db: DB, poleId: string): Promise<VersionedEntry[]> {
  const people = await db
    .selectFrom("pole_members")
    .innerJoin("users", "users.id", "pole_members.user_id")
    .leftJoin("people", (join) =>
      join
        .onRef("people.user_id", "=", "pole_members.user_id")
        .onRef("people.pole_id", "=", "pole_members.pole_id"),
    )
    .leftJoin("structures", "structures.id", "people.structure_id")
    .select([
      "users.id",
      "users.name",
      "people.role_in_structure",
      "people.competencies",
      "people.brings",
      "people.seeks",
      "structures.name as structureName",
    ])
    .where("pole_members.pole_id", "=", poleId)
    .execute();
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
    .execute();
  return [
    ...people.map((person) =>
      built(`person:${person.id}`, {
        kind: "person",
        entryId: person.id,
        label: person.name,
        context: person.structureName ?? "",
        anchor: "",
        heading: clean(person.name),
        body: clean(
          [
            person.role_in_structure ?? "",
            ...list(person.competencies),
            person.brings ?? "",
            person.seeks ?? "",
            person.structureName ?? "",
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
        body: clean(list(structure.sectors).join(" ")),
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
