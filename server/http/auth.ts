import { Hono } from "hono";
import {
  LoginBody,
  type Me,
  type SetUp,
  SetupBody,
  type SetupStatus,
  type SignedIn,
} from "../../shared/api/auth";
import { createSession, generateSessionToken, invalidateSession } from "../auth/sessions";
import { authenticate, instanceHasUsers } from "../domain/accounts";
import { mayFoundPole, polesOf, setUpInstance } from "../domain/poles";
import { clientAddress } from "./address";
import type { AppDeps, AppEnv } from "./context";
import { enforce, sendError } from "./errors";
import { clearSessionCookie, requireUser, setSessionCookie, signedIn } from "./middleware";
import { jsonBody } from "./validate";

export const presentUser = (user: { id: string; name: string; email: string }) => ({
  id: user.id,
  name: user.name,
  email: user.email,
});

const TOO_MANY = "Trop de tentatives pour ce compte : patientez un instant avant de réessayer.";

export function authRoutes({ ctx, config, limits }: AppDeps) {
  const { db, events } = ctx;
  const signIn = async (c: Parameters<typeof setSessionCookie>[0], userId: string) => {
    const token = generateSessionToken();
    const session = await createSession(db, token, userId);
    setSessionCookie(c, token, session, config.PUBLIC_URL);
  };

  return new Hono<AppEnv>()
    .get("/setup", async (c) =>
      c.json({ needed: !(await instanceHasUsers(db)) } satisfies SetupStatus),
    )
    .post("/setup", jsonBody(SetupBody), async (c) => {
      const { user, pole } = await setUpInstance(ctx, c.req.valid("json"));
      await signIn(c, user.id);
      return c.json(
        {
          user: presentUser(user),
          pole: { id: pole.id, slug: pole.slug, name: pole.name },
        } satisfies SetUp,
        201,
      );
    })
    .post("/auth/login", jsonBody(LoginBody), async (c) => {
      const { email, password } = c.req.valid("json");
      // One attacker's guesses are slowed on the account they aim at, from their address;
      // guesses spread over many addresses, on the account from anywhere. Failures on
      // other accounts never weigh on this one.
      const fromAddress = `${clientAddress(c, config.TRUST_PROXY)} ${email}`;
      await enforce(limits.signInFromAddress, { key: fromAddress, message: TOO_MANY });
      await enforce(limits.signInToAccount, { key: email, message: TOO_MANY });
      const user = await authenticate(ctx, { email, password });
      if (!user) {
        await limits.signInFromAddress.record(fromAddress);
        await limits.signInToAccount.record(email);
        return sendError(c, "unauthenticated", "Adresse e-mail ou mot de passe incorrect.");
      }
      await limits.signInFromAddress.reset(fromAddress);
      await limits.signInToAccount.reset(email);
      await signIn(c, user.id);
      return c.json({ user: presentUser(user) } satisfies SignedIn);
    })
    .post("/auth/logout", async (c) => {
      const session = c.get("session");
      if (session) {
        await invalidateSession(db, session.id);
        events.sessionsEnded([session.id]);
      }
      clearSessionCookie(c, config.PUBLIC_URL);
      return c.body(null, 204);
    })
    .get("/me", requireUser, async (c) => {
      const user = signedIn(c);
      const me: Me = {
        user: presentUser(user),
        poles: await polesOf(ctx, user.id),
        canFoundPole: await mayFoundPole(ctx, user.id),
      };
      return c.json(me);
    });
}
