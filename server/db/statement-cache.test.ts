import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { withStatementCache } from "./statement-cache";

const opened: SQLite.Database[] = [];
afterEach(() => {
  for (const sqlite of opened.splice(0)) sqlite.close();
});

function database(size?: number) {
  const sqlite = new SQLite(":memory:");
  opened.push(sqlite);
  sqlite.exec("create table t (n integer)");
  return { sqlite, cached: withStatementCache(sqlite, size) };
}

describe("the SQLite statement cache", () => {
  it("hands out the same statement for the same SQL, and a new one past its size", () => {
    const { cached } = database(2);
    const first = cached.prepare("select 1");
    expect(cached.prepare("select 1")).toBe(first);
    cached.prepare("select 2");
    cached.prepare("select 1");
    cached.prepare("select 3");
    // "select 2" was the least recently used: dropped; "select 1" was kept.
    expect(cached.prepare("select 1")).toBe(first);
    const second = cached.prepare("select 2");
    expect(cached.prepare("select 2")).toBe(second);
  });

  it("never hands out a statement that is still iterating", () => {
    const { sqlite, cached } = database();
    sqlite.exec("insert into t values (1), (2)");
    const statement = cached.prepare("select n from t");
    const rows = statement.iterate([]);
    rows.next();
    const other = cached.prepare("select n from t");
    expect(other).not.toBe(statement);
    expect(other.all([])).toEqual([{ n: 1 }, { n: 2 }]);
    rows.return?.();
  });

  it("serves Kysely: reads, writes and transactions give the same answers as without it", async () => {
    const { cached } = database();
    const db = new Kysely<{ t: { n: number } }>({
      dialect: new SqliteDialect({ database: cached }),
    });
    await db.transaction().execute(async (trx) => {
      for (const n of [1, 2, 3]) await trx.insertInto("t").values({ n }).execute();
    });
    const { numDeletedRows } = await db
      .deleteFrom("t")
      .where("n", "=", 2)
      .executeTakeFirstOrThrow();
    expect(numDeletedRows).toBe(1n);
    expect(await db.selectFrom("t").select("n").orderBy("n").execute()).toEqual([
      { n: 1 },
      { n: 3 },
    ]);
    expect((await sql<{ c: number }>`select count(*) as c from t`.execute(db)).rows).toEqual([
      { c: 2 },
    ]);
  });
});
