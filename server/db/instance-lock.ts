import type pg from "pg";

/** Arbitrary, fixed: the advisory lock key every Maillage instance takes on its database. */
const INSTANCES_KEY = 0x6d61696c;

/**
 * One instance on a PostgreSQL database without Redis would keep its documents and
 * sockets to itself: a second one would serve stale copies. An instance without REDIS_URL
 * holds the instances' advisory lock exclusively, those with REDIS_URL hold it shared, for
 * as long as they run (a session lock: it goes with the process, even killed). The one
 * that cannot take it refuses to start. Answers how to let go of it.
 */
export async function claimInstanceLock(pool: pg.Pool, withRedis: boolean): Promise<() => void> {
  const client = await pool.connect();
  client.on("error", () => {});
  const take = withRedis ? "pg_try_advisory_lock_shared" : "pg_try_advisory_lock";
  const { rows } = await client.query<{ held: boolean }>(`select ${take}($1) as held`, [
    INSTANCES_KEY,
  ]);
  if (!rows[0]?.held) {
    client.release();
    throw new Error(
      withRedis
        ? "Another instance serves this DATABASE_URL without REDIS_URL: stop it, or start every instance with the same REDIS_URL."
        : "Another instance already serves this DATABASE_URL: several instances need REDIS_URL (the same for all); without it, run only one.",
    );
  }
  // Destroyed rather than returned to the pool: closing the connection releases the lock.
  return () => client.release(true);
}
