import { Hono } from "hono";
import { CircleRoleBody } from "../../shared/api";
import { placeInCircle, removeFromCircle } from "../domain/circles";
import type { AppDeps, AppEnv } from "./context";
import { requireUser, signedIn } from "./middleware";
import { jsonBody } from "./validate";

export function circleRoutes({ db, events }: AppDeps) {
  return new Hono<AppEnv>()
    .use(requireUser)
    .put("/:circleId/members/:userId", jsonBody(CircleRoleBody), async (c) => {
      const { circleId, userId } = c.req.param();
      const seat = await placeInCircle(
        { db, events },
        signedIn(c).id,
        circleId,
        userId,
        c.req.valid("json").role,
      );
      return c.json(seat);
    })
    .delete("/:circleId/members/:userId", async (c) => {
      const { circleId, userId } = c.req.param();
      await removeFromCircle({ db, events }, signedIn(c).id, circleId, userId);
      return c.body(null, 204);
    });
}
