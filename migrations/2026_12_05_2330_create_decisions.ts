import type { Kysely } from "kysely";

// Decisions taken in a circle, their frozen electorate, every vote cast (never overwritten:
// a new row each time, `latest` marks the one that counts), and the pôle's voting colleges.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("colleges")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    // Percent of the votes, 10 to 50 (checked by the domain: the set must sum to 100).
    .addColumn("weight", "real", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("colleges_pole").on("colleges").column("pole_id").execute();

  await db.schema
    .createTable("college_members")
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("college_id", "text", (c) =>
      c.notNull().references("colleges.id").onDelete("cascade"),
    )
    .addPrimaryKeyConstraint("college_members_pk", ["pole_id", "user_id"])
    .execute();

  await db.schema
    .createTable("decisions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("circle_id", "text", (c) => c.notNull().references("circles.id").onDelete("cascade"))
    .addColumn("author_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("method", "text", (c) => c.notNull())
    // Fractions 0–1; threshold only for a qualified majority.
    .addColumn("quorum", "real", (c) => c.notNull().defaultTo(0))
    .addColumn("threshold", "real")
    .addColumn("anonymous", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("closes_at", "integer")
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("outcome", "text")
    .addColumn("opened_at", "integer", (c) => c.notNull())
    .addColumn("closed_at", "integer")
    .addColumn("closed_by", "text")
    // The colleges and their weights as they stood at opening (JSON), for `colleges`.
    .addColumn("colleges", "text")
    // What the decision is about when it is not a free text (amendments come later).
    .addColumn("amendment_id", "text")
    .execute();
  await db.schema
    .createIndex("decisions_log")
    .on("decisions")
    .columns(["pole_id", "opened_at"])
    .execute();
  await db.schema
    .createIndex("decisions_due")
    .on("decisions")
    .columns(["state", "closes_at"])
    .execute();

  await db.schema
    .createTable("decision_electorate")
    .addColumn("decision_id", "text", (c) =>
      c.notNull().references("decisions.id").onDelete("cascade"),
    )
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    // The voter's college at opening (no foreign key: the colleges may change afterwards).
    .addColumn("college_id", "text")
    .addPrimaryKeyConstraint("decision_electorate_pk", ["decision_id", "user_id"])
    .execute();

  await db.schema
    .createTable("decision_votes")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("decision_id", "text", (c) =>
      c.notNull().references("decisions.id").onDelete("cascade"),
    )
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("choice", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("latest", "integer", (c) => c.notNull())
    .addColumn("at", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("decision_votes_latest")
    .on("decision_votes")
    .columns(["decision_id", "latest"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "decision_votes",
    "decision_electorate",
    "decisions",
    "college_members",
    "colleges",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
