import type { Kysely } from "kysely";

/**
 * Notifications: one row per person and event (the event key is unique per recipient, so
 * that an event retried or seen by two instances notifies once), read or not, and the
 * e-mail that carried it (`mail_id`, null until one claims it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("notifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("recipient_id", "text", (c) =>
      c.notNull().references("users.id").onDelete("cascade"),
    )
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("subject_type", "text", (c) => c.notNull())
    .addColumn("subject_id", "text", (c) => c.notNull())
    // A finer place inside the subject: a comment thread, a mention.
    .addColumn("detail", "text")
    .addColumn("actor_id", "text", (c) => c.references("users.id").onDelete("set null"))
    // The subject's title when it happened: the list reads without joining every table.
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("event_key", "text", (c) => c.notNull())
    .addColumn("read_at", "integer")
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addColumn("mail_id", "text")
    .execute();
  await db.schema
    .createIndex("notifications_event")
    .unique()
    .on("notifications")
    .columns(["recipient_id", "event_key"])
    .execute();
  await db.schema
    .createIndex("notifications_recipient")
    .on("notifications")
    .columns(["recipient_id", "created_at"])
    .execute();
  await db.schema
    .createIndex("notifications_unmailed")
    .on("notifications")
    .columns(["mail_id", "created_at"])
    .execute();

  // Each e-mail, claimed before it is sent: the key (an event, or a digest's period) is
  // unique per recipient, so a rerun or a second instance never sends it again.
  await db.schema
    .createTable("notification_mails")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("recipient_id", "text", (c) =>
      c.notNull().references("users.id").onDelete("cascade"),
    )
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("claimed_at", "integer", (c) => c.notNull())
    .addColumn("sent_at", "integer")
    .execute();
  await db.schema
    .createIndex("notification_mails_key")
    .unique()
    .on("notification_mails")
    .columns(["recipient_id", "key"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("notification_mails").execute();
  await db.schema.dropTable("notifications").execute();
}
