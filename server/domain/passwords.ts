/**
 * Passwords after sign-up: changing one's own, and resetting a forgotten one through a
 * one-hour, single-use link (e-mailed, or issued to copy by a coordinator when the instance
 * sends no e-mail). Only the SHA-256 of a link's token is stored. Every way ends sessions:
 * a change ends the person's other sessions, a reset ends them all, and their sockets close.
 */
import { canResetPasswords } from "../../shared/permissions";
import { hashPassword, verifyPassword } from "../auth/passwords";
import { generateSessionToken, hashToken } from "../auth/sessions";
import type { DB } from "../db/database";
import { audit } from "./audit";
import type { Ctx } from "./context";
import { DomainError, forbidden } from "./errors";
import { requireMember, requirePerson } from "./members";

export const RESET_LINK_LIFETIME_MS = 60 * 60 * 1000;

export async function changePassword(
  { db, events }: Ctx<"events">,
  actorId: string,
  { sessionId, current, next }: { sessionId: string; current: string; next: string },
) {
  const user = await db
    .selectFrom("users")
    .select("password_hash")
    .where("id", "=", actorId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, current))) {
    throw forbidden("Le mot de passe actuel n'est pas le bon.");
  }
  const hash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("users").set({ password_hash: hash }).where("id", "=", actorId).execute();
    await trx
      .deleteFrom("sessions")
      .where("user_id", "=", actorId)
      .where("id", "!=", sessionId)
      .execute();
    await retireResetLinks(trx, { userId: actorId }, Date.now());
  });
  events.userSessionsEnded(actorId, sessionId);
}

/** A new password makes every link still waiting useless: none may set another after it. */
const retireResetLinks = (db: DB, { userId }: { userId: string }, now: number) =>
  db
    .updateTable("password_resets")
    .set({ used_at: now })
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .execute();

/** Writes a new link for this person; returns its address (the token is not kept). */
async function insertResetLink(
  db: DB,
  { userId, issuedBy, publicUrl }: { userId: string; issuedBy: string | null; publicUrl: string },
  now = Date.now(),
) {
  const token = generateSessionToken();
  const expiresAt = now + RESET_LINK_LIFETIME_MS;
  await db
    .insertInto("password_resets")
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      issued_by: issuedBy,
      created_at: now,
      expires_at: expiresAt,
      used_at: null,
    })
    .execute();
  return {
    url: `${publicUrl.replace(/\/$/, "")}/mot-de-passe/${token}`,
    expiresAt: new Date(expiresAt).toISOString(),
  };
}

/**
 * Someone forgot their password. Whatever the address, the caller learns nothing: the
 * link is written and e-mailed only when the address names an account and the instance
 * sends e-mail, and the sending is not waited for, so that both cases answer as fast.
 */
export async function requestPasswordReset(
  { db, mailer, publicUrl }: Ctx<"mailer" | "publicUrl">,
  { email, onError }: { email: string; onError: (error: unknown) => void },
) {
  if (!mailer) return;
  const user = await db
    .selectFrom("users")
    .select(["id", "name", "email"])
    .where("email", "=", email)
    .executeTakeFirst();
  if (!user) return;
  const { url } = await insertResetLink(db, { userId: user.id, issuedBy: null, publicUrl });
  mailer.sendPasswordReset({ to: user.email, name: user.name, url }).catch(onError);
}

/** A coordinator issues a link to copy for someone of their pôle (the instance sends no e-mail). */
export async function issueResetLink(
  { db, mailer, publicUrl }: Ctx<"mailer" | "publicUrl">,
  actorId: string,
  { poleId, userId }: { poleId: string; userId: string },
) {
  const actor = await requireMember(db, { poleId, userId: actorId });
  if (!canResetPasswords(actor)) {
    throw forbidden("Seuls les coordinateurs donnent un lien pour changer de mot de passe.");
  }
  await requirePerson(db, { poleId, userId });
  if (mailer) {
    throw new DomainError(
      "conflict",
      "Le serveur envoie des e-mails : la personne demande elle-même un lien depuis « Mot de passe oublié ».",
    );
  }
  return db.transaction().execute(async (trx) => {
    const link = await insertResetLink(trx, { userId, issuedBy: actorId, publicUrl });
    await audit(trx, { poleId, actorId, action: "password.reset_link_issued", target: userId });
    return link;
  });
}

const unusable = () =>
  new DomainError(
    "gone",
    "Ce lien n'est plus valable (déjà utilisé ou expiré) : demandez-en un nouveau.",
  );

/** Uses a link once: the new password is set and every session of that person ends. */
export async function resetPassword(
  { db, events }: Ctx<"events">,
  { token, password }: { token: string; password: string },
) {
  const tokenHash = hashToken(token);
  const link = await db
    .selectFrom("password_resets")
    .select(["user_id", "expires_at", "used_at"])
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
  if (!link || link.used_at !== null || Date.now() >= link.expires_at) throw unusable();
  const hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    // Only one of two racing uses marks the link.
    const now = Date.now();
    const marked = await trx
      .updateTable("password_resets")
      .set({ used_at: now })
      .where("token_hash", "=", tokenHash)
      .where("used_at", "is", null)
      .where("expires_at", ">", now)
      .executeTakeFirst();
    if (marked.numUpdatedRows !== 1n) throw unusable();
    // The person's other links die with this use.
    await retireResetLinks(trx, { userId: link.user_id }, now);
    await trx
      .updateTable("users")
      .set({ password_hash: hash })
      .where("id", "=", link.user_id)
      .execute();
    await trx.deleteFrom("sessions").where("user_id", "=", link.user_id).execute();
  });
  events.userSessionsEnded(link.user_id, null);
}
