/** The diagnostic's routes beyond the contract: its summary and its theme ↔ circle links. */
import { Hono } from "hono";
import { LinkThemeCircleBody, type ThemeCircleLink } from "../../shared/api/diagnostic";
import { diagnosticSummary, linkThemeCircle, listThemeCircles } from "../domain/diagnostic";
import type { AppDeps, AppEnv } from "./context";
import { requireUser, signedIn } from "./middleware";
import { jsonBody } from "./validate";

export function diagnosticRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>()
    .use("/documents/*", requireUser)
    .use("/poles/*", requireUser)
    .get("/documents/:documentId/diagnostic", async (c) =>
      c.json(await diagnosticSummary(db, signedIn(c).id, c.req.param("documentId"))),
    )
    .put(
      "/documents/:documentId/themes/:themeId/circle",
      jsonBody(LinkThemeCircleBody),
      async (c) => {
        const { documentId, themeId } = c.req.param();
        const link = await linkThemeCircle(
          db,
          signedIn(c).id,
          documentId,
          themeId,
          c.req.valid("json").circleId,
        );
        return c.json(link satisfies ThemeCircleLink);
      },
    )
    .get("/poles/:poleId/theme-circles", async (c) =>
      c.json(
        (await listThemeCircles(
          db,
          signedIn(c).id,
          c.req.param("poleId"),
        )) satisfies ThemeCircleLink[],
      ),
    );
}
