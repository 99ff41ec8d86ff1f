/** Pôles: founding one, the pôles of a person, the members, the profile. */
import { z } from "zod/mini";
import { actionLogics, formalisationLevels, maturities, poleKinds } from "../collective";
import { poleRoles } from "../permissions";
import { name, tags, text, when } from "./fields";

export const CreatePoleBody = z.object({ name });

export const Pole = z.object({ id: z.string(), slug: z.string(), name: z.string() });
export type Pole = z.infer<typeof Pole>;

/** A pôle as one of its members sees it in their list. */
export const PoleSummary = z.extend(Pole, { role: z.enum(poleRoles) });
export type PoleSummary = z.infer<typeof PoleSummary>;

/** `email` only in a coordinator's answer: addresses stay between a person and the coordination. */
export const PoleMember = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.optional(z.string()),
  role: z.enum(poleRoles),
});
export type PoleMember = z.infer<typeof PoleMember>;
export const PoleMembers = z.array(PoleMember);

export const PoleRoleBody = z.object({ role: z.enum(poleRoles) });

export const PoleRoleChange = z.extend(PoleRoleBody, { userId: z.string() });
export type PoleRoleChange = z.infer<typeof PoleRoleChange>;

export const PoleProfileBody = z.object({
  territory: text(2000),
  communes: tags(300),
  kind: z.nullable(z.enum(poleKinds)),
  actionLogics: z.array(z.enum(actionLogics)).check(
    z.maxLength(actionLogics.length),
    z.refine((list) => new Set(list).size === list.length, "Une logique d'action est en double."),
  ),
  maturity: z.nullable(z.enum(maturities)),
  formalisation: z.nullable(z.enum(formalisationLevels)),
  carryingStructure: text(200),
  hasPlace: z.boolean(),
  place: text(500),
});
export type PoleProfileInput = z.infer<typeof PoleProfileBody>;

export const PoleProfile = z.extend(PoleProfileBody, { updatedAt: when });
export type PoleProfile = z.infer<typeof PoleProfile>;
