import { Hono } from "hono";
import { type AuditPage, AuditQuery } from "../../shared/api/audit";
import { listAudit } from "../domain/audit";
import type { AppDeps, AppEnv } from "./context";
import { signedIn } from "./middleware";
import { queryParams } from "./validate";

/** GET /api/poles/:poleId/audit?actorId=&kind=&from=&to=&before= (coordinators). */
export function auditRoutes({ ctx }: AppDeps) {
  return new Hono<AppEnv>().get("/poles/:poleId/audit", queryParams(AuditQuery), async (c) =>
    c.json(
      (await listAudit(ctx, signedIn(c).id, {
        poleId: c.req.param("poleId"),
        filters: c.req.valid("query"),
      })) satisfies AuditPage,
    ),
  );
}
