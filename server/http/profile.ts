import { Hono } from "hono";
import { type PoleProfile, PoleProfileBody } from "../../shared/api/poles";
import { getPoleProfile, updatePoleProfile } from "../domain/profile";
import type { AppDeps, AppEnv } from "./context";
import { signedIn } from "./middleware";
import { jsonBody } from "./validate";

/** /api/poles/:poleId/profile: read by every member, written by coordinators. */
export function profileRoutes({ ctx }: AppDeps) {
  return new Hono<AppEnv>()
    .get("/poles/:poleId/profile", async (c) =>
      c.json(
        (await getPoleProfile(ctx, signedIn(c).id, {
          poleId: c.req.param("poleId"),
        })) satisfies PoleProfile,
      ),
    )
    .put("/poles/:poleId/profile", jsonBody(PoleProfileBody), async (c) =>
      c.json(
        (await updatePoleProfile(ctx, signedIn(c).id, {
          poleId: c.req.param("poleId"),
          profile: c.req.valid("json"),
        })) satisfies PoleProfile,
      ),
    );
}
