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

/**
 * Runs `work` while no other instance runs work of the same `key`: on PostgreSQL under an
 * advisory lock held by a transaction of its own (`work` itself goes through `db`'s other
 * connections, so it may span several transactions and calls outside the database); on
 * SQLite, one process serves the database and keeps its own work in order. For work that
 * must be done once although every instance hears of it (adopting an amendment).
 */
// biome-ignore lint/suspicious/noExplicitAny: takes any schema's database
export async function exclusively<T>(db: Kysely<any>, key: string, work: () => Promise<T>) {
  if (!isPostgres(db)) return work();
  return db.transaction().execute(async (trx) => {
    await serialize(trx, key);
    return work();
  });
}
