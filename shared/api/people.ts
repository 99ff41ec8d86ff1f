/** People of a pôle: their profile, their involvement history, the directory (qui fait quoi). */
import { z } from "zod/mini";
import { interestLevels, legalForms } from "../collective";
import { circleKinds, circleRoles, poleRoles } from "../permissions";
import { id, tags, text } from "./fields";

export const PersonBody = z.object({
  structureId: z.nullable(id),
  roleInStructure: text(200),
  competencies: tags(40),
  brings: text(2000),
  seeks: text(2000),
});
export type PersonInput = z.infer<typeof PersonBody>;

export const DirectoryQuery = z.object({
  q: z.optional(z.string().check(z.maxLength(200))),
  competency: z.optional(z.string().check(z.maxLength(80))),
  circleId: z.optional(id),
  legalForm: z.optional(z.enum(legalForms)),
});

export const PersonCircle = z.object({
  circleId: z.string(),
  name: z.string(),
  kind: z.enum(circleKinds),
  role: z.enum(circleRoles),
});
export type PersonCircle = z.infer<typeof PersonCircle>;

export const PersonSummary = z.object({
  userId: z.string(),
  name: z.string(),
  poleRole: z.enum(poleRoles),
  structure: z.nullable(
    z.object({ id: z.string(), name: z.string(), legalForm: z.enum(legalForms) }),
  ),
  roleInStructure: z.string(),
  competencies: z.array(z.string()),
  brings: z.string(),
  seeks: z.string(),
  interest: z.nullable(z.enum(interestLevels)),
  circles: z.array(PersonCircle),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

export const InvolvementEvent = z.object({
  circleId: z.string(),
  circleName: z.string(),
  circleKind: z.nullable(z.enum(circleKinds)),
  /** null: left the circle. */
  role: z.nullable(z.enum(circleRoles)),
  at: z.string(),
  actorName: z.nullable(z.string()),
});
export type InvolvementEvent = z.infer<typeof InvolvementEvent>;

export const PersonDetail = z.extend(PersonSummary, {
  email: z.nullable(z.string()),
  /** The structure they asked to join, waiting for an answer (shown to them and coordinators). */
  pendingStructure: z.nullable(z.object({ id: z.string(), name: z.string() })),
  canEdit: z.boolean(),
  history: z.array(InvolvementEvent),
});
export type PersonDetail = z.infer<typeof PersonDetail>;

export const Directory = z.object({
  people: z.array(PersonSummary),
  competencies: z.array(z.string()),
});
export type Directory = z.infer<typeof Directory>;
