import type { PoleSummary as PoleView } from "../../shared/api/poles";
import type { CircleKind, CircleRole } from "../../shared/permissions";
import type { DB } from "../db/database";
import type { Pole, User } from "../db/schema";
import { insertAccount, instanceHasUsers, type NewAccount, prepareAccount } from "./accounts";
import { audit } from "./audit";
import { insertDocument } from "./documents";
import { DomainError, forbidden } from "./errors";
import { newId, slugify } from "./ids";

export async function uniqueSlug(db: DB, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (
      await db
        .selectFrom("poles")
        .select("slug")
        .where((eb) => eb.or([eb("slug", "=", base), eb("slug", "like", `${base}-%`)]))
        .execute()
    ).map((row) => row.slug),
  );
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

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
  };
  await db.insertInto("circles").values(circle).execute();
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

/**
 * A new pôle: its core group and steering committee, its diagnostic and charter, and its
 * founder as coordinator, facilitating both circles. Runs inside the caller's transaction.
 */
export async function foundPole(db: DB, founderId: string, name: string, now = Date.now()) {
  const pole: Pole = { id: newId(), slug: await uniqueSlug(db, name), name, created_at: now };
  await db.insertInto("poles").values(pole).execute();
  await db
    .insertInto("pole_members")
    .values({ pole_id: pole.id, user_id: founderId, role: "coordinator", joined_at: now })
    .execute();
  const core = await insertCircle(db, {
    poleId: pole.id,
    kind: "core",
    name: "Noyau dur",
    parentId: null,
  });
  const steering = await insertCircle(db, {
    poleId: pole.id,
    kind: "steering",
    name: "Comité de pilotage",
    parentId: null,
  });
  for (const circle of [core, steering]) {
    await seat(db, {
      poleId: pole.id,
      circleId: circle.id,
      userId: founderId,
      role: "facilitator",
      actorId: founderId,
    });
  }
  await insertDocument(db, {
    poleId: pole.id,
    kind: "diagnostic",
    title: "Diagnostic de territoire",
    circleId: steering.id,
    createdBy: founderId,
  });
  await insertDocument(db, {
    poleId: pole.id,
    kind: "charter",
    title: "Charte de gouvernance",
    circleId: core.id,
    createdBy: founderId,
  });
  await audit(db, {
    poleId: pole.id,
    actorId: founderId,
    action: "pole.founded",
    target: pole.id,
    details: { name },
  });
  return pole;
}

/** The instance's first visit: the first pôle and its first coordinator. Only once. */
export async function setUpInstance(
  db: DB,
  input: { pole: { name: string }; admin: NewAccount },
): Promise<{ user: User; pole: Pole }> {
  const user = await prepareAccount(input.admin);
  return db.transaction().execute(async (trx) => {
    if (await instanceHasUsers(trx)) {
      throw new DomainError("conflict", "Maillage est déjà installé : connectez-vous.");
    }
    await insertAccount(trx, user);
    const pole = await foundPole(trx, user.id, input.pole.name);
    return { user, pole };
  });
}

/** Another pôle on the same instance, founded by a signed-in person who becomes its coordinator. */
export async function createPole(
  db: DB,
  userId: string,
  name: string,
  policy: { allowAnyone: boolean },
): Promise<Omit<PoleView, "role">> {
  return db.transaction().execute(async (trx) => {
    if (!policy.allowAnyone) {
      const coordinates = await trx
        .selectFrom("pole_members")
        .select("pole_id")
        .where("user_id", "=", userId)
        .where("role", "=", "coordinator")
        .executeTakeFirst();
      if (!coordinates) throw forbidden("Seuls les coordinateurs peuvent fonder un nouveau pôle.");
    }
    const pole = await foundPole(trx, userId, name);
    return { id: pole.id, slug: pole.slug, name: pole.name };
  });
}

export async function polesOf(db: DB, userId: string): Promise<PoleView[]> {
  return db
    .selectFrom("pole_members")
    .innerJoin("poles", "poles.id", "pole_members.pole_id")
    .select(["poles.id", "poles.slug", "poles.name", "pole_members.role"])
    .where("pole_members.user_id", "=", userId)
    .orderBy("poles.created_at")
    .execute();
}

export async function listMembers(db: DB, poleId: string) {
  return db
    .selectFrom("pole_members")
    .innerJoin("users", "users.id", "pole_members.user_id")
    .select(["users.id as userId", "users.name", "users.email", "pole_members.role"])
    .where("pole_members.pole_id", "=", poleId)
    .orderBy("users.name")
    .execute();
}
