/** Setting up the instance, signing in, and who is signed in (GET /api/me). */
import { z } from "zod/mini";
import { email, name, password } from "./fields";
import { Pole, PoleSummary } from "./poles";

export const SetupBody = z.object({
  pole: z.object({ name }),
  admin: z.object({ name, email, password }),
});

export const LoginBody = z.object({
  email,
  password: z.string().check(z.minLength(1), z.maxLength(256)),
});

export const SetupStatus = z.object({ needed: z.boolean() });
export type SetupStatus = z.infer<typeof SetupStatus>;

export const User = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type User = z.infer<typeof User>;

export const SignedIn = z.object({ user: User });
export type SignedIn = z.infer<typeof SignedIn>;

export const SetUp = z.object({ user: User, pole: Pole });
export type SetUp = z.infer<typeof SetUp>;

export const Me = z.object({
  user: User,
  poles: z.array(PoleSummary),
  /** Whether "found a new pôle" is offered (ALLOW_POLE_CREATION, or a coordinator). */
  canFoundPole: z.boolean(),
});
export type Me = z.infer<typeof Me>;

/** Body of POST /api/auth/password: the current password proves it is the person. */
export const ChangePasswordBody = z.object({
  current: z.string().check(z.minLength(1, "Le mot de passe actuel est requis."), z.maxLength(256)),
  next: password,
});

/** Body of POST /api/auth/reset-request. */
export const ResetRequestBody = z.object({ email });

/** Body of POST /api/auth/reset: the link's token and the new password. */
export const ResetBody = z.object({
  token: z.string().check(z.minLength(1), z.maxLength(100)),
  password,
});

/** A reset link a coordinator copies for someone (no e-mail on the instance). */
export const ResetLink = z.object({ url: z.string(), expiresAt: z.string() });
export type ResetLink = z.infer<typeof ResetLink>;
