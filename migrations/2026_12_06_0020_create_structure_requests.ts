import type { Kysely } from "kysely";

/**
 * Requests to join a member structure, waiting for one of its people or a coordinator to
 * accept or refuse them: one pending request per person and pôle (asking for another
 * structure replaces it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("structure_requests")
    .addColumn("pole_id", "text", (c) => c.notNull().references("poles.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("structure_id", "text", (c) =>
      c.notNull().references("structures.id").onDelete("cascade"),
    )
    .addColumn("requested_at", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("structure_requests_pk", ["pole_id", "user_id"])
    .execute();
  await db.schema
    .createIndex("structure_requests_structure")
    .on("structure_requests")
    .column("structure_id")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("structure_requests").execute();
}
