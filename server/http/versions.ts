/** Versions of every document (CONTRACT.md "Versions"). */
import { type Context, Hono } from "hono";
import {
  type NamedVersionAnswer,
  NamedVersionBody,
  type RestoreAnswer,
  type VersionView,
} from "../../shared/api/versions";
import {
  createNamedVersion,
  currentState,
  exportVersion,
  listVersions,
  restoreVersion,
  type VersionContext,
  versionState,
} from "../domain/versions";
import type { AppEnv } from "./context";
import { sendExport } from "./exports";
import { requireUser, signedIn } from "./middleware";
import { jsonBody } from "./validate";

/** A document's content for the diff view: its Yjs state, v2-encoded. */
const sendState = (c: Context, state: Uint8Array) => {
  c.header("content-type", "application/octet-stream");
  return c.body(new Uint8Array(state));
};

export function versionRoutes(ctx: VersionContext) {
  return new Hono<AppEnv>()
    .use(requireUser)
    .get("/:documentId/versions", async (c) => {
      const list = await listVersions(ctx, signedIn(c).id, c.req.param());
      return c.json(list satisfies VersionView[]);
    })
    .post("/:documentId/versions", jsonBody(NamedVersionBody), async (c) => {
      const { documentId } = c.req.param();
      const { name } = c.req.valid("json");
      const made = await createNamedVersion(ctx, signedIn(c).id, { documentId, name });
      return c.json(made satisfies NamedVersionAnswer, 201);
    })
    .get("/:documentId/state", async (c) =>
      sendState(c, await currentState(ctx, signedIn(c).id, c.req.param())),
    )
    .get("/:documentId/versions/:versionId/state", async (c) =>
      sendState(c, await versionState(ctx, signedIn(c).id, c.req.param())),
    )
    .get("/:documentId/versions/:versionId/export/:format", async (c) => {
      const { documentId, versionId, format } = c.req.param();
      const file = await exportVersion(ctx, signedIn(c).id, {
        documentId,
        versionId,
        format,
        registry: c.req.query("registry"),
      });
      return sendExport(c, file, format === "html" ? "inline" : "attachment");
    })
    .post("/:documentId/versions/:versionId/restore", async (c) => {
      const restored = await restoreVersion(ctx, signedIn(c).id, c.req.param());
      return c.json(restored satisfies RestoreAnswer);
    });
}
