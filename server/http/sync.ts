/**
 * The `/sync/:documentId` upgrade. Refusals are plain HTTP answers sent before any
 * WebSocket exists (401, 403, 404 through the app's error handler); the open socket is
 * the sync layer's.
 */
import { upgradeWebSocket } from "@hono/node-server";
import { Hono } from "hono";
import { openDocument } from "../domain/documents";
import type { SyncServer } from "../sync";
import type { AppDeps, AppEnv } from "./context";
import { requireUser, signedIn } from "./middleware";

export function syncRoutes({ db, sync }: AppDeps & { sync: Pick<SyncServer, "connection"> }) {
  return new Hono<AppEnv>().use(requireUser).get("/:documentId", async (c, next) => {
    const user = signedIn(c);
    const documentId = c.req.param("documentId");
    const { access } = await openDocument(db, user.id, documentId);
    return upgradeWebSocket(() => sync.connection(documentId, user.id, access))(c, next);
  });
}
