import { type Kysely, PostgresAdapter, sql } from "kysely";

/** Whether `db` speaks to PostgreSQL (else SQLite). */
// biome-ignore lint/suspicious/noExplicitAny: asked of any Kysely instance, whatever its schema
export const isPostgres = (db: Kysely<any>): boolean =>
  db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Makes the transactions that name the same `key` run one after the other, from here to
 * the end of `trx`: on PostgreSQL with an advisory lock (several connections, several
 * instances); SQLite needs nothing, its one connection already runs them one at a time.
 * For a rule checked then written in one transaction ("one project group per card").
 */
// biome-ignore lint/suspicious/noExplicitAny: takes any schema's transaction
export async function serialize(trx: Kysely<any>, key: string): Promise<void> {
  if (isPostgres(trx)) {
    await sql`select pg_advisory_xact_lock(hashtext(${`maillage:${key}`}))`.execute(trx);
  }
}
