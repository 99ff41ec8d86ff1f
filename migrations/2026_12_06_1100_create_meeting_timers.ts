import type { Kysely } from "kysely";

// The timer of a running meeting: which agenda item is being discussed and since when it
// runs (null while paused), and the time each item has taken so far, banked at each pause
// or change of item.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("meeting_timers")
    .addColumn("meeting_id", "text", (c) =>
      c.primaryKey().references("meetings.id").onDelete("cascade"),
    )
    .addColumn("item_id", "text", (c) =>
      c.notNull().references("meeting_agenda_items.id").onDelete("cascade"),
    )
    .addColumn("running_since", "integer")
    .addColumn("updated_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("updated_at", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("meeting_item_times")
    .addColumn("item_id", "text", (c) =>
      c.primaryKey().references("meeting_agenda_items.id").onDelete("cascade"),
    )
    .addColumn("meeting_id", "text", (c) =>
      c.notNull().references("meetings.id").onDelete("cascade"),
    )
    .addColumn("elapsed_ms", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("meeting_item_times_meeting")
    .on("meeting_item_times")
    .column("meeting_id")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("meeting_item_times").execute();
  await db.schema.dropTable("meeting_timers").execute();
}
