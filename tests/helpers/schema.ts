/**
 * The tables and columns of a migrated database, each column with whether it may hold
 * NULL: what server/db/schema.test.ts compares with the `Database` type (on SQLite), and
 * tests/scale/postgres.test.ts with PostgreSQL's.
 */
import { type Kysely, sql } from "kysely";
import type { OpenedDatabase } from "../../server/db/database";

type Schema = Record<string, Record<string, string>>;

/** The tables and columns of a freshly migrated database, in the same shape. */
export function migratedSchema(
  sqlite: OpenedDatabase["sqlite"],
): Record<string, Record<string, string>> {
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%'",
    )
    .all() as Array<{ name: string }>;
  return Object.fromEntries(
    tables.map(({ name }) => {
      const columns = sqlite
        .prepare('SELECT name, "notnull", pk FROM pragma_table_info(?)')
        .all(name) as Array<{ name: string; notnull: number; pk: number }>;
      // SQLite lets a non-integer primary key hold NULL unless told otherwise; nothing
      // inserts one, and the type rightly says it is never null.
      return [
        name,
        Object.fromEntries(columns.map((c) => [c.name, c.notnull || c.pk ? "not null" : "null"])),
      ];
    }),
  );
}

/** The same on PostgreSQL, from information_schema. */
// biome-ignore lint/suspicious/noExplicitAny: read before and whatever the app's types
export async function migratedPostgresSchema(db: Kysely<any>): Promise<Schema> {
  const { rows } = await sql<{ table_name: string; column_name: string; is_nullable: string }>`
    select table_name, column_name, is_nullable from information_schema.columns
    where table_schema = 'public' and table_name not like 'kysely_%'`.execute(db);
  const schema: Schema = {};
  for (const row of rows) {
    schema[row.table_name] ??= {};
    schema[row.table_name][row.column_name] = row.is_nullable === "YES" ? "null" : "not null";
  }
  return schema;
}
