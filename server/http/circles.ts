import { Hono } from "hono";
import { RenameCircleBody } from "../../shared/api/archives";
import {
  CircleDetailsBody,
  type CirclePage,
  CircleRoleBody,
  MoveBody,
  type Seat,
} from "../../shared/api/circles";
import {
  archiveCircle,
  deleteCircle,
  renameCircle,
  restoreCircle,
} from "../domain/circle-lifecycle";
import {
  moveBetweenCircles,
  placeInCircle,
  removeFromCircle,
  updateCircleDetails,
} from "../domain/circles";
import { circlePage } from "../domain/directory";
import type { AppDeps, AppEnv } from "./context";
import { requireUser, signedIn } from "./middleware";
import { jsonBody } from "./validate";

export function circleRoutes({ ctx }: AppDeps) {
  return (
    new Hono<AppEnv>()
      .use(requireUser)
      .put("/:circleId/members/:userId", jsonBody(CircleRoleBody), async (c) => {
        const { circleId, userId } = c.req.param();
        const seat = await placeInCircle(ctx, signedIn(c).id, {
          circleId,
          userId,
          role: c.req.valid("json").role,
        });
        return c.json(seat satisfies Seat);
      })
      .delete("/:circleId/members/:userId", async (c) => {
        const { circleId, userId } = c.req.param();
        await removeFromCircle(ctx, signedIn(c).id, { circleId, userId });
        return c.body(null, 204);
      })
      // Beyond the contract: the circle's page, its details, and moves between circles.
      .get("/:circleId", async (c) =>
        c.json(
          (await circlePage(ctx, signedIn(c).id, {
            circleId: c.req.param("circleId"),
          })) satisfies CirclePage,
        ),
      )
      .put("/:circleId/details", jsonBody(CircleDetailsBody), async (c) => {
        const circleId = c.req.param("circleId");
        await updateCircleDetails(ctx, signedIn(c).id, { circleId, ...c.req.valid("json") });
        return c.json((await circlePage(ctx, signedIn(c).id, { circleId })) satisfies CirclePage);
      })
      // A group's life: renamed, archived and restored, deleted (its documents archived).
      .patch("/:circleId", jsonBody(RenameCircleBody), async (c) =>
        c.json(
          await renameCircle(ctx, signedIn(c).id, {
            circleId: c.req.param("circleId"),
            name: c.req.valid("json").name,
          }),
        ),
      )
      .post("/:circleId/archive", async (c) => {
        await archiveCircle(ctx, signedIn(c).id, { circleId: c.req.param("circleId") });
        return c.body(null, 204);
      })
      .post("/:circleId/restore", async (c) => {
        await restoreCircle(ctx, signedIn(c).id, { circleId: c.req.param("circleId") });
        return c.body(null, 204);
      })
      .delete("/:circleId", async (c) => {
        await deleteCircle(ctx, signedIn(c).id, { circleId: c.req.param("circleId") });
        return c.body(null, 204);
      })
      .post("/:circleId/members/:userId/move", jsonBody(MoveBody), async (c) => {
        const { circleId, userId } = c.req.param();
        const { toCircleId, role } = c.req.valid("json");
        return c.json(
          (await moveBetweenCircles(ctx, signedIn(c).id, {
            fromCircleId: circleId,
            toCircleId,
            userId,
            role,
          })) satisfies Seat,
        );
      })
  );
}
