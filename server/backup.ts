/**
 * `npm run backup -- FILE`: a consistent copy of the database while the server runs,
 * through SQLite's online backup API (pages are copied between the server's writes).
 * On PostgreSQL (DATABASE_URL), pg_dump does that job: this says so and exits 2.
 */

import { existsSync } from "node:fs";
import { resolve } from "node:path";
import SQLite from "better-sqlite3";
import { databaseFile } from "./db/database";
import { parseEnv } from "./env";

if (parseEnv().DATABASE_URL) {
  console.error(
    "DATABASE_URL is set: the database is PostgreSQL, whose own tool makes consistent online copies.\n" +
      'Use pg_dump, e.g.: pg_dump --format=custom --file=maillage.dump "$DATABASE_URL"',
  );
  process.exit(2);
}
const target = process.argv[2];
if (!target) {
  console.error("Usage: npm run backup -- FICHIER.sqlite");
  process.exit(2);
}
const source = databaseFile(parseEnv().DATA_DIR);
if (!existsSync(source)) {
  console.error(`No database at ${source}: is DATA_DIR right?`);
  process.exit(1);
}
const sqlite = new SQLite(source, { readonly: true, fileMustExist: true });
try {
  const { totalPages } = await sqlite.backup(resolve(target));
  console.log(`Backup written to ${resolve(target)} (${totalPages} pages).`);
} finally {
  sqlite.close();
}
