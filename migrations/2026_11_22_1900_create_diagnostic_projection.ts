import type { Kysely } from "kysely";

/**
 * The SQL side of the territorial diagnostic: a read projection of its tables (refreshed
 * when the document is stored; read by the completeness summary and search), and the link
 * from a thematic group back to the diagnostic theme it was created for.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("diagnostic_rows")
    .addColumn("document_id", "text", (c) =>
      c.notNull().references("documents.id").onDelete("cascade"),
    )
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("registry", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    // Null for a malformed row without a usable id.
    .addColumn("row_id", "text")
    .addColumn("title", "text", (c) => c.notNull())
    // JSON of the row as read (parsed fields, or what could be read of a malformed one).
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("malformed", "integer", (c) => c.notNull())
    .addColumn("issues", "text")
    .addPrimaryKeyConstraint("diagnostic_rows_pk", ["document_id", "registry", "position"])
    .execute();
  await db.schema
    .createIndex("diagnostic_rows_pole")
    .on("diagnostic_rows")
    .columns(["pole_id", "registry"])
    .execute();

  await db.schema
    .createTable("diagnostic_summaries")
    .addColumn("document_id", "text", (c) =>
      c.primaryKey().references("documents.id").onDelete("cascade"),
    )
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    // JSON: the completeness measure (shared/diagnostic.ts) and the row counts per table.
    .addColumn("completeness", "text", (c) => c.notNull())
    .addColumn("counts", "text", (c) => c.notNull())
    .addColumn("projected_at", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("diagnostic_theme_circles")
    .addColumn("circle_id", "text", (c) =>
      c.primaryKey().references("circles.id").onDelete("cascade"),
    )
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("document_id", "text", (c) =>
      c.notNull().references("documents.id").onDelete("cascade"),
    )
    .addColumn("theme_id", "text", (c) => c.notNull())
    .addColumn("linked_by", "text")
    .addColumn("linked_at", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("diagnostic_theme_circles_theme")
    .on("diagnostic_theme_circles")
    .columns(["document_id", "theme_id"])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("diagnostic_theme_circles").execute();
  await db.schema.dropTable("diagnostic_summaries").execute();
  await db.schema.dropTable("diagnostic_rows").execute();
}
