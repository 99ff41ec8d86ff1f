/**
 * GET /api/poles/:poleId/events: Server-Sent Events telling the pôle's open pages what
 * changed (`{ type, id }`, never content). The stream ends when its session ends (checked
 * at each keep-alive) or when the person leaves the pôle (checked when their rights change).
 */
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import type { DB } from "../db/database";
import { loadMember, requireMember } from "../domain/members";
import type { AppDeps, AppEnv } from "./context";
import { requireUser, signedIn } from "./middleware";

/** A message now and then keeps proxies from closing a quiet stream. */
const KEEPALIVE_MS = 25_000;

async function sessionLives(db: DB, sessionId: string) {
  const row = await db
    .selectFrom("sessions")
    .select("expires_at")
    .where("id", "=", sessionId)
    .executeTakeFirst();
  return row !== undefined && row.expires_at > Date.now();
}

export function poleEventRoutes({ db, events, poleEvents, logger }: AppDeps) {
  return new Hono<AppEnv>().get("/poles/:poleId/events", requireUser, async (c) => {
    const poleId = c.req.param("poleId");
    const userId = signedIn(c).id;
    const sessionId = c.get("session")?.id ?? "";
    await requireMember(db, poleId, userId);
    return streamSSE(c, async (stream) => {
      const send = (data: string, event?: string) =>
        stream.writeSSE({ data, event }).catch(() => stream.abort());
      const failed = (err: unknown) => logger.error({ err }, "event stream: check failed");
      await new Promise<void>((resolve) => {
        const stopEvents = poleEvents.subscribe((eventPole, event) => {
          if (eventPole === poleId) void send(JSON.stringify(event));
        });
        const stopAccess = events.subscribe((change) => {
          if (change.type !== "rights-changed") return;
          if (change.poleId !== poleId || change.userId !== userId) return;
          loadMember(db, poleId, userId).then((member) => member ?? stream.abort(), failed);
        });
        const keepalive = setInterval(() => {
          sessionLives(db, sessionId).then(
            (alive) => (alive ? send("", "ping") : stream.abort()),
            failed,
          );
        }, KEEPALIVE_MS);
        stream.onAbort(() => {
          clearInterval(keepalive);
          stopEvents();
          stopAccess();
          resolve();
        });
        void send("", "ready");
      });
    });
  });
}
