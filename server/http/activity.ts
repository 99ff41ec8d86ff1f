/** GET /api/poles/:poleId/activity?circleId=: what changed, by day. */
import { Hono } from "hono";
import { type ActivityFeed, ActivityQuery } from "../../shared/api/notifications";
import { activityFeed } from "../domain/activity/feed";
import type { AppDeps, AppEnv } from "./context";
import { requireUser, signedIn } from "./middleware";
import { queryParams } from "./validate";

export function activityRoutes({ ctx }: AppDeps) {
  return new Hono<AppEnv>().get(
    "/poles/:poleId/activity",
    requireUser,
    queryParams(ActivityQuery),
    async (c) => {
      const feed = await activityFeed(ctx, signedIn(c).id, {
        poleId: c.req.param("poleId"),
        ...c.req.valid("query"),
      });
      return c.json(feed satisfies ActivityFeed);
    },
  );
}
