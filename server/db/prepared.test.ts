import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { prepared } from "./prepared";

interface Schema {
  t: { n: number; label: string; kind: string };
}

const opened: Kysely<Schema>[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.destroy();
});

function database() {
  const sqlite = new SQLite(":memory:");
  sqlite.exec("create table t (n integer, label text, kind text)");
  sqlite.exec("insert into t values (1, 'un', 'a'), (2, 'deux', 'b'), (3, 'trois', 'a')");
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
  opened.push(db);
  return db;
}

/** The same name twice, and a constant between: each keeps its place. */
const labelsOf = prepared((db: Kysely<Schema>, value: (name: "label" | "other") => string) =>
  db
    .selectFrom("t")
    .select("n")
    .where((eb) => eb.or([eb("label", "=", value("label")), eb("label", "=", value("other"))]))
    .where("kind", "=", "a")
    .where("label", "!=", value("other"))
    .orderBy("n"),
);

describe("a query compiled once", () => {
  it("runs with new values each time, keeping its constants", async () => {
    const db = database();
    expect(await labelsOf(db, { label: "un", other: "deux" })).toEqual([{ n: 1 }]);
    expect(await labelsOf(db, { label: "trois", other: "un" })).toEqual([{ n: 3 }]);
    // "deux" is of kind b: the constant still filters it out.
    expect(await labelsOf(db, { label: "deux", other: "x" })).toEqual([]);
  });

  it("refuses a value pasted into a longer string, which would be run as it is", async () => {
    const like = prepared((db: Kysely<Schema>, value: (name: "q") => string) =>
      db
        .selectFrom("t")
        .select("n")
        .where("label", "like", `%${value("q")}%`),
    );
    await expect(like(database(), { q: "eu" })).rejects.toThrow("must be a whole parameter");
  });

  it("is compiled for each database handle, a transaction included", async () => {
    const [first, second] = [database(), database()];
    await second.insertInto("t").values({ n: 4, label: "quatre", kind: "a" }).execute();
    expect(await labelsOf(first, { label: "quatre", other: "x" })).toEqual([]);
    expect(await labelsOf(second, { label: "quatre", other: "x" })).toEqual([{ n: 4 }]);
    await second.transaction().execute(async (trx) => {
      await trx.insertInto("t").values({ n: 5, label: "cinq", kind: "a" }).execute();
      expect(await labelsOf(trx, { label: "cinq", other: "x" })).toEqual([{ n: 5 }]);
    });
  });
});
