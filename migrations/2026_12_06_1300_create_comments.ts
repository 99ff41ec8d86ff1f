import type { Kysely } from "kysely";

// Comment threads of a document: on a range of its rich text (anchored by a mark in the
// Y.Doc that carries the thread's id), on a registry row or on a board card. The text
// stays in the Y.Doc; the quote kept here shows a detached thread when its text is gone.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("comment_threads")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("document_id", "text", (c) =>
      c.notNull().references("documents.id").onDelete("cascade"),
    )
    .addColumn("target_kind", "text", (c) => c.notNull())
    // The row's registry (`row` threads).
    .addColumn("target_table", "text")
    // The row's or card's id; null for text threads.
    .addColumn("target_id", "text")
    .addColumn("quote", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("detached", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addColumn("resolved_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("resolved_at", "integer")
    .execute();
  // One thread per row or card (NULL target ids, text threads, never collide).
  await db.schema
    .createIndex("comment_threads_target")
    .unique()
    .on("comment_threads")
    .columns(["document_id", "target_id"])
    .execute();

  await db.schema
    .createTable("comments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("thread_id", "text", (c) =>
      c.notNull().references("comment_threads.id").onDelete("cascade"),
    )
    .addColumn("author_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addColumn("edited_at", "integer")
    .addColumn("deleted_at", "integer")
    .addColumn("deleted_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await db.schema
    .createIndex("comments_thread")
    .on("comments")
    .columns(["thread_id", "created_at"])
    .execute();

  await db.schema
    .createTable("comment_reactions")
    .addColumn("comment_id", "text", (c) =>
      c.notNull().references("comments.id").onDelete("cascade"),
    )
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("emoji", "text", (c) => c.notNull())
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("comment_reactions_pk", ["comment_id", "user_id", "emoji"])
    .execute();

  await db.schema
    .createTable("comment_mentions")
    .addColumn("comment_id", "text", (c) =>
      c.notNull().references("comments.id").onDelete("cascade"),
    )
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("comment_mentions_pk", ["comment_id", "user_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("comment_mentions").execute();
  await db.schema.dropTable("comment_reactions").execute();
  await db.schema.dropTable("comments").execute();
  await db.schema.dropTable("comment_threads").execute();
}
