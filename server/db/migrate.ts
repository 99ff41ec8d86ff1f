import { type Kysely, Migrator } from "kysely";
import { migrations } from "../../migrations";
import { isPostgres } from "./dialect";
import { PortableSchemaPlugin } from "./portable-schema";

/**
 * Applies every pending migration of migrations/; throws with the failing one's name.
 * On PostgreSQL, Kysely's migrator holds an advisory lock meanwhile, so instances that
 * start together migrate one at a time (the others then find nothing left to do).
 */
// biome-ignore lint/suspicious/noExplicitAny: the migrator runs on any schema, before the app's types apply
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrating = isPostgres(db) ? db.withPlugin(new PortableSchemaPlugin()) : db;
  const migrator = new Migrator({
    db: migrating,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : "";
    throw new Error(`migration failed${name}: ${error instanceof Error ? error.message : error}`);
  }
}
