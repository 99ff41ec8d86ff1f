import { Hono } from "hono";
import { SearchQuery, type SearchResults } from "../../shared/api/search";
import { searchPole } from "../domain/search";
import type { AppDeps, AppEnv } from "./context";
import { signedIn } from "./middleware";
import { queryParams } from "./validate";

/** GET /api/poles/:poleId/search?q=&kind=&circleId=&documentId= */
export function searchRoutes({ ctx }: AppDeps) {
  return new Hono<AppEnv>().get("/poles/:poleId/search", queryParams(SearchQuery), async (c) =>
    c.json(
      (await searchPole(ctx, signedIn(c).id, {
        poleId: c.req.param("poleId"),
        filters: c.req.valid("query"),
      })) satisfies SearchResults,
    ),
  );
}
