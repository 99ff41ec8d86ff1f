/**
 * An e-mail is claimed before it is sent, in one transaction: a `notification_mails` row
 * whose key (an event, or a digest's period) is unique per recipient, and the
 * notifications it carries pointed at it. A second instance, or a rerun after a crash,
 * finds the key taken and sends nothing. A refused send (SMTP error) releases the claim
 * for the next run; a crash between the send and `sent` leaves it claimed: at most once,
 * since the notification stays in the app anyway.
 */
import type { NotificationKind } from "../../../shared/notifications";
import type { DB } from "../../db/database";
import { newId } from "../ids";

/** `mail_id` of notifications no e-mail will carry (their kind is off for the person). */
export const NOT_MAILED = "none";

export interface Claim {
  mailId: string;
  notificationIds: string[];
}

/** Claims the recipient's unmailed notifications of these kinds, created up to `until`, under `key`. */
export async function claimMail(
  db: DB,
  input: {
    recipientId: string;
    key: string;
    kinds: readonly NotificationKind[];
    until: number;
    notificationId?: string;
  },
  now: number,
): Promise<Claim | null> {
  if (input.kinds.length === 0) return null;
  return db.transaction().execute(async (trx) => {
    const mailId = newId();
    const claimed = await trx
      .insertInto("notification_mails")
      .values({ id: mailId, recipient_id: input.recipientId, key: input.key, claimed_at: now })
      .onConflict((oc) => oc.columns(["recipient_id", "key"]).doNothing())
      .executeTakeFirst();
    if (claimed.numInsertedOrUpdatedRows !== 1n) return null;
    let query = trx
      .updateTable("notifications")
      .set({ mail_id: mailId })
      .where("recipient_id", "=", input.recipientId)
      .where("mail_id", "is", null)
      .where("kind", "in", input.kinds)
      .where("created_at", "<=", input.until);
    if (input.notificationId) query = query.where("id", "=", input.notificationId);
    const rows = await query.returning("id").execute();
    if (rows.length === 0) {
      // Nothing to say: the period stays open for what comes later.
      await trx.deleteFrom("notification_mails").where("id", "=", mailId).execute();
      return null;
    }
    return { mailId, notificationIds: rows.map((row) => row.id) };
  });
}

export async function markSent(db: DB, { mailId }: { mailId: string }, now: number) {
  await db
    .updateTable("notification_mails")
    .set({ sent_at: now })
    .where("id", "=", mailId)
    .execute();
}

/** The transport refused: nothing left, so the next run tries again. */
export async function releaseClaim(db: DB, { mailId }: { mailId: string }) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("notifications")
      .set({ mail_id: null })
      .where("mail_id", "=", mailId)
      .execute();
    await trx.deleteFrom("notification_mails").where("id", "=", mailId).execute();
  });
}

/**
 * Notifications never e-mailed, even if the person changes their mind later: those of
 * kinds they turned off, and those of pôles they have left since.
 */
export async function skipUnmailed(
  db: DB,
  { recipientId, kinds }: { recipientId: string; kinds: readonly NotificationKind[] },
) {
  await db
    .updateTable("notifications")
    .set({ mail_id: NOT_MAILED })
    .where("recipient_id", "=", recipientId)
    .where("mail_id", "is", null)
    .where((eb) =>
      eb.or([
        ...(kinds.length > 0 ? [eb("kind", "in", kinds)] : []),
        eb.not(
          eb.exists(
            eb
              .selectFrom("pole_members")
              .select("pole_members.user_id")
              .whereRef("pole_members.pole_id", "=", "notifications.pole_id")
              .whereRef("pole_members.user_id", "=", "notifications.recipient_id"),
          ),
        ),
      ]),
    )
    .execute();
}
