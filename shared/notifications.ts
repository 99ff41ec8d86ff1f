/**
 * The words of notifications: what happened to whom (kinds), what it is about (subjects),
 * and how often each kind is e-mailed. Shared by the server, which stores and sends them,
 * and the client, which lists them and edits the preferences.
 */
export const notificationKinds = [
  "mention",
  "reply",
  "decisionOpened",
  "decisionClosesTomorrow",
  "meetingPlanned",
  "minutesPublished",
  "taskAssigned",
  "taskOverdue",
  "invitationAccepted",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** What a notification points at; its page is derived from the type and the ids. */
export const subjectTypes = ["document", "decision", "meeting", "task", "person"] as const;
export type SubjectType = (typeof subjectTypes)[number];

/**
 * Kinds the meetings e-mail themselves (the invitation with its `.ics`, the minutes to
 * those who attended): notified in the app only, so that one event makes one e-mail.
 */
export const mailedByMeetings: readonly NotificationKind[] = ["meetingPlanned", "minutesPublished"];
/** The kinds whose e-mails a person chooses. */
export const emailedKinds = notificationKinds.filter((kind) => !mailedByMeetings.includes(kind));

export const mailFrequencies = ["immediate", "daily", "weekly", "off"] as const;
export type MailFrequency = (typeof mailFrequencies)[number];

/** Mentions and votes addressed to the person are e-mailed at once; the rest in the daily digest. */
export const defaultFrequency: Record<NotificationKind, MailFrequency> = {
  mention: "immediate",
  reply: "immediate",
  decisionOpened: "immediate",
  decisionClosesTomorrow: "immediate",
  meetingPlanned: "daily",
  minutesPublished: "daily",
  taskAssigned: "daily",
  taskOverdue: "daily",
  invitationAccepted: "daily",
};

/**
 * The rich text's mention node: `id` is the person's, `uid` is the mention's own (drawn
 * when it is typed), so that each mention notifies once however often the text is stored.
 */
export const MENTION_NODE = "mention";
