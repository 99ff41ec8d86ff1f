/**
 * GET /api/poles/:poleId/events: Server-Sent Events telling the pôle's open pages what
 * changed (`{ type, id }`, never content). The stream ends when the person leaves the pôle.
 */
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { loadMember, requireMember } from "../domain/members";
import type { AppDeps, AppEnv } from "./context";
import { requireUser, signedIn } from "./middleware";

/** A comment line now and then keeps proxies from closing a quiet stream. */
const KEEPALIVE_MS = 25_000;

export function poleEventRoutes({ db, events, poleEvents, logger }: AppDeps) {
  return new Hono<AppEnv>().get("/poles/:poleId/events", requireUser, async (c) => {
    const poleId = c.req.param("poleId");
    const userId = signedIn(c).id;
    await requireMember(db, poleId, userId);
    return streamSSE(c, async (stream) => {
      const send = (data: string, event?: string) =>
        stream.writeSSE({ data, event }).catch(() => stream.abort());
      await new Promise<void>((resolve) => {
        const stopEvents = poleEvents.subscribe((eventPole, event) => {
          if (eventPole === poleId) void send(JSON.stringify(event));
        });
        const stopAccess = events.subscribe((change) => {
          if (change.poleId !== poleId || change.userId !== userId) return;
          loadMember(db, poleId, userId).then(
            (member) => member === null && stream.abort(),
            (err: unknown) => logger.error({ err }, "event stream: membership check failed"),
          );
        });
        const keepalive = setInterval(() => void send("", "ping"), KEEPALIVE_MS);
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
