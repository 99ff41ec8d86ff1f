/**
 * The `/sync/:documentId` upgrade. Refusals are plain HTTP answers sent before any
 * WebSocket exists (403 for a foreign Origin, then 401, 403, 404 through the app's error
 * handler); the open socket is the sync layer's. It checks its session itself, with the
 * document in the same statement, instead of through loadSession (see app.ts).
 */
import { upgradeWebSocket } from "@hono/node-server";
import { Hono } from "hono";
import { openDocumentWithToken } from "../domain/documents";
import { unauthenticated } from "../domain/errors";
import type { SyncServer, Visitor } from "../sync";
import type { AppDeps, AppEnv } from "./context";
import { keepSession, refuseForeignOrigin, sessionToken, signedInSession } from "./middleware";

export function syncRoutes({
  ctx,
  config,
  sync,
}: AppDeps & { sync: Pick<SyncServer, "connection"> }) {
  return new Hono<AppEnv>()
    .use(refuseForeignOrigin(config.PUBLIC_URL))
    .get("/:documentId", async (c, next) => {
      const documentId = c.req.param("documentId");
      const token = sessionToken(c);
      if (!token) throw unauthenticated();
      const { validation, open } = await openDocumentWithToken(ctx.db, token, documentId);
      keepSession(c, token, validation, config.PUBLIC_URL);
      const { user, session } = signedInSession(c);
      const { access } = await open();
      const visitor: Visitor = {
        userId: user.id,
        name: user.name,
        sessionId: session.id,
        sessionExpiresAt: session.expiresAt,
      };
      const upgrade = await upgradeWebSocket(() => sync.connection(documentId, visitor, access))(
        c,
        next,
      );
      // Made through the context, so that its headers (the slid session cookie) reach the 101.
      return upgrade ? c.body(null, upgrade) : upgrade;
    });
}
