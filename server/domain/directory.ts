/** *Qui fait quoi*: the member directory with folded search, and each circle's page. */

import type { CirclePage as CirclePageView } from "../../shared/api/circles";
import type { PersonSummary } from "../../shared/api/people";
import { fold } from "../../shared/collective";
import { canManageCircle, documentAccess } from "../../shared/permissions";
import type { Ctx } from "./context";
import { notFound } from "./errors";
import { governingCircles, requireMember, requireMemberFor } from "./members";
import { membershipHistory } from "./people";
import { peopleOfPole } from "./people-of-pole";

export interface DirectoryFilters {
  q?: string;
  competency?: string;
  circleId?: string;
  legalForm?: string;
}

/** Everything a search may match about a person, folded once. */
const haystack = (person: PersonSummary) =>
  fold(
    [
      person.name,
      person.structure?.name ?? "",
      person.roleInStructure,
      ...person.competencies,
      person.brings,
      person.seeks,
      ...person.circles.map((circle) => circle.name),
    ].join(" \n "),
  );

/**
 * A pôle holds tens to a few hundred people: filtering its profiles in memory, folded,
 * is exact and quick, and keeps every query scoped to the one pôle.
 */
export async function searchDirectory(
  { db }: Ctx,
  actorId: string,
  { poleId, filters }: { poleId: string; filters: DirectoryFilters },
) {
  await requireMember(db, { poleId, userId: actorId });
  const everyone = await peopleOfPole(db, poleId);
  const words = fold(filters.q ?? "")
    .split(" ")
    .filter(Boolean);
  const competency = filters.competency ? fold(filters.competency) : null;
  const people = everyone.filter((person) => {
    if (competency && !person.competencies.some((tag) => fold(tag) === competency)) return false;
    if (filters.circleId && !person.circles.some((c) => c.circleId === filters.circleId)) {
      return false;
    }
    if (filters.legalForm && person.structure?.legalForm !== filters.legalForm) return false;
    if (words.length === 0) return true;
    const text = haystack(person);
    return words.every((word) => text.includes(word));
  });
  const competencies = new Map<string, string>();
  for (const person of everyone) {
    for (const tag of person.competencies) {
      if (!competencies.has(fold(tag))) competencies.set(fold(tag), tag);
    }
  }
  return {
    people,
    competencies: [...competencies.values()].sort((a, b) => a.localeCompare(b, "fr")),
  };
}

const ACTIVITY_LIMIT = 50;

export async function circlePage(
  { db }: Ctx,
  actorId: string,
  { circleId }: { circleId: string },
): Promise<CirclePageView> {
  const circle = await db
    .selectFrom("circles")
    .leftJoin("circle_details", "circle_details.circle_id", "circles.id")
    .select([
      "circles.id",
      "circles.pole_id",
      "circles.kind",
      "circles.name",
      "circles.parent_id",
      "circles.archived_at",
      "circle_details.theme",
      "circle_details.description",
    ])
    .where("circles.id", "=", circleId)
    // A deleted group is gone from the pôle (its documents are in the archives).
    .where("circles.deleted_at", "is", null)
    .executeTakeFirst();
  if (!circle) throw notFound("Cercle");
  const poleId = circle.pole_id;
  const member = await requireMemberFor(db, { poleId, userId: actorId }, "Cercle");
  const people = new Map((await peopleOfPole(db, poleId)).map((p) => [p.userId, p]));
  const seats = await db
    .selectFrom("circle_members")
    .select(["user_id", "role", "since"])
    .where("circle_id", "=", circleId)
    .where("pole_id", "=", poleId)
    .execute();
  const roleOrder = { facilitator: 0, member: 1, commenter: 2, observer: 3 } as const;
  const members = seats
    .map((seat) => {
      const person = people.get(seat.user_id);
      return {
        userId: seat.user_id,
        name: person?.name ?? "—",
        role: seat.role,
        since: new Date(seat.since).toISOString(),
        competencies: person?.competencies ?? [],
        structureName: person?.structure?.name ?? null,
      };
    })
    .sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || a.name.localeCompare(b.name, "fr"));

  const governing = await governingCircles(db, poleId);
  const documents = (
    await db
      .selectFrom("documents")
      .select(["id", "kind", "title"])
      .where("pole_id", "=", poleId)
      .where("circle_id", "=", circleId)
      .where("archived_at", "is", null)
      .orderBy("created_at")
      .execute()
  ).filter((doc) => documentAccess(member, { kind: doc.kind, circleId }, governing) !== null);

  const events = await membershipHistory(db, {
    poleId,
    of: { circleId },
    limit: ACTIVITY_LIMIT,
  });

  return {
    id: circle.id,
    kind: circle.kind,
    name: circle.name,
    parentId: circle.parent_id,
    theme: circle.theme ?? "",
    description: circle.description ?? "",
    // An archived group is frozen: nobody places people in it until it is restored.
    canManage: circle.archived_at === null && canManageCircle(member, circle.id),
    archived: circle.archived_at !== null,
    members,
    documents,
    activity: events.map(({ at, userId, userName, role, actorName }) => ({
      at,
      userId,
      userName,
      role,
      actorName,
    })),
  };
}
