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

/** The work of each key (of every key, on PostgreSQL) under way here, the last one queued. */
const underWay = new Map<string, Promise<unknown>>();

/**
 * Runs `work` while nothing else runs work of the same `key`: after this process's earlier
 * work of that key, and on PostgreSQL under an advisory lock, held by a transaction of its
 * own, against the other instances. `work` goes through `db` itself, so it may span
 * several transactions and calls outside the database (where `serialize` needs one
 * transaction). For work done once although every instance hears of it (adopting an
 * amendment), or checked then written across transactions.
 *
 * On PostgreSQL this process runs such work one at a time, whatever its key: each lock
 * holds a pooled connection while its work takes others, so several at once could hold
 * the whole pool and wait for it forever. `work` must not call `exclusively` itself.
 */
export async function exclusively<T>(
  // biome-ignore lint/suspicious/noExplicitAny: takes any schema's database
  db: Kysely<any>,
  key: string,
  work: () => Promise<T>,
): Promise<T> {
  const locked = () =>
    isPostgres(db)
      ? db.transaction().execute(async (trx) => {
          await serialize(trx, key);
          return work();
        })
      : work();
  const turn = isPostgres(db) ? "postgres" : key;
  const mine = (underWay.get(turn) ?? Promise.resolve()).catch(() => {}).then(locked);
  underWay.set(turn, mine);
  try {
    return await mine;
  } finally {
    if (underWay.get(turn) === mine) underWay.delete(turn);
  }
}
