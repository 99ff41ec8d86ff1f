import type { Kysely } from "kysely";

/**
 * The SQL side of project boards: a read projection of every board's cards (refreshed when
 * a board is stored, read by the portfolio), and the links the server makes between a card
 * and its project group and project page.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("board_cards")
    .addColumn("board_id", "text", (c) =>
      c.notNull().references("documents.id").onDelete("cascade"),
    )
    .addColumn("card_id", "text", (c) => c.notNull())
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("column_id", "text", (c) => c.notNull())
    .addColumn("column_title", "text", (c) => c.notNull())
    .addColumn("column_position", "integer", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("carrier_mode", "text", (c) => c.notNull())
    .addColumn("jobs_created", "real", (c) => c.notNull())
    .addColumn("jobs_kept", "real", (c) => c.notNull())
    .addPrimaryKeyConstraint("board_cards_pk", ["board_id", "card_id"])
    .execute();
  await db.schema.createIndex("board_cards_pole").on("board_cards").column("pole_id").execute();

  await db.schema
    .createTable("board_card_funding")
    .addColumn("board_id", "text", (c) =>
      c.notNull().references("documents.id").onDelete("cascade"),
    )
    .addColumn("card_id", "text", (c) => c.notNull())
    .addColumn("line_id", "text", (c) => c.notNull())
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("funder", "text", (c) => c.notNull())
    .addColumn("scheme", "text", (c) => c.notNull())
    .addColumn("amount_cents", "integer", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("board_card_funding_pk", ["board_id", "card_id", "line_id"])
    .execute();
  await db.schema
    .createIndex("board_card_funding_pole")
    .on("board_card_funding")
    .column("pole_id")
    .execute();

  await db.schema
    .createTable("board_card_milestones")
    .addColumn("board_id", "text", (c) =>
      c.notNull().references("documents.id").onDelete("cascade"),
    )
    .addColumn("card_id", "text", (c) => c.notNull())
    .addColumn("milestone_id", "text", (c) => c.notNull())
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("done", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("board_card_milestones_pk", ["board_id", "card_id", "milestone_id"])
    .execute();
  await db.schema
    .createIndex("board_card_milestones_pole")
    .on("board_card_milestones")
    .columns(["pole_id", "date"])
    .execute();

  // Which needs of the diagnostic each project answers (the diagnostic's rows keep their ids).
  await db.schema
    .createTable("board_card_needs")
    .addColumn("board_id", "text", (c) =>
      c.notNull().references("documents.id").onDelete("cascade"),
    )
    .addColumn("card_id", "text", (c) => c.notNull())
    .addColumn("need_id", "text", (c) => c.notNull())
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("board_card_needs_pk", ["board_id", "card_id", "need_id"])
    .execute();
  await db.schema
    .createIndex("board_card_needs_need")
    .on("board_card_needs")
    .columns(["pole_id", "need_id"])
    .execute();

  // Made by the server, so it holds even before (or without) the card's copy in the Y.Doc.
  await db.schema
    .createTable("board_card_links")
    .addColumn("board_id", "text", (c) =>
      c.notNull().references("documents.id").onDelete("cascade"),
    )
    .addColumn("card_id", "text", (c) => c.notNull())
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("project_circle_id", "text", (c) => c.references("circles.id").onDelete("set null"))
    .addColumn("project_document_id", "text", (c) =>
      c.references("documents.id").onDelete("set null"),
    )
    .addColumn("created_by", "text")
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("board_card_links_pk", ["board_id", "card_id"])
    .execute();
  await db.schema
    .createIndex("board_card_links_circle")
    .on("board_card_links")
    .column("project_circle_id")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "board_card_links",
    "board_card_needs",
    "board_card_milestones",
    "board_card_funding",
    "board_cards",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
