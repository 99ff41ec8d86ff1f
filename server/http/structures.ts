import { Hono } from "hono";
import type { StructureRequest } from "../../shared/api/structure-requests";
import { type Structure, StructureBody } from "../../shared/api/structures";
import {
  acceptStructureRequest,
  dropStructureRequest,
  listStructureRequests,
} from "../domain/structure-membership";
import { createStructure, listStructures, updateStructure } from "../domain/structures";
import type { AppDeps, AppEnv } from "./context";
import { signedIn } from "./middleware";
import { jsonBody } from "./validate";

export function structureRoutes({ ctx }: AppDeps) {
  return new Hono<AppEnv>()
    .get("/poles/:poleId/structures", async (c) =>
      c.json(
        (await listStructures(ctx, signedIn(c).id, {
          poleId: c.req.param("poleId"),
        })) satisfies Structure[],
      ),
    )
    .post("/poles/:poleId/structures", jsonBody(StructureBody), async (c) => {
      const structure = await createStructure(ctx, signedIn(c).id, {
        poleId: c.req.param("poleId"),
        structure: c.req.valid("json"),
      });
      return c.json(structure satisfies Structure, 201);
    })
    .put("/structures/:structureId", jsonBody(StructureBody), async (c) =>
      c.json(
        (await updateStructure(ctx, signedIn(c).id, {
          structureId: c.req.param("structureId"),
          structure: c.req.valid("json"),
        })) satisfies Structure,
      ),
    )
    .get("/poles/:poleId/structure-requests", async (c) =>
      c.json(
        (await listStructureRequests(ctx, signedIn(c).id, {
          poleId: c.req.param("poleId"),
        })) satisfies StructureRequest[],
      ),
    )
    .post("/structures/:structureId/requests/:userId/accept", async (c) => {
      const { structureId, userId } = c.req.param();
      return c.json(await acceptStructureRequest(ctx, signedIn(c).id, { structureId, userId }));
    })
    .delete("/structures/:structureId/requests/:userId", async (c) => {
      const { structureId, userId } = c.req.param();
      await dropStructureRequest(ctx, signedIn(c).id, { structureId, userId });
      return c.body(null, 204);
    });
}
