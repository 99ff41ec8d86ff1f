import type { CircleView } from "../../shared/api";
import { type CircleRole, canCreateCircle, canManageCircle } from "../../shared/permissions";
import type { DB } from "../db/database";
import type { AccessEvents } from "./access-events";
import { audit } from "./audit";
import { insertDocument } from "./documents";
import { DomainError, forbidden, notFound } from "./errors";
import { requireMember } from "./members";
import { insertCircle, seat } from "./poles";

export interface CircleContext {
  db: DB;
  events: AccessEvents;
}

export async function listCircles(db: DB, userId: string, poleId: string): Promise<CircleView[]> {
  await requireMember(db, poleId, userId);
  const circles = await db
    .selectFrom("circles")
    .select(["id", "kind", "name", "parent_id"])
    .where("pole_id", "=", poleId)
    .orderBy("created_at")
    .execute();
  const seats = await db
    .selectFrom("circle_members")
    .select(["circle_id", "user_id", "role"])
    .where("pole_id", "=", poleId)
    .orderBy("since")
    .execute();
  return circles.map((circle) => ({
    id: circle.id,
    kind: circle.kind,
    name: circle.name,
    parentId: circle.parent_id,
    members: seats
      .filter((s) => s.circle_id === circle.id)
      .map((s) => ({ userId: s.user_id, role: s.role })),
  }));
}

/** Thematic groups get their board at birth; project groups live under a thematic group. */
export async function createCircle(
  db: DB,
  userId: string,
  poleId: string,
  input: { kind: "thematic" | "project"; name: string; parentId?: string | null },
) {
  const member = await requireMember(db, poleId, userId);
  if (!canCreateCircle(member)) throw forbidden("Seuls les coordinateurs créent des cercles.");
  let parentId: string | null = null;
  if (input.kind === "project") {
    const parent = input.parentId
      ? await db
          .selectFrom("circles")
          .select(["id", "kind"])
          .where("id", "=", input.parentId)
          .where("pole_id", "=", poleId)
          .executeTakeFirst()
      : undefined;
    if (parent?.kind !== "thematic") {
      throw new DomainError(
        "invalid_input",
        "Un groupe projet se rattache à un groupe thématique du pôle (parentId).",
      );
    }
    parentId = parent.id;
  } else if (input.parentId) {
    throw new DomainError("invalid_input", "Un groupe thématique ne se rattache à aucun cercle.");
  }
  return db.transaction().execute(async (trx) => {
    const circle = await insertCircle(trx, {
      poleId,
      kind: input.kind,
      name: input.name,
      parentId,
    });
    if (input.kind === "thematic") {
      await insertDocument(trx, {
        poleId,
        kind: "board",
        title: `Projets — ${input.name}`,
        circleId: circle.id,
        createdBy: userId,
      });
    }
    await audit(trx, {
      poleId,
      actorId: userId,
      action: "circle.created",
      target: circle.id,
      details: { kind: input.kind, name: input.name, parentId },
    });
    return { id: circle.id, kind: circle.kind, name: circle.name, parentId: circle.parent_id };
  });
}

async function circleOfPole(db: DB, circleId: string) {
  const circle = await db
    .selectFrom("circles")
    .select(["id", "pole_id", "kind"])
    .where("id", "=", circleId)
    .executeTakeFirst();
  if (!circle) throw notFound("Cercle");
  return circle;
}

/** Who may place people in a circle; outsiders learn nothing of the circle (404). */
async function requireCircleManager(db: DB, actorId: string, circleId: string) {
  const circle = await circleOfPole(db, circleId);
  const actor = await requireMember(db, circle.pole_id, actorId).catch(() => {
    throw notFound("Cercle");
  });
  if (!canManageCircle(actor, circle.id)) {
    throw forbidden(
      "Seuls les coordinateurs et les facilitateurs du cercle y placent des personnes.",
    );
  }
  return circle;
}

export async function placeInCircle(
  { db, events }: CircleContext,
  actorId: string,
  circleId: string,
  userId: string,
  role: CircleRole,
) {
  const circle = await requireCircleManager(db, actorId, circleId);
  const target = await db
    .selectFrom("pole_members")
    .select("user_id")
    .where("pole_id", "=", circle.pole_id)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (!target) throw notFound("Personne");
  await db.transaction().execute(async (trx) => {
    await seat(trx, { poleId: circle.pole_id, circleId, userId, role, actorId });
    await audit(trx, {
      poleId: circle.pole_id,
      actorId,
      action: "circle.member_placed",
      target: userId,
      details: { circleId, role },
    });
  });
  events.publish({ poleId: circle.pole_id, userId });
  return { circleId, userId, role };
}

export async function removeFromCircle(
  { db, events }: CircleContext,
  actorId: string,
  circleId: string,
  userId: string,
) {
  const circle = await requireCircleManager(db, actorId, circleId);
  await db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom("circle_members")
      .where("circle_id", "=", circleId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    if (removed.numDeletedRows === 0n) throw notFound("Membre du cercle");
    const now = Date.now();
    await trx
      .insertInto("membership_events")
      .values({
        pole_id: circle.pole_id,
        circle_id: circleId,
        user_id: userId,
        role: null,
        actor_id: actorId,
        at: now,
      })
      .execute();
    await audit(trx, {
      poleId: circle.pole_id,
      actorId,
      action: "circle.member_removed",
      target: userId,
      details: { circleId },
    });
  });
  events.publish({ poleId: circle.pole_id, userId });
}
