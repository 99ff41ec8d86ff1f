/**
 * The one way to notify people. Every trigger (decisions, meetings, tasks, invitations,
 * mentions, and comment threads) calls `notify`; it keeps only the recipients who may read
 * the subject, never tells people of their own action, stores one row per person and event
 * (the event key is unique per recipient: a retried or doubled event is a no-op), and
 * tells each recipient's open pages, and the mailer, that something arrived.
 */
import type { NotificationKind } from "../../../shared/notifications";
import type { Ctx } from "../context";
import { newId } from "../ids";
import { type NotificationSubject, poleOfSubject, readersOfSubject } from "./subjects";

export interface NotifyInput {
  /** Who should be told; the actor, people who cannot read the subject and duplicates are dropped. */
  recipientIds: readonly string[];
  kind: NotificationKind;
  /**
   * What happened, unique for the event (e.g. `reply:<commentId>`, `mention:<doc>:<key>`):
   * the same key never notifies the same person twice.
   */
  eventKey: string;
  subject: NotificationSubject;
  /** The subject's title, shown in the list and the e-mails. */
  title: string;
  /** Needed for `person` subjects (someone joined): the pôle they joined. */
  poleId?: string;
}

/**
 * Notifies people of an event; `actorId` null when nobody acted (a date reached).
 * Returns the ids of the people newly notified.
 *
 * Comment threads call `notifyComment` (triggers.ts), which calls this with
 * `subject: { type: "document", id: documentId, detail: threadId }`.
 */
export async function notify(
  ctx: Ctx<"poleEvents">,
  actorId: string | null,
  input: NotifyInput,
  now = Date.now(),
): Promise<string[]> {
  const { db, poleEvents } = ctx;
  const poleId = await poleOfSubject(db, input.subject, input.poleId);
  if (poleId === null) return [];
  const candidates = [...new Set(input.recipientIds)].filter((id) => id !== actorId);
  const readers = await readersOfSubject(ctx, {
    subject: input.subject,
    poleId,
    userIds: candidates,
  });
  const notified: string[] = [];
  for (const recipientId of candidates) {
    if (!readers.has(recipientId)) continue;
    const inserted = await db
      .insertInto("notifications")
      .values({
        id: newId(),
        recipient_id: recipientId,
        pole_id: poleId,
        kind: input.kind,
        subject_type: input.subject.type,
        subject_id: input.subject.id,
        detail: input.subject.detail ?? null,
        actor_id: actorId,
        title: input.title,
        event_key: input.eventKey,
        read_at: null,
        created_at: now,
        mail_id: null,
      })
      .onConflict((oc) => oc.columns(["recipient_id", "event_key"]).doNothing())
      .executeTakeFirst();
    if (inserted.numInsertedOrUpdatedRows === 1n) notified.push(recipientId);
  }
  // Only the recipient's stream carries it (server/http/pole-events.ts filters by id).
  for (const recipientId of notified) {
    poleEvents.publish(poleId, { type: "notification", id: recipientId });
  }
  return notified;
}
