/** The diagnostic's routes beyond the contract: its summary and its theme ↔ circle links. */
import { Hono } from "hono";
import { LinkThemeCircleBody, type ThemeCircleLink } from "../../shared/api/diagnostic";
import { diagnosticSummary, linkThemeCircle, listThemeCircles } from "../domain/diagnostic";
import type { AppDeps, AppEnv } from "./context";
import { requireUser, signedIn } from "./middleware";
import { jsonBody } from "./validate";

export function diagnosticRoutes({ ctx }: AppDeps) {
  return new Hono<AppEnv>()
    .use("/documents/*", requireUser)
    .use("/poles/*", requireUser)
    .get("/documents/:documentId/diagnostic", async (c) =>
      c.json(
        await diagnosticSummary(ctx, signedIn(c).id, { documentId: c.req.param("documentId") }),
      ),
    )
    .put(
      "/documents/:documentId/themes/:themeId/circle",
      jsonBody(LinkThemeCircleBody),
      async (c) => {
        const { documentId, themeId } = c.req.param();
        const link = await linkThemeCircle(ctx, signedIn(c).id, {
          documentId,
          themeId,
          circleId: c.req.valid("json").circleId,
        });
        return c.json(link satisfies ThemeCircleLink);
      },
    )
    .get("/poles/:poleId/theme-circles", async (c) =>
      c.json(
        (await listThemeCircles(ctx, signedIn(c).id, {
          poleId: c.req.param("poleId"),
        })) satisfies ThemeCircleLink[],
      ),
    );
}
