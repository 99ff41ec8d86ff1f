import { Hono } from "hono";
import { PersonBody, type PersonDetail } from "../../shared/api/people";
import { PoleRoleBody, type PoleRoleChange } from "../../shared/api/poles";
import { removeFromPole } from "../domain/departures";
import { changePoleRole, getPerson, updatePerson } from "../domain/people";
import type { AppDeps, AppEnv } from "./context";
import { signedIn } from "./middleware";
import { jsonBody } from "./validate";

/** A person's profile in a pôle, with their dated involvement history across circles. */
export function peopleRoutes({ ctx }: AppDeps) {
  return new Hono<AppEnv>()
    .get("/poles/:poleId/people/:userId", async (c) => {
      const { poleId, userId } = c.req.param();
      return c.json(
        (await getPerson(ctx, signedIn(c).id, { poleId, userId })) satisfies PersonDetail,
      );
    })
    .put("/poles/:poleId/people/:userId", jsonBody(PersonBody), async (c) => {
      const { poleId, userId } = c.req.param();
      const person = await updatePerson(ctx, signedIn(c).id, {
        poleId,
        userId,
        person: c.req.valid("json"),
      });
      return c.json(person satisfies PersonDetail);
    })
    .delete("/poles/:poleId/people/:userId", async (c) => {
      const { poleId, userId } = c.req.param();
      await removeFromPole(ctx, signedIn(c).id, { poleId, userId });
      return c.body(null, 204);
    })
    .put("/poles/:poleId/people/:userId/role", jsonBody(PoleRoleBody), async (c) => {
      const { poleId, userId } = c.req.param();
      const { role } = c.req.valid("json");
      const person = await changePoleRole(ctx, signedIn(c).id, { poleId, userId, role });
      return c.json(person satisfies PoleRoleChange);
    });
}
