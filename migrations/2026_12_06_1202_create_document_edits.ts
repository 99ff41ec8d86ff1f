import type { Kysely } from "kysely";

/**
 * Who edited which document on which day (UTC), for the activity feed: one row per
 * document, person and day, its last edit time refreshed as they keep writing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("document_edits")
    .addColumn("document_id", "text", (c) =>
      c.notNull().references("documents.id").onDelete("cascade"),
    )
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("last_at", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("document_edits_pk", ["document_id", "user_id", "day"])
    .execute();
  await db.schema
    .createIndex("document_edits_last")
    .on("document_edits")
    .column("last_at")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("document_edits").execute();
}
