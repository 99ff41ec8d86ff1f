import type { Kysely } from "kysely";

// Meetings of a circle: each owns its minutes (a document of kind `minutes`), an ordered
// agenda, everyone's answer to the invitation, and the tasks written during it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("meetings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("circle_id", "text", (c) => c.notNull().references("circles.id").onDelete("cascade"))
    .addColumn("document_id", "text", (c) =>
      c.notNull().references("documents.id").onDelete("cascade"),
    )
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("starts_at", "integer", (c) => c.notNull())
    .addColumn("ends_at", "integer", (c) => c.notNull())
    .addColumn("place", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("video_url", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("state", "text", (c) => c.notNull())
    // The `minutes` version stored when it closed.
    .addColumn("minutes_version_id", "text")
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addColumn("closed_at", "integer")
    .execute();
  await db.schema
    .createIndex("meetings_circle")
    .on("meetings")
    .columns(["circle_id", "starts_at"])
    .execute();
  await db.schema
    .createIndex("meetings_document")
    .unique()
    .on("meetings")
    .column("document_id")
    .execute();

  await db.schema
    .createTable("meeting_agenda_items")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("meeting_id", "text", (c) =>
      c.notNull().references("meetings.id").onDelete("cascade"),
    )
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("duration_minutes", "integer")
    .addColumn("presenter_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("decision_id", "text", (c) => c.references("decisions.id").onDelete("set null"))
    .execute();
  await db.schema
    .createIndex("meeting_agenda_items_meeting")
    .on("meeting_agenda_items")
    .columns(["meeting_id", "position"])
    .execute();

  await db.schema
    .createTable("meeting_attendance")
    .addColumn("meeting_id", "text", (c) =>
      c.notNull().references("meetings.id").onDelete("cascade"),
    )
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("proxy_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("answered_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("answered_at", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("meeting_attendance_pk", ["meeting_id", "user_id"])
    .execute();

  await db.schema
    .createTable("meeting_tasks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("circle_id", "text", (c) => c.notNull().references("circles.id").onDelete("cascade"))
    .addColumn("meeting_id", "text", (c) => c.references("meetings.id").onDelete("set null"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("assignee_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    // A calendar day, YYYY-MM-DD.
    .addColumn("due_on", "text")
    .addColumn("done", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("meeting_tasks_assignee")
    .on("meeting_tasks")
    .columns(["assignee_id", "done"])
    .execute();
  await db.schema
    .createIndex("meeting_tasks_circle")
    .on("meeting_tasks")
    .column("circle_id")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("meeting_tasks").execute();
  await db.schema.dropTable("meeting_attendance").execute();
  await db.schema.dropTable("meeting_agenda_items").execute();
  await db.schema.dropTable("meetings").execute();
}
