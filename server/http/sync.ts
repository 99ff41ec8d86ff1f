/**
 * The `/sync/:documentId` upgrade. Refusals are plain HTTP answers sent before any
 * WebSocket exists (403 for a foreign Origin, then 401, 403, 404 through the app's error
 * handler); the open socket is the sync layer's.
 */
import { upgradeWebSocket } from "@hono/node-server";
import { Hono } from "hono";
import { openDocument } from "../domain/documents";
import type { SyncServer, Visitor } from "../sync";
import type { AppDeps, AppEnv } from "./context";
import { refuseForeignOrigin, requireUser, signedInSession } from "./middleware";

export function syncRoutes({
  ctx,
  config,
  sync,
}: AppDeps & { sync: Pick<SyncServer, "connection"> }) {
  return new Hono<AppEnv>()
    .use(refuseForeignOrigin(config.PUBLIC_URL))
    .use(requireUser)
    .get("/:documentId", async (c, next) => {
      const { user, session } = signedInSession(c);
      const documentId = c.req.param("documentId");
      const { access } = await openDocument(ctx, user.id, { documentId });
      const visitor: Visitor = {
        userId: user.id,
        name: user.name,
        sessionId: session.id,
        sessionExpiresAt: session.expiresAt,
      };
      return upgradeWebSocket(() => sync.connection(documentId, visitor, access))(c, next);
    });
}
