import type { Circle as CircleView } from "../../shared/api/circles";
import {
  type CircleKind,
  type CircleRole,
  canCreateCircle,
  canManageCircle,
} from "../../shared/permissions";
import type { DB } from "../db/database";
import { indexCollective } from "../search/refresh";
import { audit } from "./audit";
import type { Ctx } from "./context";
import { insertDocument } from "./documents";
import { DomainError, forbidden, notFound } from "./errors";
import { newId } from "./ids";
import { lockMembership, requireMember, requireMemberFor, requirePerson } from "./members";

export async function insertCircle(
  db: DB,
  input: { poleId: string; kind: CircleKind; name: string; parentId: string | null },
  now = Date.now(),
) {
  const circle = {
    id: newId(),
    pole_id: input.poleId,
    kind: input.kind,
    name: input.name,
    parent_id: input.parentId,
    created_at: now,
    archived_at: null,
    deleted_at: null,
  };
  await db.insertInto("circles").values(circle).execute();
  await indexCollective(db, input.poleId);
  return circle;
}

/** Seats a person in a circle (or changes their role) and keeps the dated history. */
export async function seat(
  db: DB,
  input: {
    poleId: string;
    circleId: string;
    userId: string;
    role: CircleRole;
    actorId: string | null;
  },
  now = Date.now(),
) {
  await db
    .insertInto("circle_members")
    .values({
      circle_id: input.circleId,
      user_id: input.userId,
      pole_id: input.poleId,
      role: input.role,
      since: now,
    })
    .onConflict((oc) => oc.columns(["circle_id", "user_id"]).doUpdateSet({ role: input.role }))
    .execute();
  await db
    .insertInto("membership_events")
    .values({
      pole_id: input.poleId,
      circle_id: input.circleId,
      user_id: input.userId,
      role: input.role,
      actor_id: input.actorId,
      at: now,
    })
    .execute();
}

