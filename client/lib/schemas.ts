/** The shapes of the API's answers (CONTRACT.md), checked at the edge of the client. */
import { z } from "zod/mini";
import { documentKinds } from "../../shared/documents";
import { circleKinds, circleRoles, poleRoles } from "../../shared/permissions";

export const SetupStatus = z.object({ needed: z.boolean() });

export const User = z.object({ id: z.string(), name: z.string(), email: z.string() });

export const PoleSummary = z.object({
  id: z.string(),
  slug: z.nullish(z.string()),
  name: z.string(),
  role: z.enum(poleRoles),
});
export type PoleSummary = z.infer<typeof PoleSummary>;

export const Me = z.object({ user: User, poles: z.array(PoleSummary) });
export type Me = z.infer<typeof Me>;

export const Pole = z.object({ id: z.string(), slug: z.nullish(z.string()), name: z.string() });

const CircleSeat = z.object({ circleId: z.string(), role: z.enum(circleRoles) });
export type CircleSeat = z.infer<typeof CircleSeat>;

export const Circle = z.object({
  id: z.string(),
  kind: z.enum(circleKinds),
  name: z.string(),
  parentId: z.nullish(z.string()),
  members: z._default(z.array(z.object({ userId: z.string(), role: z.enum(circleRoles) })), []),
});
export type Circle = z.infer<typeof Circle>;
export const Circles = z.array(Circle);

const Access = z.enum(["edit", "view"]);

export const DocumentSummary = z.object({
  id: z.string(),
  kind: z.enum(documentKinds),
  title: z.string(),
  circleId: z.nullish(z.string()),
  access: Access,
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;
export const DocumentSummaries = z.array(DocumentSummary);

export const DocumentMeta = z.extend(DocumentSummary, { poleId: z.string() });
export type DocumentMeta = z.infer<typeof DocumentMeta>;

export const CreatedDocument = z.object({ id: z.string() });

export const invitationStates = ["pending", "accepted", "expired", "revoked"] as const;
export const Invitation = z.object({
  id: z.string(),
  email: z.nullish(z.string()),
  circles: z.array(CircleSeat),
  createdAt: z.string(),
  expiresAt: z.string(),
  state: z.enum(invitationStates),
});
export type Invitation = z.infer<typeof Invitation>;
export const Invitations = z.array(Invitation);

export const CreatedInvitation = z.object({
  id: z.string(),
  url: z.nullish(z.string()),
  token: z.string(),
  expiresAt: z.string(),
});

export const InvitationPreview = z.object({
  pole: z.object({ id: z.string(), name: z.string() }),
  email: z.nullish(z.string()),
  expiresAt: z.string(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export const PoleMember = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(poleRoles),
});
export type PoleMember = z.infer<typeof PoleMember>;
export const PoleMembers = z.array(PoleMember);
