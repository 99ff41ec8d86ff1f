/**
 * PostgreSQL mode (`DATABASE_URL=postgres://…`): the same `Database` through Kysely's
 * Postgres dialect over a `pg` pool.
 */
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { DB } from "./database";
import type { Database } from "./schema";

const INT8 = 20;
const NUMERIC = 1700;

/**
 * Times are milliseconds and ids counters, stored as bigint; `pg` answers bigint (and the
 * numeric of a sum over them) as strings to be safe beyond 2^53, which none of ours reach.
 * The domain reads numbers, as it does from SQLite.
 */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format ?? "text");
  },
};

export interface PostgresDatabase {
  db: DB;
  pool: pg.Pool;
}

export function openPostgres(url: string, maxConnections = 10): PostgresDatabase {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections, types });
  // An idle client whose server went away emits here; the pool replaces it.
  pool.on("error", () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool };
}
