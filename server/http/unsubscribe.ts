/**
 * One-click unsubscribe (RFC 8058), without a session and outside the same-origin check:
 * mail providers POST `List-Unsubscribe=One-Click` from their own servers. A GET (a person
 * following the link, or a scanner) changes nothing: it opens the page that asks.
 */
import { Hono } from "hono";
import type { Unsubscribed } from "../../shared/api/notifications";
import { unsubscribe } from "../domain/notifications/unsubscribe";
import type { AppDeps, AppEnv } from "./context";

export function unsubscribeRoutes({ ctx }: AppDeps) {
  return new Hono<AppEnv>()
    .get("/unsubscribe/:token", (c) =>
      c.redirect(`/desabonnement/${encodeURIComponent(c.req.param("token"))}`, 303),
    )
    .post("/unsubscribe/:token", async (c) => {
      const answer = await unsubscribe(ctx, c.req.param());
      c.header("Cache-Control", "no-store");
      return c.json(answer satisfies Unsubscribed);
    });
}
