/**
 * Versions over HTTP (CONTRACT.md "Versions"): request bodies and answers, defined once;
 * the server checks its answers against these types, the client parses with them.
 */
import { z } from "zod/mini";
import { versionKinds } from "../versions";
import { line } from "./fields";

export const VersionView = z.object({
  id: z.string(),
  number: z.number(),
  name: z.nullable(z.string()),
  kind: z.enum(versionKinds),
  createdAt: z.string(),
  authorId: z.nullable(z.string()),
  /** Beyond the contract: the author's name, for the history page. */
  authorName: z.nullable(z.string()),
  decisionId: z.nullable(z.string()),
});
export type VersionView = z.infer<typeof VersionView>;

export const VersionList = z.array(VersionView);

export const NamedVersionBody = z.object({
  name: line(200, "Donnez un nom à la version."),
});
export type NamedVersionBody = z.infer<typeof NamedVersionBody>;

export const NamedVersionAnswer = z.object({
  id: z.string(),
  number: z.number(),
  name: z.string(),
  kind: z.literal("named"),
});
export type NamedVersionAnswer = z.infer<typeof NamedVersionAnswer>;

export const RestoreAnswer = z.object({
  /** The version the document now equals. */
  restored: z.object({ id: z.string(), number: z.number() }),
  /** The version stored just before, holding the text as it was. */
  preRestore: z.object({ id: z.string(), number: z.number() }),
});
export type RestoreAnswer = z.infer<typeof RestoreAnswer>;
