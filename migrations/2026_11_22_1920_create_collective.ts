import type { Kysely } from "kysely";

// The collective around the platform's circles: the pôle's profile, member structures,
// people's profiles, circle details, onboarding of newcomers and their circle suggestions.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("pole_profiles")
    .addColumn("pole_id", "text", (c) => c.primaryKey().references("poles.id").onDelete("cascade"))
    .addColumn("territory", "text", (c) => c.notNull().defaultTo(""))
    // JSON arrays of strings (communes and EPCI; action logics).
    .addColumn("communes", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("kind", "text")
    .addColumn("action_logics", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("maturity", "text")
    .addColumn("formalisation", "text")
    .addColumn("carrying_structure", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("has_place", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("place", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("updated_at", "integer", (c) => c.notNull())
    .addColumn("updated_by", "text")
    .execute();

  await db.schema
    .createTable("structures")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    // Accent- and case-folded name: one structure per name in a pôle.
    .addColumn("folded_name", "text", (c) => c.notNull())
    .addColumn("legal_form", "text", (c) => c.notNull())
    .addColumn("size_band", "text")
    .addColumn("sectors", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("ess", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_by", "text")
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addUniqueConstraint("structures_pole_name", ["pole_id", "folded_name"])
    .execute();

  await db.schema
    .createTable("people")
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("structure_id", "text", (c) => c.references("structures.id").onDelete("set null"))
    .addColumn("role_in_structure", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("competencies", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("brings", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("seeks", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("interest", "text")
    .addColumn("updated_at", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("people_pk", ["pole_id", "user_id"])
    .execute();

  await db.schema
    .createTable("circle_details")
    .addColumn("circle_id", "text", (c) =>
      c.primaryKey().references("circles.id").onDelete("cascade"),
    )
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("theme", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .execute();

  await db.schema
    .createTable("onboardings")
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("started_at", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("onboardings_pk", ["pole_id", "user_id"])
    .execute();

  await db.schema
    .createTable("onboarding_steps")
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("step", "text", (c) => c.notNull())
    .addColumn("done_at", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("onboarding_steps_pk", ["pole_id", "user_id", "step"])
    .execute();

  await db.schema
    .createTable("circle_suggestions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("circle_id", "text", (c) => c.notNull().references("circles.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("interest", "text", (c) => c.notNull())
    // pending, then confirmed (as suggested or changed by a coordinator) or dismissed.
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addColumn("decided_at", "integer")
    .addColumn("decided_by", "text")
    .execute();
  await db.schema
    .createIndex("circle_suggestions_pole")
    .on("circle_suggestions")
    .columns(["pole_id", "state"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "circle_suggestions",
    "onboarding_steps",
    "onboardings",
    "circle_details",
    "people",
    "structures",
    "pole_profiles",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
