import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import {
  SESSION_COOKIE,
  type Session,
  type SessionUser,
  type SessionValidation,
  validateSessionToken,
} from "../auth/sessions";
import type { DB } from "../db/database";
import { unauthenticated } from "../domain/errors";
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
    const token = sessionToken(c);
    c.set("user", null);
    c.set("session", null);
    if (token) keepSession(c, token, await validateSessionToken(db, token), publicUrl);
    await next();
  });
}

export const sessionToken = (c: Context): string | undefined => getCookie(c, SESSION_COOKIE);

/**
 * Records a checked session on the request, sliding its cookie when it was extended and
 * clearing the cookie of one that is gone.
 */
export function keepSession(
  c: Context<AppEnv>,
  token: string,
  { session, user, refreshed }: SessionValidation,
  publicUrl: string,
) {
  if (session) {
    c.set("user", user);
    c.set("session", session);
    if (refreshed) setSessionCookie(c, token, session, publicUrl);
  } else {
    clearSessionCookie(c, publicUrl);
  }
}

export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get("user")) throw unauthenticated();
  await next();
});

/** The person behind a request that went through requireUser. */
export function signedIn(c: Context<AppEnv>): SessionUser {
  return signedInSession(c).user;
}

/** The person and the session behind a request that went through requireUser. */
export function signedInSession(c: Context<AppEnv>): { user: SessionUser; session: Session } {
  const user = c.get("user");
  const session = c.get("session");
  if (!user || !session) {
    throw unauthenticated();
  }
  return { user, session };
}

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The scheme, host and port of a URL ("null" for what is not one, as browsers write it). */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "null";
  }
}

/**
 * Whether an Origin header names the server itself (scheme, host and port of the request
 * as it reached us) or PUBLIC_URL's origin. A sibling subdomain, another port or the
 * other scheme are foreign.
 */
function isOwnOrigin(c: Context, origin: string, publicOrigin: string): boolean {
  const named = originOf(origin);
  return named !== "null" && (named === publicOrigin || named === originOf(c.req.url));
}

/**
 * CSRF: a state-changing request must come from our own pages, whatever its content type.
 * Hono's csrf() only inspects form-like content types, so JSON posted without an Origin
 * would pass it; here a missing or foreign Origin is always refused.
 */
export function requireSameOrigin(publicUrl: string): MiddlewareHandler {
  const publicOrigin = originOf(publicUrl);
  return createMiddleware(async (c, next) => {
    if (unsafeMethods.has(c.req.method)) {
      const origin = c.req.header("origin");
      if (!origin || !isOwnOrigin(c, origin, publicOrigin)) {
        return sendError(c, "forbidden", "Requête refusée : origine absente ou étrangère (CSRF).");
      }
    }
    await next();
  });
}

/**
 * Cross-site WebSocket hijacking: browsers send the cookie and the page's Origin with an
 * upgrade from any site, so a foreign Origin is refused before upgrading. Clients that are
 * not browsers send none, and have no one's cookie but their own.
 */
export function refuseForeignOrigin(publicUrl: string): MiddlewareHandler {
  const publicOrigin = originOf(publicUrl);
  return createMiddleware(async (c, next) => {
    const origin = c.req.header("origin");
    if (origin !== undefined && !isOwnOrigin(c, origin, publicOrigin)) {
      return sendError(c, "forbidden", "Connexion refusée : origine étrangère.");
    }
    await next();
  });
}

const loopbackHost = /^(localhost|[^.]+\.localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * DNS rebinding: a page on a name the attacker controls, resolved to this server, reaches
 * it with that name as Host and no cookie of ours. Requests without a session are served
 * only under PUBLIC_URL's host or a loopback name, so that a fresh instance cannot be set
 * up (POST /api/setup) from such a page.
 */
export function requireKnownHost(publicUrl: string): MiddlewareHandler<AppEnv> {
  const publicHost = new URL(publicUrl).host;
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!c.get("user")) {
      const host = c.req.header("host") ?? "";
      const hostname = host.replace(/:\d+$/, "");
      if (host !== publicHost && !loopbackHost.test(hostname)) {
        return sendError(c, "forbidden", "Requête refusée : nom d'hôte inconnu.");
      }
    }
    await next();
  });
}
