/**
 * `npm run backup -- FILE`: a consistent copy of the database while the server runs,
 * through SQLite's online backup API (pages are copied between the server's writes).
 */

import { existsSync } from "node:fs";
import { resolve } from "node:path";
import SQLite from "better-sqlite3";
import { databaseFile } from "./db/database";
import { parseEnv } from "./env";

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
