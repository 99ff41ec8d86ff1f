import { mkdirSync } from "node:fs";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { Database } from "./schema";

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
 */
export function openDatabase(dataDir: string, durability: Durability = "normal"): OpenedDatabase {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new SQLite(databaseFile(dataDir));
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma(`synchronous = ${durability === "full" ? "FULL" : "NORMAL"}`);
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, sqlite };
}
