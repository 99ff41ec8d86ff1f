import { type Kysely, sql } from "kysely";

// Migrations describe the schema as it was on their day: they import nothing of the app.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull().defaultTo("fr"))
    .addColumn("created_at", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("expires_at", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("poles")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("pole_members")
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("joined_at", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("pole_members_pk", ["pole_id", "user_id"])
    .execute();
  await db.schema.createIndex("pole_members_user").on("pole_members").column("user_id").execute();

  await db.schema
    .createTable("circles")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("parent_id", "text", (c) => c.references("circles.id").onDelete("cascade"))
    .addColumn("created_at", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("circles_pole").on("circles").column("pole_id").execute();

  await db.schema
    .createTable("circle_members")
    .addColumn("circle_id", "text", (c) => c.notNull().references("circles.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("since", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("circle_members_pk", ["circle_id", "user_id"])
    .execute();
  await db.schema
    .createIndex("circle_members_user")
    .on("circle_members")
    .columns(["pole_id", "user_id"])
    .execute();

  // Involvement evolves over time: every placement, move and removal is kept, dated.
  await db.schema
    .createTable("membership_events")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("circle_id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("role", "text")
    .addColumn("actor_id", "text")
    .addColumn("at", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("membership_events_user")
    .on("membership_events")
    .columns(["pole_id", "user_id"])
    .execute();

  await db.schema
    .createTable("invitations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("email", "text")
    .addColumn("pole_role", "text", (c) => c.notNull())
    .addColumn("circles", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addColumn("expires_at", "integer", (c) => c.notNull())
    .addColumn("accepted_at", "integer")
    .addColumn("accepted_by", "text")
    .addColumn("revoked_at", "integer")
    .execute();
  await db.schema.createIndex("invitations_pole").on("invitations").column("pole_id").execute();

  await db.schema
    .createTable("documents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("circle_id", "text", (c) => c.references("circles.id").onDelete("set null"))
    .addColumn("created_by", "text")
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addColumn("updated_at", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("documents_pole").on("documents").column("pole_id").execute();

  // The compacted state of a document; updates received since sit in document_updates.
  await db.schema
    .createTable("document_states")
    .addColumn("document_id", "text", (c) =>
      c.primaryKey().references("documents.id").onDelete("cascade"),
    )
    .addColumn("state", "blob", (c) => c.notNull())
    .addColumn("updated_at", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("document_updates")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("document_id", "text", (c) => c.notNull())
    .addColumn("data", "blob", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("document_updates_doc")
    .on("document_updates")
    .columns(["document_id", "id"])
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("actor_id", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("target", "text")
    .addColumn("details", "text", (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("at", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("audit_log_pole")
    .on("audit_log")
    .columns(["pole_id", "at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "audit_log",
    "document_updates",
    "document_states",
    "documents",
    "invitations",
    "membership_events",
    "circle_members",
    "circles",
    "pole_members",
    "poles",
    "sessions",
    "users",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
