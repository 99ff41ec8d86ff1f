import { Hono } from "hono";
import { auditRoutes } from "./audit";
import type { AppDeps, AppEnv } from "./context";
import { directoryRoutes } from "./directory";
import { requireUser } from "./middleware";
import { onboardingRoutes } from "./onboarding";
import { peopleRoutes } from "./people";
import { profileRoutes } from "./profile";
import { structureRoutes } from "./structures";

/**
 * The collective's routes, mounted at /api. Sessions are required only under their own
 * prefixes, so the rest of /api (health, set-up, invitation previews) is untouched.
 */
export function collectiveRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use("/poles/*", requireUser)
    .use("/structures/*", requireUser)
    .use("/suggestions/*", requireUser)
    .route("/", profileRoutes(deps))
    .route("/", structureRoutes(deps))
    .route("/", peopleRoutes(deps))
    .route("/", directoryRoutes(deps))
    .route("/", auditRoutes(deps))
    .route("/", onboardingRoutes(deps));
}
