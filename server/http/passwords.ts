/** Changing one's password, resetting a forgotten one, and the links coordinators copy. */
import { Hono } from "hono";
import {
  ChangePasswordBody,
  ResetBody,
  type ResetLink,
  ResetRequestBody,
} from "../../shared/api/auth";
import { RESET_REQUESTS_PER_HOUR } from "../auth/limits";
import {
  changePassword,
  issueResetLink,
  requestPasswordReset,
  resetPassword,
} from "../domain/passwords";
import { clientAddress } from "./address";
import type { AppDeps, AppEnv } from "./context";
import { countingFailures, enforce } from "./errors";
import { requireUser, signedIn, signedInSession } from "./middleware";
import { jsonBody } from "./validate";

const TOO_MANY = "Trop de tentatives : patientez un instant avant de réessayer.";

export function passwordRoutes({ ctx, config, logger, limits }: AppDeps) {
  return new Hono<AppEnv>()
    .post("/auth/password", requireUser, jsonBody(ChangePasswordBody), async (c) => {
      const { user, session } = signedInSession(c);
      // A borrowed session must not become a way to guess the password it hides.
      const fromAddress = `${clientAddress(c, config.TRUST_PROXY)} ${user.email}`;
      await enforce(limits.signInFromAddress, { key: fromAddress, message: TOO_MANY });
      const { current, next } = c.req.valid("json");
      await countingFailures(
        limits.signInFromAddress,
        { key: fromAddress, code: "forbidden" },
        () => changePassword(ctx, user.id, { sessionId: session.id, current, next }),
      );
      return c.body(null, 204);
    })
    .post("/auth/reset-request", jsonBody(ResetRequestBody), async (c) => {
      const { email } = c.req.valid("json");
      await enforce(limits.resetRequests, {
        key: email,
        message: `${RESET_REQUESTS_PER_HOUR} demandes par heure au plus pour une même adresse : réessayez plus tard.`,
      });
      await limits.resetRequests.record(email);
      await requestPasswordReset(ctx, {
        email,
        onError: (err) => logger.warn({ err }, "password reset e-mail not sent"),
      });
      return c.body(null, 204);
    })
    .post("/auth/reset", jsonBody(ResetBody), async (c) => {
      await resetPassword(ctx, c.req.valid("json"));
      return c.body(null, 204);
    })
    .post("/poles/:poleId/people/:userId/password-reset", requireUser, async (c) => {
      const { poleId, userId } = c.req.param();
      const link = await issueResetLink(ctx, signedIn(c).id, { poleId, userId });
      return c.json(link satisfies ResetLink, 201);
    });
}
