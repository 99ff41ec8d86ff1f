/** Request bodies and answers of the HTTP API (CONTRACT.md), shared by server and client. */
import { z } from "zod";
import type { DocumentAccess, DocumentKind } from "./documents";
import {
  type CircleKind,
  type CircleRole,
  circleRoles,
  type PoleRole,
  poleRoles,
} from "./permissions";

const name = z.string().trim().min(1, "Le nom est requis.").max(200);
export const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Adresse e-mail invalide.").max(254));
/** Long passphrases beat complex short passwords; argon2 is bounded, so is the input. */
export const password = z
  .string()
  .min(12, "Le mot de passe doit faire au moins 12 caractères.")
  .max(256);
const id = z.string().min(1).max(100);

export const SetupBody = z.object({
  pole: z.object({ name }),
  admin: z.object({ name, email, password }),
});

export const LoginBody = z.object({ email, password: z.string().min(1).max(256) });

export const CreatePoleBody = z.object({ name });

export const CreateCircleBody = z.object({
  kind: z.enum(["thematic", "project"]),
  name,
  parentId: id.nullish(),
});

export const CircleRoleBody = z.object({ role: z.enum(circleRoles) });

export const CircleSeat = z.object({ circleId: id, role: z.enum(circleRoles) });

export const CreateInvitationBody = z.object({
  email: email.nullish(),
  circles: z.array(CircleSeat).max(50),
  /** Beyond the contract: the pôle-wide role given on arrival (default member). */
  poleRole: z.enum(poleRoles).exclude(["coordinator"]).optional(),
  expiresInDays: z.number().int().min(1).max(90).optional(),
});

export const NewcomerBody = z.object({ name, email, password });

/** A newcomer's account, or an empty body when a signed-in person joins (null). */
export const AcceptInvitationBody = NewcomerBody.or(
  z
    .object({})
    .strict()
    .transform(() => null),
);

export const CreatePageBody = z.object({
  kind: z.literal("page"),
  title: name,
  circleId: id,
});

export interface UserView {
  id: string;
  name: string;
  email: string;
}

export interface PoleView {
  id: string;
  slug: string;
  name: string;
  role: PoleRole;
}

export interface MeView {
  user: UserView;
  poles: PoleView[];
}

export interface CircleView {
  id: string;
  kind: CircleKind;
  name: string;
  parentId: string | null;
  members: Array<{ userId: string; role: CircleRole }>;
}

export interface DocumentView {
  id: string;
  kind: DocumentKind;
  title: string;
  circleId: string | null;
}

export interface DocumentListItem extends DocumentView {
  access: DocumentAccess;
}

export interface DocumentDetail extends DocumentListItem {
  poleId: string;
}

export type InvitationState = "pending" | "accepted" | "expired" | "revoked";

export interface InvitationView {
  id: string;
  email: string | null;
  circles: Array<z.infer<typeof CircleSeat>>;
  poleRole: PoleRole;
  /** ISO 8601. */
  createdAt: string;
  expiresAt: string;
  state: InvitationState;
}

export interface CreatedInvitation {
  id: string;
  url: string;
  token: string;
  /** ISO 8601. */
  expiresAt: string;
}

export interface MemberView {
  userId: string;
  name: string;
  email: string;
  role: PoleRole;
}

export interface ApiError {
  error: { code: string; message: string };
}
