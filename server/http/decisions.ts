/** Decisions, the decision log and its exports, colleges (CONTRACT.md "Governance"). */
import { Hono } from "hono";
import {
  CollegesBody,
  type CollegesView,
  DecisionLogQuery,
  type DecisionView,
  OpenDecisionBody,
  VoteBody,
} from "../../shared/api/decisions";
import { readColleges, replaceColleges } from "../domain/colleges";
import {
  castVote,
  closeDecision,
  getDecision,
  listDecisions,
  openDecision,
} from "../domain/decisions";
import { exportDecisionLog } from "../domain/decisions-export";
import type { AppDeps, AppEnv } from "./context";
import { sendExport } from "./exports";
import { requireUser, signedIn } from "./middleware";
import { jsonBody, queryParams } from "./validate";

export function decisionRoutes({ ctx }: AppDeps) {
  return new Hono<AppEnv>()
    .post("/poles/:poleId/decisions", requireUser, jsonBody(OpenDecisionBody), async (c) => {
      const poleId = c.req.param("poleId");
      const view = await openDecision(ctx, signedIn(c).id, { poleId, ...c.req.valid("json") });
      return c.json(view satisfies DecisionView, 201);
    })
    .get("/poles/:poleId/decisions", requireUser, queryParams(DecisionLogQuery), async (c) => {
      const poleId = c.req.param("poleId");
      const log = await listDecisions(ctx, signedIn(c).id, { poleId, ...c.req.valid("query") });
      return c.json(log satisfies DecisionView[]);
    })
    .get(
      "/poles/:poleId/decisions/export/:format",
      requireUser,
      queryParams(DecisionLogQuery),
      async (c) => {
        const { poleId, format } = c.req.param();
        const file = await exportDecisionLog(ctx, signedIn(c).id, {
          poleId,
          format,
          ...c.req.valid("query"),
        });
        return sendExport(c, file, format === "html" ? "inline" : "attachment");
      },
    )
    .get("/decisions/:decisionId", requireUser, async (c) =>
      c.json(await getDecision(ctx, signedIn(c).id, { decisionId: c.req.param("decisionId") })),
    )
    .post("/decisions/:decisionId/votes", requireUser, jsonBody(VoteBody), async (c) => {
      const decisionId = c.req.param("decisionId");
      return c.json(await castVote(ctx, signedIn(c).id, { decisionId, ...c.req.valid("json") }));
    })
    .post("/decisions/:decisionId/close", requireUser, async (c) =>
      c.json(await closeDecision(ctx, signedIn(c).id, { decisionId: c.req.param("decisionId") })),
    )
    .get("/poles/:poleId/colleges", requireUser, async (c) =>
      c.json(
        (await readColleges(ctx, signedIn(c).id, {
          poleId: c.req.param("poleId"),
        })) satisfies CollegesView,
      ),
    )
    .put("/poles/:poleId/colleges", requireUser, jsonBody(CollegesBody), async (c) => {
      const poleId = c.req.param("poleId");
      return c.json(await replaceColleges(ctx, signedIn(c).id, { poleId, ...c.req.valid("json") }));
    });
}
