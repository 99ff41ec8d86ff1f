/** The Hono app: middleware, route mounting, static client, the sync upgrade, one error handler. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { upgradeWebSocket } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { openDocument } from "./domain/documents";
import { DomainError } from "./domain/errors";
import { authRoutes } from "./http/auth";
import { boardRoutes } from "./http/boards";
import { circleRoutes } from "./http/circles";
import { collectiveRoutes } from "./http/collective";
import type { AppDeps, AppEnv } from "./http/context";
import { diagnosticRoutes } from "./http/diagnostic";
import { documentRoutes } from "./http/documents";
import { errorBody, handleError, sendError } from "./http/errors";
import { exportRoutes } from "./http/exports";
import { invitationRoutes } from "./http/invitations";
import { maturityRoutes } from "./http/maturity";
import { loadSession, requireSameOrigin } from "./http/middleware";
import { poleRoutes } from "./http/poles";
import type { SyncServer } from "./sync";

const MAX_BODY_BYTES = 1024 * 1024;

/** The service worker and its imports: revalidated on each load, so a new client is seen. */
const serviceWorkerFile = /^\/(sw\.js|workbox-[\w-]+\.js)$/;

export function createApp(deps: AppDeps & { sync: Pick<SyncServer, "connection"> }) {
  const { db, config, logger, sync } = deps;
  const app = new Hono<AppEnv>();

  app.onError(handleError(logger));
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Tiptap and the collaboration carets colour elements with inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'", "ws:", "wss:"],
        // The service worker that opens the app offline (/sw.js, client/offline/sw.ts).
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(loadSession(db, config.PUBLIC_URL));

  const api = new Hono<AppEnv>()
    .use(requireSameOrigin(config.PUBLIC_URL))
    .use(
      bodyLimit({
        maxSize: MAX_BODY_BYTES,
        onError: (c) => sendError(c, "too_large", "Requête trop volumineuse (1 Mo au plus)."),
      }),
    )
    .get("/health", (c) => c.json({ ok: true }))
    .route("/", authRoutes(deps))
    .route("/poles", poleRoutes(deps))
    .route("/circles", circleRoutes(deps))
    .route("/invitations", invitationRoutes(deps))
    .route("/documents", documentRoutes(deps))
    .route("/documents", exportRoutes(deps))
    .route("/", diagnosticRoutes(deps))
    .route("/", collectiveRoutes(deps))
    .route("/", boardRoutes(deps))
    .route("/", maturityRoutes(deps))
    .all("*", (c) => sendError(c, "not_found", "Route inconnue."));
  app.route("/api", api);

  // The upgrade is answered with a plain HTTP status before any WebSocket exists.
  app.get("/sync/:documentId", async (c, next) => {
    const user = c.get("user");
    if (!user) return c.json(errorBody("unauthenticated", "Connectez-vous."), 401);
    const documentId = c.req.param("documentId");
    try {
      const { access } = await openDocument(db, user.id, documentId);
      return upgradeWebSocket(() => sync.connection(documentId, user.id, access))(c, next);
    } catch (error) {
      if (error instanceof DomainError)
        return c.json(errorBody(error.code, error.message), error.status);
      throw error;
    }
  });

  const clientRoot = config.CLIENT_DIST;
  // Without a built client (API-only runs: tests, benchmarks) there is nothing to serve.
  if (existsSync(clientRoot)) {
    app.use(
      "/*",
      serveStatic({
        root: clientRoot,
        onFound: (_file, c) => {
          if (serviceWorkerFile.test(c.req.path)) c.header("Cache-Control", "no-cache");
        },
      }),
    );
  }
  // Client-side routes (/d/:id, /login…) all load the single-page app; a missing worker
  // script must not (the browser would try to run the page as one).
  app.get("*", (c) => {
    if (serviceWorkerFile.test(c.req.path)) {
      return c.json(errorBody("not_found", "Fichier introuvable."), 404);
    }
    try {
      return c.html(readFileSync(join(clientRoot, "index.html"), "utf8"));
    } catch {
      return c.text(
        "Le client n'est pas construit : lancez « npm start » ou « npm run build ».",
        503,
      );
    }
  });
  return app;
}
