import type { Visitor } from "../../server/sync";

/** A connection's person for sync unit tests: named after its id, with a live session. */
export const visitor = (userId: string, sessionId = `session-${userId}`): Visitor => ({
  userId,
  name: userId,
  sessionId,
  sessionExpiresAt: Date.now() + 3_600_000,
});
