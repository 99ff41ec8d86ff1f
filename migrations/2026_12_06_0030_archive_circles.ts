import type { Kysely } from "kysely";

/**
 * Groups are archived or deleted, their documents never lost: an archived document stays
 * readable (read-only) and listed in the pôle's archives until a coordinator restores it.
 * A deleted circle keeps its row (its name for the archives and the history), marked.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("circles").addColumn("archived_at", "integer").execute();
  await db.schema.alterTable("circles").addColumn("deleted_at", "integer").execute();
  await db.schema.alterTable("documents").addColumn("archived_at", "integer").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("documents").dropColumn("archived_at").execute();
  await db.schema.alterTable("circles").dropColumn("deleted_at").execute();
  await db.schema.alterTable("circles").dropColumn("archived_at").execute();
}
