import type { Kysely } from "kysely";

/**
 * Self-assessment on the Labo de l'ESS référentiel: the pôle's own indicators and those it
 * hides, campaigns with the people asked to answer (frozen at opening), everyone's answers
 * (read back only by their author) and the maturity level the steering committee gives
 * each Godin marker.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("maturity_indicators")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("objective", "text", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("maturity_hidden_indicators")
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("indicator_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("maturity_hidden_indicators_pk", ["pole_id", "indicator_id"])
    .execute();

  await db.schema
    .createTable("maturity_campaigns")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    // Calendar days, YYYY-MM-DD, both inclusive.
    .addColumn("opens_on", "text", (c) => c.notNull())
    .addColumn("closes_on", "text", (c) => c.notNull())
    .addColumn("audience", "text", (c) => c.notNull())
    .addColumn("audience_circle_id", "text", (c) => c.references("circles.id").onDelete("set null"))
    // JSON: the indicators asked, frozen at opening ([{ id, objective, label }]).
    .addColumn("indicators", "text", (c) => c.notNull())
    .addColumn("sheet_document_id", "text", (c) =>
      c.notNull().references("documents.id").onDelete("cascade"),
    )
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addColumn("closed_at", "integer")
    .addColumn("closed_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await db.schema
    .createIndex("maturity_campaigns_pole")
    .on("maturity_campaigns")
    .columns(["pole_id", "created_at"])
    .execute();

  await db.schema
    .createTable("maturity_respondents")
    .addColumn("campaign_id", "text", (c) =>
      c.notNull().references("maturity_campaigns.id").onDelete("cascade"),
    )
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("maturity_respondents_pk", ["campaign_id", "user_id"])
    .execute();

  await db.schema
    .createTable("maturity_answers")
    .addColumn("campaign_id", "text", (c) =>
      c.notNull().references("maturity_campaigns.id").onDelete("cascade"),
    )
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("indicator_id", "text", (c) => c.notNull())
    .addColumn("importance", "integer")
    .addColumn("standing", "integer")
    .addColumn("comment", "text", (c) => c.notNull().defaultTo(""))
    // JSON: [{ kind, id, label }], links to evidence in the workspace.
    .addColumn("evidence", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("updated_at", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("maturity_answers_pk", ["campaign_id", "user_id", "indicator_id"])
    .execute();

  await db.schema
    .createTable("maturity_marker_levels")
    .addColumn("campaign_id", "text", (c) =>
      c.notNull().references("maturity_campaigns.id").onDelete("cascade"),
    )
    .addColumn("marker", "text", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("set_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("set_at", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("maturity_marker_levels_pk", ["campaign_id", "marker"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "maturity_marker_levels",
    "maturity_answers",
    "maturity_respondents",
    "maturity_campaigns",
    "maturity_hidden_indicators",
    "maturity_indicators",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