export async function listCircles(
  { db }: Ctx,
  userId: string,
  { poleId }: { poleId: string },
): Promise<CircleView[]> {
  await requireMember(db, { poleId, userId });
  const circles = await db
    .selectFrom("circles")
    .select(["id", "kind", "name", "parent_id"])
    .where("pole_id", "=", poleId)
    // Archived and deleted groups live in the pôle's archives, not among its circles.
    .where("archived_at", "is", null)
    .where("deleted_at", "is", null)
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
  { db }: Ctx,
  userId: string,
  {
    poleId,
    ...input
  }: {
    poleId: string;
    kind: "thematic" | "project";
    name: string;
    parentId?: string | null;
    theme?: string;
    description?: string;
  },
) {
  const member = await requireMember(db, { poleId, userId });
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
    if (input.theme || input.description) {
      await trx
        .insertInto("circle_details")
        .values({
          circle_id: circle.id,
          pole_id: poleId,
          theme: input.theme ?? "",
          description: input.description ?? "",
        })
        .execute();
      await indexCollective(trx, poleId);
    }
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

export async function circleOfPole(db: DB, circleId: string) {
  const circle = await db
    .selectFrom("circles")
    .select(["id", "pole_id", "kind"])
    .where("id", "=", circleId)
    .executeTakeFirst();
  if (!circle) throw notFound("Cercle");
  return circle;
}

/** Who may place people in a circle; outsiders learn nothing of the circle (404). */
async function requireCircleManager(
  db: DB,
  { actorId, circleId }: { actorId: string; circleId: string },
) {
  const circle = await circleOfPole(db, circleId);
  const actor = await requireMemberFor(db, { poleId: circle.pole_id, userId: actorId }, "Cercle");
  if (!canManageCircle(actor, circle.id)) {
    throw forbidden(
      "Seuls les coordinateurs et les facilitateurs du cercle y placent des personnes.",
    );
  }
  return circle;
}

/**
 * `alongside` runs in the same transaction, for callers that record why the placement
 * happened (a confirmed onboarding suggestion): both are written or neither.
 */
export async function placeInCircle(
  { db, events }: Ctx<"events">,
  actorId: string,
  {
    circleId,
    userId,
    role,
    alongside,
  }: {
    circleId: string;
    userId: string;
    role: CircleRole;
    alongside?: (trx: DB, poleId: string) => Promise<void>;
  },
) {
  const circle = await requireCircleManager(db, { actorId, circleId });
  await db.transaction().execute(async (trx) => {
    await lockMembership(trx, circle.pole_id);
    await requirePerson(trx, { poleId: circle.pole_id, userId });
    const live = await trx
      .selectFrom("circles")
      .select("id")
      .where("id", "=", circleId)
      .where("deleted_at", "is", null)
      .executeTakeFirst();
    if (!live) throw notFound("Cercle");
    await seat(trx, { poleId: circle.pole_id, circleId, userId, role, actorId });
    await audit(trx, {
      poleId: circle.pole_id,
      actorId,
      action: "circle.member_placed",
      target: userId,
      details: { circleId, role },
    });
    await alongside?.(trx, circle.pole_id);
  });
  events.publish({ poleId: circle.pole_id, userId });
  return { circleId, userId, role };
}

export async function removeFromCircle(
  { db, events }: Ctx<"events">,
  actorId: string,
  { circleId, userId }: { circleId: string; userId: string },
) {
  const circle = await requireCircleManager(db, { actorId, circleId });
  await db.transaction().execute(async (trx) => {
    await lockMembership(trx, circle.pole_id);
    await unseat(trx, { poleId: circle.pole_id, circleId, userId, actorId });
  });
  events.publish({ poleId: circle.pole_id, userId });
}

/** Takes a person out of a circle, keeping the dated departure in the history. */
export async function unseat(
  trx: DB,
  input: { poleId: string; circleId: string; userId: string; actorId: string },
  now = Date.now(),
) {
  const removed = await trx
    .deleteFrom("circle_members")
    .where("circle_id", "=", input.circleId)
    .where("user_id", "=", input.userId)
    .executeTakeFirst();
  if (removed.numDeletedRows === 0n) throw notFound("Membre du cercle");
  await trx
    .insertInto("membership_events")
    .values({
      pole_id: input.poleId,
      circle_id: input.circleId,
      user_id: input.userId,
      role: null,
      actor_id: input.actorId,
      at: now,
    })
    .execute();
  await audit(
    trx,
    {
      poleId: input.poleId,
      actorId: input.actorId,
      action: "circle.member_removed",
      target: input.userId,
      details: { circleId: input.circleId },
    },
    now,
  );
}

/**
 * Involvement evolves (DOMAIN.md): a move leaves one circle and joins another at the same
 * instant, in one transaction, and the open connections are re-checked once.
 */
export async function moveBetweenCircles(
  { db, events }: Ctx<"events">,
  actorId: string,
  input: { fromCircleId: string; toCircleId: string; userId: string; role: CircleRole },
) {
  const from = await requireCircleManager(db, { actorId, circleId: input.fromCircleId });
  const to = await requireCircleManager(db, { actorId, circleId: input.toCircleId });
  if (from.pole_id !== to.pole_id) throw notFound("Cercle");
  if (from.id === to.id) {
    throw new DomainError("invalid_input", "Choisissez un autre cercle que le cercle actuel.");
  }
  const poleId = from.pole_id;
  await db.transaction().execute(async (trx) => {
    const now = Date.now();
    await unseat(trx, { poleId, circleId: from.id, userId: input.userId, actorId }, now);
    await seat(
      trx,
      { poleId, circleId: to.id, userId: input.userId, role: input.role, actorId },
      now,
    );
    await audit(
      trx,
      {
        poleId,
        actorId,
        action: "circle.member_placed",
        target: input.userId,
        details: { circleId: to.id, role: input.role, from: from.id },
      },
      now,
    );
  });
  events.publish({ poleId, userId: input.userId });
  return { circleId: to.id, userId: input.userId, role: input.role };
}

/** A thematic or project group's theme and description, for its page and the map. */
export async function updateCircleDetails(
  { db }: Ctx,
  actorId: string,
  { circleId, ...input }: { circleId: string; theme: string; description: string },
) {
  const circle = await requireCircleManager(db, { actorId, circleId });
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("circle_details")
      .values({ circle_id: circle.id, pole_id: circle.pole_id, ...input })
      .onConflict((oc) => oc.column("circle_id").doUpdateSet(input))
      .execute();
    await indexCollective(trx, circle.pole_id);
    await audit(trx, {
      poleId: circle.pole_id,
      actorId,
      action: "circle.updated",
      target: circle.id,
      details: { theme: input.theme },
    });
  });
}
