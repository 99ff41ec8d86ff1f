/**
 * Sessions the way Lucia documents them: a random 20-byte token, base32, given to the
 * browser; only its SHA-256 is stored. Sessions last 30 days and slide once half used.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import type { DB } from "../db/database";
import { prepared } from "../db/prepared";
import type { User } from "../db/schema";

export const SESSION_COOKIE = "maillage_session";
export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

export interface Session {
  id: string;
  userId: string;
  expiresAt: number;
}

export type SessionUser = Pick<User, "id" | "name" | "email" | "locale">;

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export const hashToken = (token: string) =>
  encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

export async function createSession(db: DB, token: string, userId: string, now = Date.now()) {
  const session: Session = { id: hashToken(token), userId, expiresAt: now + SESSION_LIFETIME_MS };
  await db
    .insertInto("sessions")
    .values({ id: session.id, user_id: userId, expires_at: session.expiresAt })
    .execute();
  return session;
}

export type SessionValidation =
  | { session: Session; user: SessionUser; refreshed: boolean }
  | { session: null; user: null; refreshed: false };

const none: SessionValidation = { session: null, user: null, refreshed: false };

/** What a session check reads: the session and its person (see settleSession). */
export const sessionColumns = [
  "sessions.id",
  "sessions.user_id",
  "sessions.expires_at",
  "users.name",
  "users.email",
  "users.locale",
] as const;

/** Checks a token; deletes it when expired, extends it when less than half its life is left. */
export async function validateSessionToken(
  db: DB,
  token: string,
  now = Date.now(),
): Promise<SessionValidation> {
  const [row] = await sessionOfToken(db, { id: hashToken(token) });
  return settleSession(db, row, now);
}

/** A session as read with sessionColumns. */
export type SessionRow = Awaited<ReturnType<typeof sessionOfToken>>[number];

const sessionOfToken = prepared((db: DB, value: (name: "id") => string) =>
  db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(sessionColumns)
    .where("sessions.id", "=", value("id")),
);

/**
 * The session read for a token (undefined: none), deleted when expired and extended when
 * less than half its life is left; for queries that read it along with something else.
 */
export async function settleSession(
  db: DB,
  row: SessionRow | undefined,
  now = Date.now(),
): Promise<SessionValidation> {
  if (!row) return none;
  const { id } = row;
  if (now >= row.expires_at) {
    await db.deleteFrom("sessions").where("id", "=", id).execute();
    return none;
  }
  const session: Session = { id, userId: row.user_id, expiresAt: row.expires_at };
  let refreshed = false;
  if (now >= row.expires_at - SESSION_LIFETIME_MS / 2) {
    session.expiresAt = now + SESSION_LIFETIME_MS;
    refreshed = true;
    await db
      .updateTable("sessions")
      .set({ expires_at: session.expiresAt })
      .where("id", "=", id)
      .execute();
  }
  const user = { id: row.user_id, name: row.name, email: row.email, locale: row.locale };
  return { session, user, refreshed };
}

export async function invalidateSession(db: DB, sessionId: string) {
  await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
}

export async function invalidateUserSessions(db: DB, userId: string) {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}

/** When a session ends unless extended; null when it no longer exists. */
export async function sessionExpiry(db: DB, sessionId: string): Promise<number | null> {
  const row = await db
    .selectFrom("sessions")
    .select("expires_at")
    .where("id", "=", sessionId)
    .executeTakeFirst();
  return row?.expires_at ?? null;
}
