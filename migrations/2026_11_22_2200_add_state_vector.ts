import type { Kysely } from "kysely";

/**
 * The state vector of each stored state, written with it at compaction: a document can then
 * answer a first connection from the stored bytes without decoding them (null for states
 * written otherwise, which are decoded at load as before).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("document_states").addColumn("state_vector", "blob").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("document_states").dropColumn("state_vector").execute();
}
