/**
 * GET /api/poles/:poleId/events: Server-Sent Events telling the pôle's open pages what
 * changed (`{ type, id }`, never content). The stream ends with its session (logout,
 * password change, expiry) and when the person leaves the pôle.
 */
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import type { AccessEvent } from "../domain/access-events";
import { accessOf } from "../domain/documents";
import { loadMember, requireMember } from "../domain/members";
import type { AppDeps, AppEnv } from "./context";
import { requireUser, signedIn } from "./middleware";

/** A message now and then keeps proxies from closing a quiet stream. */
const KEEPALIVE_MS = 25_000;

/** Whether this access event ends the stream of `sessionId`, or asks to re-check the person. */
export function verdict(
  event: AccessEvent,
  stream: { poleId: string; userId: string; sessionId: string },
): "end" | "recheck" | "keep" {
  switch (event.type) {
    case "sessions-ended":
      return event.sessionIds.includes(stream.sessionId) ? "end" : "keep";
    case "user-sessions-ended":
      return event.userId === stream.userId && event.except !== stream.sessionId ? "end" : "keep";
    case "rights-changed":
      return event.poleId === stream.poleId && event.userId === stream.userId ? "recheck" : "keep";
    default:
      return "keep";
  }
}

export function poleEventRoutes({ ctx, logger }: AppDeps) {
  const { db, events, poleEvents } = ctx;
  return new Hono<AppEnv>().get("/poles/:poleId/events", requireUser, async (c) => {
    const poleId = c.req.param("poleId");
    const userId = signedIn(c).id;
    const sessionId = c.get("session")?.id ?? "";
    await requireMember(db, { poleId, userId });
    return streamSSE(c, async (stream) => {
      const send = (data: string, event?: string) =>
        stream.writeSSE({ data, event }).catch(() => stream.abort());
      await new Promise<void>((resolve) => {
        const stopEvents = poleEvents.subscribe((eventPole, event) => {
          if (eventPole !== poleId) return;
          if (!event.documentId) return void send(JSON.stringify(event));
          // A document's news reaches only its readers (the check is cheap beside a refetch).
          accessOf({ db }, userId, { documentId: event.documentId }).then(
            (access) => access && send(JSON.stringify(event)),
            (err: unknown) => logger.error({ err }, "event stream: access check failed"),
          );
        });
        const stopAccess = events.subscribe((event) => {
          const next = verdict(event, { poleId, userId, sessionId });
          if (next === "end") stream.abort();
          if (next === "recheck") {
            loadMember(db, { poleId, userId }).then(
              (member) => member ?? stream.abort(),
              (err: unknown) => logger.error({ err }, "event stream: membership check failed"),
            );
          }
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
