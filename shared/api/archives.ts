/** Groups renamed, archived, deleted; the pôle's archives, where nothing is lost. */
import { z } from "zod/mini";
import { documentKinds } from "../documents";
import { circleKinds } from "../permissions";
import { name } from "./fields";

export const RenameCircleBody = z.object({ name });

export const ArchivedCircle = z.object({
  id: z.string(),
  kind: z.enum(circleKinds),
  name: z.string(),
  archivedAt: z.string(),
});

export const ArchivedDocument = z.object({
  id: z.string(),
  kind: z.enum(documentKinds),
  title: z.string(),
  circleId: z.nullable(z.string()),
  /** The circle it was archived with, even once that circle is deleted. */
  circleName: z.nullable(z.string()),
  circleDeleted: z.boolean(),
  archivedAt: z.string(),
});

export const Archives = z.object({
  circles: z.array(ArchivedCircle),
  documents: z.array(ArchivedDocument),
});
export type Archives = z.infer<typeof Archives>;
