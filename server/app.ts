/** The Hono app: middleware, route mounting, static client, the sync upgrade, one error handler. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { except } from "hono/combine";
import { secureHeaders } from "hono/secure-headers";
import { activityRoutes } from "./http/activity";
import { amendmentRoutes } from "./http/amendments";
import { auditRoutes } from "./http/audit";
import { authRoutes } from "./http/auth";
import { boardRoutes } from "./http/boards";
import { circleRoutes } from "./http/circles";
import { commentRoutes } from "./http/comments";
import type { AppDeps, AppEnv } from "./http/context";
import { decisionRoutes } from "./http/decisions";
import { diagnosticRoutes } from "./http/diagnostic";
import { directoryRoutes } from "./http/directory";
import { documentRoutes } from "./http/documents";
import { handleError, sendError } from "./http/errors";
import { exportRoutes } from "./http/exports";
import { invitationRoutes } from "./http/invitations";
import { maturityRoutes } from "./http/maturity";
import { calendarFeedRoutes, meetingCalendarRoutes } from "./http/meeting-calendar";
import { meetingRunRoutes } from "./http/meeting-run";
import { meetingRoutes } from "./http/meetings";
import { loadSession, requireKnownHost, requireSameOrigin, requireUser } from "./http/middleware";
import { notificationRoutes } from "./http/notifications";
import { onboardingRoutes } from "./http/onboarding";
import { passwordRoutes } from "./http/passwords";
import { peopleRoutes } from "./http/people";
import { poleEventRoutes } from "./http/pole-events";
import { poleRoutes } from "./http/poles";
import { profileRoutes } from "./http/profile";
import { searchRoutes } from "./http/search";
import { structureRoutes } from "./http/structures";
import { syncRoutes } from "./http/sync";
import { unsubscribeRoutes } from "./http/unsubscribe";
import { versionRoutes } from "./http/versions";
import type { SyncServer } from "./sync";

const MAX_BODY_BYTES = 1024 * 1024;

/** The service worker and its imports: revalidated on each load, so a new client is seen. */
const serviceWorkerFile = /^\/(sw\.js|workbox-[\w-]+\.js)$/;

export function createApp(deps: AppDeps & { sync: Pick<SyncServer, "connection"> }) {
  const { ctx, config, logger } = deps;
  const onMailError = (err: unknown) => logger.warn({ err }, "meeting e-mail not sent");
  const app = new Hono<AppEnv>();

  const publicUrl = new URL(config.PUBLIC_URL);
  const https = publicUrl.protocol === "https:";
  app.onError(handleError(logger));
  app.use(
    secureHeaders({
      // Over plain HTTP the header is ignored, and would pin a later https name wrongly.
      strictTransportSecurity: https ? "max-age=31536000; includeSubDomains" : false,
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Tiptap and the collaboration carets colour elements with inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        // The sync socket is the only connection the pages open: to this server alone.
        connectSrc: ["'self'", `${https ? "wss" : "ws"}://${publicUrl.host}`],
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
  // The sync upgrade reads its session with its document, in one statement (http/sync.ts).
  const isSyncUpgrade = (c: Context) => c.req.path.startsWith("/sync/");
  app.use(except(isSyncUpgrade, loadSession(ctx.db, config.PUBLIC_URL)));

  const api = new Hono<AppEnv>()
    .use(requireKnownHost(config.PUBLIC_URL))
    .use(requireSameOrigin(config.PUBLIC_URL))
    .use(async (c, next) => {
      await next();
      // Answers are per person and change at every edit: never kept by a cache.
      c.header("Cache-Control", "no-store");
    })
    .use(
      bodyLimit({
        maxSize: MAX_BODY_BYTES,
        onError: (c) => sendError(c, "too_large", "Requête trop volumineuse (1 Mo au plus)."),
      }),
    )
    .get("/health", (c) => c.json({ ok: true }))
    .route("/", authRoutes(deps))
    .route("/", passwordRoutes(deps))
    .route("/poles", poleRoutes(deps))
    .route("/circles", circleRoutes(deps))
    .route("/invitations", invitationRoutes(deps))
    .route("/documents", documentRoutes(deps))
    .route("/documents", exportRoutes(deps))
    .route("/documents", versionRoutes(ctx))
    .route("/", diagnosticRoutes(deps))
    // Sessions are required only under these prefixes, so the rest of /api (health, set-up,
    // invitation previews) is untouched.
    .use("/poles/*", requireUser)
    .use("/structures/*", requireUser)
    .use("/suggestions/*", requireUser)
    .use("/maturity/*", requireUser)
    .route("/", profileRoutes(deps))
    .route("/", structureRoutes(deps))
    .route("/", peopleRoutes(deps))
    .route("/", directoryRoutes(deps))
    .route("/", auditRoutes(deps))
    .route("/", onboardingRoutes(deps))
    .route("/", boardRoutes(deps))
    .route("/", decisionRoutes(deps))
    .route("/", amendmentRoutes(ctx))
    .route("/", meetingRoutes(ctx, onMailError))
    .route("/", meetingCalendarRoutes(ctx, onMailError))
    .route("/", meetingRunRoutes(ctx))
    .route("/", commentRoutes(ctx, deps.limits))
    .route("/", poleEventRoutes(deps))
    .route("/", maturityRoutes(deps))
    .route("/", searchRoutes(deps))
    .route("/", notificationRoutes(deps))
    .route("/", activityRoutes(deps))
    .all("*", (c) => sendError(c, "not_found", "Route inconnue."));
  app.route(
    "/api",
    new Hono<AppEnv>().use(requireKnownHost(config.PUBLIC_URL)).route("/", unsubscribeRoutes(deps)),
  );
  app.route("/api", api);

  app.route("/sync", syncRoutes(deps));
  app.route("/calendar", calendarFeedRoutes(ctx, config.PUBLIC_URL));

  const clientRoot = config.CLIENT_DIST;
  // Without a built client (API-only runs: tests, benchmarks) there is nothing to serve.
  // Source maps stay out of reach even if a build left some behind.
  app.get("/assets/*", async (c, next) =>
    c.req.path.endsWith(".map") ? sendError(c, "not_found", "Fichier introuvable.") : next(),
  );
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
  // A missing asset is a 404, not the application's page (which would be parsed as code).
  app.get("/assets/*", (c) => sendError(c, "not_found", "Fichier introuvable."));
  // Client-side routes (/d/:id, /login…) all load the single-page app; a missing worker
  // script must not (the browser would try to run the page as one).
  app.get("*", (c) => {
    if (serviceWorkerFile.test(c.req.path)) {
      return sendError(c, "not_found", "Fichier introuvable.");
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
