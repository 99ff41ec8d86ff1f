import type { Kysely } from "kysely";

// What an agenda item points to (a need of the diagnostic, a card of a board, an amendment
// of the charter), and the board card a task was turned into: one card per task.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("meeting_item_links")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("meeting_id", "text", (c) =>
      c.notNull().references("meetings.id").onDelete("cascade"),
    )
    .addColumn("item_id", "text", (c) =>
      c.notNull().references("meeting_agenda_items.id").onDelete("cascade"),
    )
    .addColumn("kind", "text", (c) => c.notNull())
    // The document the target lives in (the diagnostic, a board, the amendment's own).
    .addColumn("document_id", "text", (c) =>
      c.notNull().references("documents.id").onDelete("cascade"),
    )
    // The need's row id, the card's id, the amendment's id.
    .addColumn("target_id", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("meeting_item_links_target")
    .unique()
    .on("meeting_item_links")
    .columns(["item_id", "kind", "target_id"])
    .execute();
  await db.schema
    .createIndex("meeting_item_links_meeting")
    .on("meeting_item_links")
    .column("meeting_id")
    .execute();

  await db.schema
    .createTable("task_cards")
    .addColumn("task_id", "text", (c) =>
      c.primaryKey().references("meeting_tasks.id").onDelete("cascade"),
    )
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("board_id", "text", (c) =>
      c.notNull().references("documents.id").onDelete("cascade"),
    )
    .addColumn("card_id", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("task_cards_card")
    .unique()
    .on("task_cards")
    .columns(["board_id", "card_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("task_cards").execute();
  await db.schema.dropTable("meeting_item_links").execute();
}
