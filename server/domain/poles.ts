import type { PoleMember as PoleMemberView, PoleSummary as PoleView } from "../../shared/api/poles";
import { canFoundPole, canSeeEmails, type Member } from "../../shared/permissions";
import type { DB } from "../db/database";
import { serialize } from "../db/dialect";
import type { Pole, User } from "../db/schema";
import { insertAccount, instanceHasUsers, type NewAccount, prepareAccount } from "./accounts";
import { audit } from "./audit";
import { insertCircle, seat } from "./circles";
import type { Ctx } from "./context";
import { insertDocument } from "./documents";
import { DomainError, forbidden } from "./errors";
import { newId, slugify } from "./ids";
import { requireMember } from "./members";

/**
 * A slug no other pôle has. Inside the caller's transaction, which it makes wait for any
 * other founding in progress, so that two pôles of one name founded at once get two slugs.
 */
export async function uniqueSlug(db: DB, name: string): Promise<string> {
  await serialize(db, "pole-slugs");
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

/**
 * A new pôle: its core group and steering committee, its diagnostic and charter, and its
 * founder as coordinator, facilitating both circles. Runs inside the caller's transaction.
 */
export async function foundPole(
  db: DB,
  { founderId, name }: { founderId: string; name: string },
  now = Date.now(),
) {
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
  { db }: Ctx,
  input: { pole: { name: string }; admin: NewAccount },
): Promise<{ user: User; pole: Pole }> {
  const user = await prepareAccount(input.admin);
  return db.transaction().execute(async (trx) => {
    // Two first visits at once (on two instances) would each find no user yet.
    await serialize(trx, "setup");
    if (await instanceHasUsers(trx)) {
      throw new DomainError("conflict", "Maillage est déjà installé : connectez-vous.");
    }
    await insertAccount(trx, user);
    const pole = await foundPole(trx, { founderId: user.id, name: input.pole.name });
    return { user, pole };
  });
}

/** Whether this person may found another pôle (the home page offers it only then). */
export async function mayFoundPole(
  { db, allowPoleCreation }: Ctx<"allowPoleCreation">,
  userId: string,
): Promise<boolean> {
  const coordinates = await db
    .selectFrom("pole_members")
    .select("pole_id")
    .where("user_id", "=", userId)
    .where("role", "=", "coordinator")
    .executeTakeFirst();
  return canFoundPole({ allowPoleCreation, coordinatesAPole: coordinates !== undefined });
}

/** Another pôle on the same instance, founded by a signed-in person who becomes its coordinator. */
export async function createPole(
  { db, allowPoleCreation }: Ctx<"allowPoleCreation">,
  userId: string,
  { name }: { name: string },
): Promise<Omit<PoleView, "role">> {
  return db.transaction().execute(async (trx) => {
    if (!(await mayFoundPole({ db: trx, allowPoleCreation }, userId))) {
      throw forbidden("Seuls les coordinateurs peuvent fonder un nouveau pôle.");
    }
    const pole = await foundPole(trx, { founderId: userId, name });
    return { id: pole.id, slug: pole.slug, name: pole.name };
  });
}

export async function polesOf({ db }: Ctx, userId: string): Promise<PoleView[]> {
  return db
    .selectFrom("pole_members")
    .innerJoin("poles", "poles.id", "pole_members.pole_id")
    .select(["poles.id", "poles.slug", "poles.name", "pole_members.role"])
    .where("pole_members.user_id", "=", userId)
    .orderBy("poles.created_at")
    .execute();
}

/** A member as a viewer sees them: the address only for those who may see addresses. */
export const presentMember = (row: PoleMemberView & { email: string }, viewer: Member) =>
  canSeeEmails(viewer) ? row : { userId: row.userId, name: row.name, role: row.role };

export async function listMembers(
  { db }: Ctx,
  actorId: string,
  { poleId }: { poleId: string },
): Promise<PoleMemberView[]> {
  const viewer = await requireMember(db, { poleId, userId: actorId });
  const rows = await db
    .selectFrom("pole_members")
    .innerJoin("users", "users.id", "pole_members.user_id")
    .select(["users.id as userId", "users.name", "users.email", "pole_members.role"])
    .where("pole_members.pole_id", "=", poleId)
    .orderBy("users.name")
    .execute();
  return rows.map((row) => presentMember(row, viewer));
}
