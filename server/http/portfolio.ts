/** The pôle-wide portfolio: its JSON (CONTRACT.md), milestones, needs answered, CSV, report. */
import { Hono } from "hono";
import type { NeedWithProjects, Portfolio, UpcomingMilestone } from "../../shared/api/boards";
import { portfolioCsv, portfolioReport } from "../domain/boards-export";
import {
  loadPortfolio,
  loadPortfolioDetail,
  needsWithProjects,
  upcomingMilestones,
} from "../domain/boards-portfolio";
import type { AppDeps, AppEnv } from "./context";
import { requireUser, signedIn } from "./middleware";

/** Today in UTC, the calendar the milestones' YYYY-MM-DD dates are compared in. */
const today = () => new Date().toISOString().slice(0, 10);

export function portfolioRoutes({ ctx }: AppDeps) {
  return new Hono<AppEnv>()
    .get("/:poleId/portfolio", requireUser, async (c) =>
      c.json(
        (await loadPortfolio(ctx, signedIn(c).id, {
          poleId: c.req.param("poleId"),
        })) satisfies Portfolio,
      ),
    )
    .get("/:poleId/portfolio/milestones", requireUser, async (c) =>
      c.json(
        (await upcomingMilestones(ctx, signedIn(c).id, {
          poleId: c.req.param("poleId"),
          today: today(),
        })) satisfies UpcomingMilestone[],
      ),
    )
    .get("/:poleId/portfolio/needs", requireUser, async (c) =>
      c.json(
        (await needsWithProjects(ctx, signedIn(c).id, {
          poleId: c.req.param("poleId"),
        })) satisfies NeedWithProjects[],
      ),
    )
    .get("/:poleId/portfolio/export/csv", requireUser, async (c) => {
      const date = today();
      const detail = await loadPortfolioDetail(ctx, signedIn(c).id, {
        poleId: c.req.param("poleId"),
        today: date,
      });
      c.header("content-type", "text/csv; charset=utf-8");
      c.header("content-disposition", `attachment; filename="portefeuille-projets-${date}.csv"`);
      return c.body(portfolioCsv(detail));
    })
    .get("/:poleId/portfolio/report", requireUser, async (c) => {
      const date = today();
      const detail = await loadPortfolioDetail(ctx, signedIn(c).id, {
        poleId: c.req.param("poleId"),
        today: date,
      });
      return c.html(portfolioReport(detail, date));
    });
}
