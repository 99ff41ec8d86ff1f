import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openMigratedDatabase, type TemporaryDatabase } from "../../tests/helpers/document-db";
import type { DB } from "../db/database";
import {
  createSession,
  generateSessionToken,
  hashToken,
  invalidateSession,
  invalidateUserSessions,
  SESSION_LIFETIME_MS,
  validateSessionToken,
} from "./sessions";

let opened: TemporaryDatabase;
let db: DB;
const day = 24 * 60 * 60 * 1000;

beforeEach(async () => {
  opened = await openMigratedDatabase("sessions");
  db = opened.db;
  await db
    .insertInto("users")
    .values({ id: "u1", name: "Léa", email: "lea@example.org", password_hash: "x", created_at: 0 })
    .execute();
});

afterEach(() => opened.remove());

describe("session tokens", () => {
  it("are 20 random bytes in lower-case base32, different every time", () => {
    const tokens = new Set(Array.from({ length: 100 }, generateSessionToken));
    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{32}$/);
  });

  it("are stored only as their SHA-256", async () => {
    const token = generateSessionToken();
    await createSession(db, token, "u1", 0);
    const rows = await db.selectFrom("sessions").selectAll().execute();
    expect(rows).toEqual([
      { id: hashToken(token), user_id: "u1", expires_at: SESSION_LIFETIME_MS },
    ]);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("validate with their user, and reject unknown tokens", async () => {
    const token = generateSessionToken();
    await createSession(db, token, "u1", 0);
    const valid = await validateSessionToken(db, token, day);
    expect(valid.user).toMatchObject({ id: "u1", name: "Léa", email: "lea@example.org" });
    expect(valid.refreshed).toBe(false);
    expect((await validateSessionToken(db, generateSessionToken(), day)).session).toBeNull();
  });

  it("slide to 30 more days once half their life is used", async () => {
    const token = generateSessionToken();
    await createSession(db, token, "u1", 0);
    const now = 16 * day;
    const result = await validateSessionToken(db, token, now);
    expect(result.refreshed).toBe(true);
    expect(result.session?.expiresAt).toBe(now + SESSION_LIFETIME_MS);
    const stored = await db.selectFrom("sessions").select("expires_at").executeTakeFirstOrThrow();
    expect(stored.expires_at).toBe(now + SESSION_LIFETIME_MS);
  });

  it("expire after 30 days and are deleted", async () => {
    const token = generateSessionToken();
    await createSession(db, token, "u1", 0);
    expect((await validateSessionToken(db, token, SESSION_LIFETIME_MS)).session).toBeNull();
    expect(await db.selectFrom("sessions").selectAll().execute()).toEqual([]);
  });

  it("end on logout, one or all of a person's", async () => {
    const [a, b] = [generateSessionToken(), generateSessionToken()];
    const session = await createSession(db, a, "u1");
    await createSession(db, b, "u1");
    await invalidateSession(db, session.id);
    expect((await validateSessionToken(db, a)).session).toBeNull();
    expect((await validateSessionToken(db, b)).session).not.toBeNull();
    await invalidateUserSessions(db, "u1");
    expect((await validateSessionToken(db, b)).session).toBeNull();
  });
});
