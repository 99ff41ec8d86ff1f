import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import {
  SESSION_COOKIE,
  type Session,
  type SessionUser,
  validateSessionToken,
} from "../auth/sessions";
import type { DB } from "../db/database";
import { DomainError } from "../domain/errors";
import type { AppEnv } from "./context";
import { sendError } from "./errors";

const secureCookies = (publicUrl: string) => publicUrl.startsWith("https:");

export function setSessionCookie(c: Context, token: string, session: Session, publicUrl: string) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: secureCookies(publicUrl),
    path: "/",
    expires: new Date(session.expiresAt),
  });
}

export function clearSessionCookie(c: Context, publicUrl: string) {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: secureCookies(publicUrl) });
}

/** Reads the session cookie on every request; slides it when the session was extended. */
export function loadSession(db: DB, publicUrl: string): MiddlewareHandler<AppEnv> {
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    c.set("user", null);
    c.set("session", null);
    if (token) {
      const result = await validateSessionToken(db, token);
      if (result.session) {
        c.set("user", result.user);
        c.set("session", result.session);
        if (result.refreshed) setSessionCookie(c, token, result.session, publicUrl);
      } else {
        clearSessionCookie(c, publicUrl);
      }
    }
    await next();
  });
}

export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get("user")) return sendError(c, "unauthenticated", "Connectez-vous pour continuer.");
  await next();
});

/** The person behind a request that went through requireUser. */
export function signedIn(c: Context<AppEnv>): SessionUser {
  const user = c.get("user");
  if (!user) throw new DomainError("unauthenticated", "Connectez-vous pour continuer.");
  return user;
}

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * CSRF: a state-changing request must come from our own pages, whatever its content type.
 * Hono's csrf() only inspects form-like content types, so JSON posted without an Origin
 * would pass it; here a missing or foreign Origin is always refused.
 */
export function requireSameOrigin(publicUrl: string): MiddlewareHandler {
  const publicHost = new URL(publicUrl).host;
  return createMiddleware(async (c, next) => {
    if (unsafeMethods.has(c.req.method)) {
      const origin = c.req.header("origin");
      let originHost: string | null = null;
      try {
        originHost = origin ? new URL(origin).host : null;
      } catch {
        originHost = null;
      }
      const ownHost = c.req.header("host");
      if (!originHost || (originHost !== ownHost && originHost !== publicHost)) {
        return sendError(c, "forbidden", "Requête refusée : origine absente ou étrangère (CSRF).");
      }
    }
    await next();
  });
}
