/**
 * What one commit of the relay's path costs: N appends of a small update, each in its own
 * transaction as the sync layer makes one per event-loop turn, through the store on the
 * raw SQLite handle, on a migrated database opened in exclusive locking mode as the
 * server opens it, or in normal mode (`normal`: how it was opened before, for comparison).
 * Run it under strace to count system calls per commit: the difference between two
 * counts divided by the difference of N.
 *
 *   node --import tsx bench/commits.ts 20000 normal
 *   strace -f -c -o /tmp/commits-0.txt node --import tsx bench/commits.ts 0
 *   strace -f -c -o /tmp/commits-20k.txt node --import tsx bench/commits.ts 20000
 */
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { databaseFile } from "../server/db/database";
import type { Database } from "../server/db/schema";
import { createSqliteStore } from "../server/storage/sqlite";
import { openDocumentDatabase } from "../tests/helpers/document-db";

const commits = Number(process.argv[2] ?? 10_000);
const normal = process.argv[3] === "normal";
const prepared = await openDocumentDatabase("page-1");
const dataDir = prepared.sqlite.name.replace(/\/[^/]+$/, "");
let sqlite = prepared.sqlite;
if (normal) {
  await prepared.db.destroy();
  sqlite = new SQLite(databaseFile(dataDir));
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
}
const db = normal
  ? new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  : prepared.db;
const store = createSqliteStore(db, sqlite);
const update = new Uint8Array(24).fill(7);
const started = performance.now();
const cpu = process.cpuUsage();
for (let i = 0; i < commits; i++) await store.append([{ documentId: "page-1", data: update }]);
const { user, system } = process.cpuUsage(cpu);
const elapsed = performance.now() - started;
const each = (total: number) => (total / Math.max(1, commits)).toFixed(1);
console.log(
  `${normal ? "normal" : "exclusive"} locking: ${commits} commits in ${elapsed.toFixed(0)} ms: ` +
    `${each(1000 * elapsed)} µs each, CPU ${each(user)} µs user + ${each(system)} µs system`,
);
if (normal) await db.destroy();
await prepared.remove();
