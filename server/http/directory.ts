import { Hono } from "hono";
import { type Directory, DirectoryQuery } from "../../shared/api/people";
import { searchDirectory } from "../domain/directory";
import type { AppDeps, AppEnv } from "./context";
import { signedIn } from "./middleware";
import { queryParams } from "./validate";

/** *Qui fait quoi*: GET /api/poles/:poleId/directory?q=&competency=&circleId=&legalForm= */
export function directoryRoutes({ ctx }: AppDeps) {
  return new Hono<AppEnv>().get(
    "/poles/:poleId/directory",
    queryParams(DirectoryQuery),
    async (c) =>
      c.json(
        (await searchDirectory(ctx, signedIn(c).id, {
          poleId: c.req.param("poleId"),
          filters: c.req.valid("query"),
        })) satisfies Directory,
      ),
  );
}
