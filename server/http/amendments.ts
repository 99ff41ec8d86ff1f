/** The charter and its amendments (CONTRACT.md "Governance"). */
import { Hono } from "hono";
import {
  type AmendmentView,
  type CharterView,
  ProposeAmendmentBody,
} from "../../shared/api/amendments";
import {
  amendmentOfDocument,
  type GovernanceContext,
  getAmendment,
  getCharter,
  proposeAmendment,
  withdrawAmendment,
} from "../domain/amendments";
import type { AppEnv } from "./context";
import { requireUser, signedIn } from "./middleware";
import { jsonBody } from "./validate";

export function amendmentRoutes(ctx: GovernanceContext) {
  return new Hono<AppEnv>()
    .get("/documents/:charterId/charter", requireUser, async (c) => {
      const charter = await getCharter(ctx, signedIn(c).id, c.req.param());
      return c.json(charter satisfies CharterView);
    })
    .post(
      "/documents/:charterId/amendments",
      requireUser,
      jsonBody(ProposeAmendmentBody),
      async (c) => {
        const { charterId } = c.req.param();
        const proposed = await proposeAmendment(ctx, signedIn(c).id, {
          charterId,
          ...c.req.valid("json"),
        });
        return c.json(proposed satisfies AmendmentView, 201);
      },
    )
    .get("/documents/:documentId/amendment", requireUser, async (c) => {
      const amendment = await amendmentOfDocument(ctx, signedIn(c).id, c.req.param());
      return c.json(amendment satisfies AmendmentView);
    })
    .get("/amendments/:amendmentId", requireUser, async (c) => {
      const amendment = await getAmendment(ctx, signedIn(c).id, c.req.param());
      return c.json(amendment satisfies AmendmentView);
    })
    .post("/amendments/:amendmentId/withdraw", requireUser, async (c) => {
      const amendment = await withdrawAmendment(ctx, signedIn(c).id, c.req.param());
      return c.json(amendment satisfies AmendmentView);
    });
}
