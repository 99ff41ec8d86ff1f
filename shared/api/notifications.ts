/** Notifications, their e-mail preferences, unsubscribing and the activity feed over HTTP. */
import { z } from "zod/mini";
import { emailedKinds, mailFrequencies, notificationKinds, subjectTypes } from "../notifications";
import { id } from "./fields";

const person = z.object({ id: z.string(), name: z.string() });

export const NotificationView = z.object({
  id: z.string(),
  kind: z.enum(notificationKinds),
  title: z.string(),
  actor: z.nullable(person),
  subject: z.object({
    type: z.enum(subjectTypes),
    id: z.string(),
    detail: z.nullable(z.string()),
  }),
  /** The page it opens, a path of the client. */
  link: z.string(),
  read: z.boolean(),
  createdAt: z.string(),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const NotificationList = z.object({
  unread: z.number(),
  notifications: z.array(NotificationView),
});
export type NotificationList = z.infer<typeof NotificationList>;

export const UnreadCount = z.object({ unread: z.number() });
export type UnreadCount = z.infer<typeof UnreadCount>;

const kind = z.enum(emailedKinds, {
  error: `Type de notification inconnu (ou jamais envoyé par e-mail) : ${emailedKinds.join(", ")}.`,
});
const frequency = z.enum(mailFrequencies, {
  error: `Fréquence inconnue : ${mailFrequencies.join(", ")}.`,
});

export const Preference = z.object({ kind, frequency });
export type Preference = z.infer<typeof Preference>;

export const Preferences = z.object({ preferences: z.array(Preference) });
export type Preferences = z.infer<typeof Preferences>;

/** PUT body: only the kinds named change. */
export const PreferencesBody = z.object({
  preferences: z.array(Preference).check(z.minLength(1, "Au moins une préférence.")),
});
export type PreferencesBody = z.infer<typeof PreferencesBody>;

export const Unsubscribed = z.object({ kinds: z.array(z.enum(notificationKinds)) });
export type Unsubscribed = z.infer<typeof Unsubscribed>;

/** Someone the writer of a document may mention, and whether they can read it. */
export const Mentionable = z.object({ id: z.string(), name: z.string(), canRead: z.boolean() });
export type Mentionable = z.infer<typeof Mentionable>;
export const MentionableList = z.array(Mentionable);

export const ActivityQuery = z.object({ circleId: z.optional(id) });

export const ActivityEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.nullable(person),
  /** What happened, the audit's action ("document.edited", "decision.opened"…). */
  action: z.string(),
  /** What it is about, by name, and where it opens. */
  label: z.string(),
  link: z.nullable(z.string()),
});
export type ActivityEntry = z.infer<typeof ActivityEntry>;

export const ActivityDay = z.object({ day: z.string(), entries: z.array(ActivityEntry) });
export const ActivityFeed = z.object({ days: z.array(ActivityDay) });
export type ActivityFeed = z.infer<typeof ActivityFeed>;
