import type { Kysely } from "kysely";

/**
 * Meetings in people's calendars and in series: each meeting's `.ics` revision number
 * (SEQUENCE, raised when its date or place changes or it is cancelled) and its series;
 * the series' rules and backlog (items not covered, proposed for the next meeting);
 * whether an agenda item was covered; and each person's secret calendar feed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("meeting_series")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("circle_id", "text", (c) => c.notNull().references("circles.id").onDelete("cascade"))
    // The rule (shared/meeting-series.ts), as JSON.
    .addColumn("rule", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .alterTable("meetings")
    .addColumn("sequence", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable("meetings")
    .addColumn("series_id", "text", (c) => c.references("meeting_series.id").onDelete("set null"))
    .execute();
  await db.schema
    .alterTable("meeting_agenda_items")
    .addColumn("covered", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable("meeting_backlog")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("series_id", "text", (c) =>
      c.notNull().references("meeting_series.id").onDelete("cascade"),
    )
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("duration_minutes", "integer")
    .addColumn("presenter_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("from_meeting_id", "text", (c) => c.references("meetings.id").onDelete("set null"))
    .addColumn("created_at", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("meeting_backlog_series")
    .on("meeting_backlog")
    .column("series_id")
    .execute();

  await db.schema
    .createTable("calendar_feeds")
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    // SHA-256 of the secret token: the token itself is shown once and never stored.
    .addColumn("token_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("calendar_feeds_pk", ["pole_id", "user_id"])
    .execute();
  await db.schema
    .createIndex("calendar_feeds_token")
    .unique()
    .on("calendar_feeds")
    .column("token_hash")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("calendar_feeds").execute();
  await db.schema.dropTable("meeting_backlog").execute();
  await db.schema.alterTable("meeting_agenda_items").dropColumn("covered").execute();
  await db.schema.alterTable("meetings").dropColumn("series_id").execute();
  await db.schema.alterTable("meetings").dropColumn("sequence").execute();
  await db.schema.dropTable("meeting_series").execute();
}
