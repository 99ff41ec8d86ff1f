import { mkdirSync } from "node:fs";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { Database } from "./schema";
import { withStatementCache } from "./statement-cache";

export type DB = Kysely<Database>;

export interface OpenedDatabase {
  db: DB;
  /** The raw handle, for the sync layer's hot path and online backups. */
  sqlite: SQLite.Database;
}

export type Durability = "normal" | "full";

export const databaseFile = (dataDir: string) => join(dataDir, "maillage.sqlite");

/**
 * WAL with synchronous=NORMAL survives a killed process (what the sync layer promises);
 * FULL also survives a power cut, at the price of an fsync per commit.
 *
 * The file belongs to this one connection (locking_mode EXCLUSIVE, set before WAL so that
 * SQLite keeps the WAL index in memory, without a -shm file): commits then take no file
 * lock, which was four of the nine system calls of every commit on the relay's path.
 * Nothing else may open the file while the server runs; `npm run backup` asks the server
 * to make its copy (backup-channel.ts). The lock is taken at once, so that a second
 * server on the same DATA_DIR refuses to start instead of failing later.
 */
export function openDatabase(dataDir: string, durability: Durability = "normal"): OpenedDatabase {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new SQLite(databaseFile(dataDir));
  try {
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("locking_mode = EXCLUSIVE");
    sqlite.pragma("journal_mode = WAL");
    sqlite.exec("BEGIN IMMEDIATE; COMMIT");
  } catch (error) {
    sqlite.close();
    if (error instanceof SQLite.SqliteError && error.code === "SQLITE_BUSY") {
      throw new Error(
        `${databaseFile(dataDir)} is in use by another process (another Maillage server on this DATA_DIR?).`,
      );
    }
    throw error;
  }
  sqlite.pragma(`synchronous = ${durability === "full" ? "FULL" : "NORMAL"}`);
  sqlite.pragma("foreign_keys = ON");
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return { db, sqlite };
}
