/** The pôle's audit log, read page by page with filters. */
import { z } from "zod/mini";
import { id } from "./fields";

export const AuditQuery = z.object({
  actorId: z.optional(id),
  /** The first part of an action: "circle", "invitation", "profile"… */
  kind: z.optional(z.string().check(z.regex(/^[a-z_]{1,40}$/, "Type d'action inconnu."))),
  /** ISO dates (YYYY-MM-DD), inclusive. */
  from: z.optional(z.iso.date()),
  to: z.optional(z.iso.date()),
  before: z.optional(z.pipe(z.coerce.number(), z.int().check(z.positive()))),
});

export const AuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.nullable(z.object({ id: z.string(), name: z.string() })),
  action: z.string(),
  target: z.nullable(z.string()),
  targetName: z.nullable(z.string()),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({ entries: z.array(AuditEntry), next: z.nullable(z.number()) });
export type AuditPage = z.infer<typeof AuditPage>;
