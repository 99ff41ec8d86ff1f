import { type Kysely, Migrator } from "kysely";
import { migrations } from "../../migrations";

/** Applies every pending migration of migrations/; throws with the failing one's name. */
// biome-ignore lint/suspicious/noExplicitAny: the migrator runs on any schema, before the app's types apply
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : "";
    throw new Error(`migration failed${name}: ${error instanceof Error ? error.message : error}`);
  }
}
