import { Hono } from "hono";
import { type Structure, StructureBody } from "../../shared/api/structures";
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
    );
}
