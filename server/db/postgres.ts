/**
 * PostgreSQL mode (`DATABASE_URL=postgres://…`): the same `Database` through Kysely's
 * Postgres dialect over a `pg` pool.
 */
import {
  Kysely,
  type PostgresCursor,
  PostgresDialect,
  type PostgresPool,
  type PostgresPoolClient,
  type PostgresQueryResult,
} from "kysely";
import pg from "pg";
import type { DB } from "./database";
import { statementName } from "./prepared";
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
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: naming(pool) }) });
  return { db, pool };
}

/** The pool as Kysely sees it, its clients running prepared() queries as named statements. */
function naming(pool: pg.Pool): PostgresPool {
  // One wrapper per client: Kysely keeps its connection objects by client.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    const run = async (text: string, values: unknown[]): Promise<PostgresQueryResult<unknown>> => {
      const name = statementName(text);
      const { command, rowCount, rows } = await client.query(
        name ? { name, text, values } : { text, values },
      );
      return {
        command: command as PostgresQueryResult<unknown>["command"],
        rowCount: rowCount ?? 0,
        rows,
      };
    };
    function query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>>;
    function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
    function query(
      sql: string | PostgresCursor<unknown>,
      parameters: readonly unknown[] = [],
    ): Promise<PostgresQueryResult<unknown>> | PostgresCursor<unknown> {
      // Kysely only passes cursors when the dialect is given a cursor class; ours is not.
      if (typeof sql !== "string") throw new Error("no cursor in this dialect");
      return run(sql, [...parameters]);
    }
    return { query, release: () => client.release() };
  };
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) {
        wrapper = wrap(client);
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}
