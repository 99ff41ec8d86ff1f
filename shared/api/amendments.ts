/**
 * The charter and its amendments over HTTP (CONTRACT.md "Governance"): bodies and answers,
 * defined once for the server and the client.
 */
import { z } from "zod/mini";
import { amendmentStates } from "../amendments";
import { line } from "./fields";

export const ProposeAmendmentBody = z.object({
  title: line(300, "Le titre est requis."),
  rationale: z.optional(
    z
      .string({ error: "Texte attendu." })
      .check(z.trim(), z.maxLength(20_000, "20 000 caractères au plus.")),
  ),
});
export type ProposeAmendmentBody = z.infer<typeof ProposeAmendmentBody>;

export const AmendmentView = z.object({
  id: z.string(),
  title: z.string(),
  state: z.enum(amendmentStates),
  documentId: z.string(),
  baseVersionId: z.string(),
  decisionId: z.nullable(z.string()),
  /** Beyond the contract, for its page: the charter, the rationale, the author. */
  charterId: z.string(),
  rationale: z.string(),
  authorId: z.nullable(z.string()),
  authorName: z.nullable(z.string()),
  createdAt: z.string(),
});
export type AmendmentView = z.infer<typeof AmendmentView>;

export const CharterView = z.object({
  adoptedVersion: z.nullable(
    z.object({
      id: z.string(),
      number: z.number(),
      adoptedAt: z.string(),
      decisionId: z.nullable(z.string()),
    }),
  ),
  /** Each with, beyond the contract, its document. */
  amendments: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      state: z.enum(amendmentStates),
      documentId: z.string(),
    }),
  ),
  /** Beyond the contract: whether the working text differs from the adopted version. */
  workingTextDiffers: z.boolean(),
});
export type CharterView = z.infer<typeof CharterView>;
