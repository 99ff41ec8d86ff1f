import { Hono } from "hono";
import type { DocumentMeta } from "../../shared/api/documents";
import { restoreDocument } from "../domain/circle-lifecycle";
import { openDocument } from "../domain/documents";
import type { AppDeps, AppEnv } from "./context";
import { requireUser, signedIn } from "./middleware";

export function documentRoutes({ ctx }: AppDeps) {
  return new Hono<AppEnv>()
    .use(requireUser)
    .get("/:documentId", async (c) =>
      c.json(
        (await openDocument(ctx, signedIn(c).id, {
          documentId: c.req.param("documentId"),
        })) satisfies DocumentMeta,
      ),
    )
    .post("/:documentId/restore", async (c) => {
      await restoreDocument(ctx, signedIn(c).id, { documentId: c.req.param("documentId") });
      return c.body(null, 204);
    });
}
