/** Documents: the list a person may open, one document's metadata, creating a page. */
import { z } from "zod/mini";
import { documentAccesses, documentKinds } from "../documents";
import { id, name } from "./fields";

export const CreatePageBody = z.object({ kind: z.literal("page"), title: name, circleId: id });

/** A document named, without the reader's right over it (a page just created). */
export const DocumentRef = z.object({
  id: z.string(),
  kind: z.enum(documentKinds),
  title: z.string(),
  circleId: z.nullable(z.string()),
});
export type DocumentRef = z.infer<typeof DocumentRef>;

export const DocumentSummary = z.extend(DocumentRef, { access: z.enum(documentAccesses) });
export type DocumentSummary = z.infer<typeof DocumentSummary>;
export const DocumentSummaries = z.array(DocumentSummary);

export const DocumentMeta = z.extend(DocumentSummary, {
  poleId: z.string(),
  /** In the pôle's archives: read-only for everyone until a coordinator restores it. */
  archived: z.boolean(),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;
