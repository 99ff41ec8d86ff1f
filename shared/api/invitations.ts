/** Invitations: one or a pasted list, their states, the accept page, accepting. */
import { z } from "zod/mini";
import { circleKinds, circleRoles, poleRoles } from "../permissions";
import { CircleSeat } from "./circles";
import { email, name, password } from "./fields";

/** Beyond the contract: the pôle-wide role given on arrival (default member). */
const arrivalRole = z.optional(z.enum(poleRoles));
const expiresInDays = z.optional(z.int().check(z.gte(1), z.lte(90)));
const seats = z.array(CircleSeat).check(z.maxLength(50));

export const CreateInvitationBody = z.object({
  email: z.nullish(email),
  circles: seats,
  poleRole: arrivalRole,
  expiresInDays,
});

export const BulkInvitationBody = z.object({
  /** The pasted list: addresses separated by commas, semicolons, spaces or new lines. */
  emails: z.string().check(z.maxLength(20_000, "Liste trop longue.")),
  circles: seats,
  poleRole: arrivalRole,
  expiresInDays,
});

/** Splits a pasted list into addresses; each is checked with the contract's email rule. */
export function parseEmailList(pasted: string): { valid: string[]; invalid: string[] } {
  const items = pasted
    .split(/[\s,;]+/)
    .map((item) => item.replace(/^<|>$/g, ""))
    .filter(Boolean);
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const item of items) {
    const parsed = email.safeParse(item);
    if (parsed.success) valid.push(parsed.data);
    else invalid.push(item);
  }
  return { valid, invalid };
}

export const NewcomerBody = z.object({ name, email, password });

/** A newcomer's account, or an empty body when a signed-in person joins (null). */
export const AcceptInvitationBody = z.union([
  NewcomerBody,
  z.pipe(
    z.strictObject({}),
    z.transform(() => null),
  ),
]);

export const invitationStates = ["pending", "accepted", "expired", "revoked"] as const;
export type InvitationState = (typeof invitationStates)[number];

export const Invitation = z.object({
  id: z.string(),
  email: z.nullable(z.string()),
  circles: z.array(CircleSeat),
  poleRole: z.enum(poleRoles),
  /** ISO 8601. */
  createdAt: z.string(),
  expiresAt: z.string(),
  state: z.enum(invitationStates),
});
export type Invitation = z.infer<typeof Invitation>;
export const Invitations = z.array(Invitation);

/** An invitation as the domain makes it: the link to hand over. */
export const IssuedInvitation = z.object({
  id: z.string(),
  url: z.string(),
  token: z.string(),
  /** ISO 8601. */
  expiresAt: z.string(),
});
export type IssuedInvitation = z.infer<typeof IssuedInvitation>;

export const CreatedInvitation = z.extend(IssuedInvitation, {
  /** Sent by e-mail (SMTP_URL set); otherwise the link is shown to copy. */
  emailed: z.boolean(),
});
export type CreatedInvitation = z.infer<typeof CreatedInvitation>;

export const BulkInvitations = z.object({
  invitations: z.array(z.extend(CreatedInvitation, { email: z.string() })),
});
export type BulkInvitations = z.infer<typeof BulkInvitations>;

export const InvitationPreview = z.object({
  pole: z.object({ id: z.string(), name: z.string() }),
  /** Who invites (null when that account is gone). */
  inviter: z.nullable(z.object({ name: z.string() })),
  email: z.nullable(z.string()),
  expiresAt: z.string(),
  /** What the invitation offers: the pôle role, and a seat in each circle named. */
  poleRole: z.enum(poleRoles),
  circles: z.array(
    z.object({
      circleId: z.string(),
      name: z.string(),
      kind: z.enum(circleKinds),
      role: z.enum(circleRoles),
    }),
  ),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export const Accepted = z.object({ userId: z.string(), poleId: z.string() });
export type Accepted = z.infer<typeof Accepted>;
