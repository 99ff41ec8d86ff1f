/** People as the collective sees them: who they are, their structure, what they bring. */

import type { InvolvementEvent, PersonDetail, PersonInput } from "../../shared/api/people";

import { canChangePoleRole, canEditPerson, type PoleRole } from "../../shared/permissions";
import type { DB } from "../db/database";
import { audit } from "./audit";
import type { Ctx } from "./context";
import { DomainError, forbidden, notFound } from "./errors";
import { lockMembership, requireAnotherCoordinator, requireMember, requirePerson } from "./members";
import { peopleOfPole } from "./people-of-pole";
import { writePerson } from "./person-record";
import { chooseStructureFor, pendingStructureOf } from "./structure-membership";

/**
 * The dated seats taken and left in a pôle's circles, newest first: one circle's activity
 * or one person's path. A deleted circle keeps its place in the history, without its name.
 */
export async function membershipHistory(
  db: DB,
  {
    poleId,
    of,
    limit,
  }: { poleId: string; of: { circleId: string } | { userId: string }; limit?: number },
) {
  let query = db
    .selectFrom("membership_events")
    .innerJoin("users", "users.id", "membership_events.user_id")
    .leftJoin("circles", (join) =>
      join
        .onRef("circles.id", "=", "membership_events.circle_id")
        .onRef("circles.pole_id", "=", "membership_events.pole_id"),
    )
    .leftJoin("users as actor", "actor.id", "membership_events.actor_id")
    .select([
      "membership_events.circle_id as circleId",
      "membership_events.user_id as userId",
      "membership_events.role",
      "membership_events.at",
      "users.name as userName",
      "circles.name as circleName",
      "circles.kind as circleKind",
      "actor.name as actorName",
    ])
    .where("membership_events.pole_id", "=", poleId)
    .orderBy("membership_events.at", "desc")
    .orderBy("membership_events.id", "desc");
  query =
    "circleId" in of
      ? query.where("membership_events.circle_id", "=", of.circleId)
      : query.where("membership_events.user_id", "=", of.userId);
  if (limit !== undefined) query = query.limit(limit);
  return (await query.execute()).map((event) => ({
    ...event,
    at: new Date(event.at).toISOString(),
    actorName: event.actorName ?? null,
  }));
}

/** A person's dated involvement across the pôle's circles, newest first. */
export async function involvementHistory(
  db: DB,
  { poleId, userId }: { poleId: string; userId: string },
): Promise<InvolvementEvent[]> {
  return (await membershipHistory(db, { poleId, of: { userId } })).map((event) => ({
    circleId: event.circleId,
    circleName: event.circleName ?? "—",
    circleKind: event.circleKind ?? null,
    role: event.role,
    at: event.at,
    actorName: event.actorName,
  }));
}

export async function getPerson(
  { db }: Ctx,
  actorId: string,
  { poleId, userId }: { poleId: string; userId: string },
): Promise<PersonDetail> {
  const actor = await requireMember(db, { poleId, userId: actorId });
  const person = (await peopleOfPole(db, poleId)).find((p) => p.userId === userId);
  if (!person) throw notFound("Personne");
  const canEdit = canEditPerson(actor, actorId === userId);
  const user = await db
    .selectFrom("users")
    .select("email")
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  return {
    ...person,
    // Addresses stay between the person and the coordination.
    email: canEdit ? user.email : null,
    pendingStructure: canEdit ? await pendingStructureOf(db, { poleId, userId }) : null,
    history: await involvementHistory(db, { poleId, userId }),
    canEdit,
  };
}

/** Checks that a structure belongs to the pôle (people only join their own pôle's). */
export async function requireStructureOfPole(
  db: DB,
  { poleId, structureId }: { poleId: string; structureId: string },
) {
  const structure = await db
    .selectFrom("structures")
    .select("id")
    .where("id", "=", structureId)
    .where("pole_id", "=", poleId)
    .executeTakeFirst();
  if (!structure) {
    throw new DomainError("invalid_input", "Cette structure n'existe pas dans ce pôle.");
  }
}

export async function updatePerson(
  ctx: Ctx,
  actorId: string,
  { poleId, userId, person: input }: { poleId: string; userId: string; person: PersonInput },
): Promise<PersonDetail> {
  const { db } = ctx;
  const actor = await requireMember(db, { poleId, userId: actorId });
  await requirePerson(db, { poleId, userId });
  if (!canEditPerson(actor, actorId === userId)) {
    throw forbidden("Chacun modifie son propre profil ; la coordination peut aider.");
  }
  if (input.structureId)
    await requireStructureOfPole(db, { poleId, structureId: input.structureId });
  const { structureId, ...profile } = input;
  await db.transaction().execute(async (trx) => {
    await chooseStructureFor(trx, { poleId, userId, structureId, actorId, actor });
    await writePerson(trx, { poleId, userId, patch: profile });
    await audit(trx, {
      poleId,
      actorId,
      action: "person.updated",
      target: userId,
      details: { structureId: input.structureId, competencies: input.competencies },
    });
  });
  return getPerson(ctx, actorId, { poleId, userId });
}

/**
 * A person's pôle-wide role. The pôle always keeps a coordinator; open connections are
 * re-checked at once, since the role weighs on every document's right.
 */
export async function changePoleRole(
  { db, events }: Ctx<"events">,
  actorId: string,
  { poleId, userId, role }: { poleId: string; userId: string; role: PoleRole },
) {
  const actor = await requireMember(db, { poleId, userId: actorId });
  if (!canChangePoleRole(actor)) {
    throw forbidden("Seuls les coordinateurs changent le rôle d'une personne dans le pôle.");
  }
  await db.transaction().execute(async (trx) => {
    await lockMembership(trx, poleId);
    const current = await trx
      .selectFrom("pole_members")
      .select("role")
      .where("pole_id", "=", poleId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    if (!current) throw notFound("Personne");
    if (current.role === "coordinator" && role !== "coordinator") {
      await requireAnotherCoordinator(trx, { poleId });
    }
    await trx
      .updateTable("pole_members")
      .set({ role })
      .where("pole_id", "=", poleId)
      .where("user_id", "=", userId)
      .execute();
    await audit(trx, {
      poleId,
      actorId,
      action: "member.role_changed",
      target: userId,
      details: { from: current.role, role },
    });
  });
  events.publish({ poleId, userId });
  return { userId, role };
}
