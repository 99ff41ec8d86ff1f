/** GET /api/documents/:documentId/export/:format (CONTRACT.md). */
import { type Context, Hono } from "hono";
import { type ExportedFile, exportDocument } from "../domain/exports";
import type { AppDeps, AppEnv } from "./context";
import { requireUser, signedIn } from "./middleware";

/** RFC 6266: an ASCII fallback and the UTF-8 name. */
const disposition = (kind: "inline" | "attachment", fileName: string) =>
  `${kind}; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** The printable page opens in the browser (to print to PDF); the other formats download. */
export function sendExport(c: Context, file: ExportedFile, kind: "inline" | "attachment") {
  c.header("content-type", file.contentType);
  c.header("content-disposition", disposition(kind, file.fileName));
  c.header("cache-control", "no-store");
  return c.body(typeof file.body === "string" ? file.body : new Uint8Array(file.body));
}

export function exportRoutes({ ctx }: AppDeps) {
  return new Hono<AppEnv>().use(requireUser).get("/:documentId/export/:format", async (c) => {
    const { documentId, format } = c.req.param();
    const file = await exportDocument(ctx, signedIn(c).id, {
      documentId,
      format,
      registry: c.req.query("registry"),
    });
    return sendExport(c, file, format === "html" ? "inline" : "attachment");
  });
}
