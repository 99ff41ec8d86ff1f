import { type Kysely, PostgresAdapter } from "kysely";

/** Whether `db` speaks to PostgreSQL (else SQLite). */
// biome-ignore lint/suspicious/noExplicitAny: asked of any Kysely instance, whatever its schema
export const isPostgres = (db: Kysely<any>): boolean =>
  db.getExecutor().adapter instanceof PostgresAdapter;
