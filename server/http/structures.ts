import { Hono } from "hono";
import { type Structure, StructureBody } from "../../shared/api/structures";
import { createStructure, listStructures, updateStructure } from "../domain/structures";
import type { AppDeps, AppEnv } from "./context";
import { signedIn } from "./middleware";
import { jsonBody } from "./validate";

export function structureRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>()
    .get("/poles/:poleId/structures", async (c) =>
      c.json(
        (await listStructures(db, signedIn(c).id, c.req.param("poleId"))) satisfies Structure[],
      ),
    )
    .post("/poles/:poleId/structures", jsonBody(StructureBody), async (c) => {
      const structure = await createStructure(
        db,
        signedIn(c).id,
        c.req.param("poleId"),
        c.req.valid("json"),
      );
      return c.json(structure satisfies Structure, 201);
    })
    .put("/structures/:structureId", jsonBody(StructureBody), async (c) =>
      c.json(
        (await updateStructure(
          db,
          signedIn(c).id,
          c.req.param("structureId"),
          c.req.valid("json"),
        )) satisfies Structure,
      ),
    );
}
