/** A person's notifications and their e-mail preferences. */
import { Hono } from "hono";
import {
  type Mentionable,
  type NotificationList,
  type NotificationView,
  type Preferences,
  PreferencesBody,
  type UnreadCount,
} from "../../shared/api/notifications";
import { listNotifications, markAllRead, markRead } from "../domain/notifications/inbox";
import { mentionablePeople } from "../domain/notifications/mentionable";
import { getPreferences, updatePreferences } from "../domain/notifications/preferences";
import type { AppDeps, AppEnv } from "./context";
import { requireUser, signedIn } from "./middleware";
import { jsonBody } from "./validate";

export function notificationRoutes({ ctx }: AppDeps) {
  return new Hono<AppEnv>()
    .get("/poles/:poleId/notifications", requireUser, async (c) => {
      const list = await listNotifications(ctx, signedIn(c).id, c.req.param());
      return c.json(list satisfies NotificationList);
    })
    .post("/poles/:poleId/notifications/read", requireUser, async (c) => {
      const answer = await markAllRead(ctx, signedIn(c).id, c.req.param());
      return c.json(answer satisfies UnreadCount);
    })
    .post("/notifications/:notificationId/read", requireUser, async (c) => {
      const notification = await markRead(ctx, signedIn(c).id, c.req.param());
      return c.json(notification satisfies NotificationView);
    })
    .get("/documents/:documentId/mentionable", requireUser, async (c) => {
      const people = await mentionablePeople(ctx, signedIn(c).id, c.req.param());
      return c.json(people satisfies Mentionable[]);
    })
    .get("/me/notification-preferences", requireUser, async (c) => {
      const preferences = await getPreferences(ctx, signedIn(c).id);
      return c.json({ preferences } satisfies Preferences);
    })
    .put("/me/notification-preferences", requireUser, jsonBody(PreferencesBody), async (c) => {
      const preferences = await updatePreferences(ctx, signedIn(c).id, c.req.valid("json"));
      return c.json({ preferences } satisfies Preferences);
    });
}
