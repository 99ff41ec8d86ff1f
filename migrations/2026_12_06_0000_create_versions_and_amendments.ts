import type { Kysely } from "kysely";

// Versions of every document (whole Yjs states, v2-encoded, so live documents stay
// garbage-collected), and amendments to a charter: each its own document, based on a
// version of the charter.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("document_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("document_id", "text", (c) =>
      c.notNull().references("documents.id").onDelete("cascade"),
    )
    // Counts up from 1 per document; never reused, even after thinning.
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name", "text")
    .addColumn("state", "blob", (c) => c.notNull())
    .addColumn("state_vector", "blob", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("author_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addColumn("decision_id", "text")
    .execute();
  await db.schema
    .createIndex("document_versions_number")
    .unique()
    .on("document_versions")
    .columns(["document_id", "number"])
    .execute();

  await db.schema
    .createTable("amendments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("charter_id", "text", (c) =>
      c.notNull().references("documents.id").onDelete("cascade"),
    )
    .addColumn("document_id", "text", (c) =>
      c.notNull().references("documents.id").onDelete("cascade"),
    )
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("rationale", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("author_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("base_version_id", "text", (c) => c.notNull())
    .addColumn("decision_id", "text")
    // Set once its changes are merged into the charter (after an adoption).
    .addColumn("adopted_version_id", "text")
    .addColumn("created_at", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("amendments_charter").on("amendments").column("charter_id").execute();
  await db.schema
    .createIndex("amendments_document")
    .unique()
    .on("amendments")
    .column("document_id")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("amendments").execute();
  await db.schema.dropTable("document_versions").execute();
}
