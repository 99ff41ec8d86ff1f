import type { Kysely } from "kysely";

/**
 * How often each person wants each kind e-mailed (no row: the kind's default), and the
 * one-click unsubscribe links of the e-mails sent (SHA-256 of the token only, used once).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("notification_preferences")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("frequency", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("notification_preferences_pk", ["user_id", "kind"])
    .execute();
  await db.schema
    .createTable("unsubscribe_tokens")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    // JSON list of kinds: a digest's link stops every kind it carried.
    .addColumn("kinds", "text", (c) => c.notNull())
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addColumn("used_at", "integer")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("unsubscribe_tokens").execute();
  await db.schema.dropTable("notification_preferences").execute();
}
