/**
 * `npm run backup -- FILE`: a consistent copy of the database, through SQLite's online
 * backup API. The running server holds the file in exclusive locking mode, so it is the
 * one that makes the copy, asked on its loopback backup channel (db/backup-channel.ts);
 * with no server running, this opens the file and copies it itself.
 * On PostgreSQL (DATABASE_URL), pg_dump does that job: this says so and exits 2.
 */

import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import SQLite from "better-sqlite3";
import {
  type BackupAnswer,
  BackupAnswerSchema,
  type BackupChannel,
  BackupChannelSchema,
  backupChannelFile,
  copyDatabase,
} from "./db/backup";
import { databaseFile } from "./db/database";
import { parseEnv } from "./env";

/** The running server's channel, or null when no server left one. */
function channelOf(dataDir: string): BackupChannel | null {
  const file = backupChannelFile(dataDir);
  if (!existsSync(file)) return null;
  return BackupChannelSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}

const refused = (error: unknown) =>
  error instanceof TypeError &&
  error.cause instanceof Error &&
  "code" in error.cause &&
  error.cause.code === "ECONNREFUSED";

/** The server's answer; null when nothing listens any more (a server killed left its file). */
async function askServer(channel: BackupChannel, target: string): Promise<BackupAnswer | null> {
  let response: Response;
  try {
    response = await fetch(`${channel.url}/backup`, {
      method: "POST",
      headers: { authorization: `Bearer ${channel.secret}`, "content-type": "application/json" },
      body: JSON.stringify({ file: target }),
    });
  } catch (error) {
    if (refused(error)) return null;
    throw error;
  }
  const body: unknown = await response.json();
  if (!response.ok) {
    const message = (body as { error?: { message?: string } }).error?.message;
    throw new Error(`The server refused the backup (${response.status}): ${message ?? ""}`);
  }
  return BackupAnswerSchema.parse(body);
}

/** No server runs: the file is free to open. */
async function copyItself(source: string, target: string): Promise<BackupAnswer> {
  const sqlite = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    return { file: target, pages: await copyDatabase(sqlite, target) };
  } finally {
    sqlite.close();
  }
}

async function main() {
  const env = parseEnv();
  if (env.DATABASE_URL) {
    console.error(
      "DATABASE_URL is set: the database is PostgreSQL, whose own tool makes consistent online copies.\n" +
        'Use pg_dump, e.g.: pg_dump --format=custom --file=maillage.dump "$DATABASE_URL"',
    );
    return 2;
  }
  const target = process.argv[2];
  if (!target) {
    console.error("Usage: npm run backup -- FICHIER.sqlite");
    return 2;
  }
  const source = databaseFile(env.DATA_DIR);
  if (!existsSync(source)) {
    console.error(`No database at ${source}: is DATA_DIR right?`);
    return 1;
  }
  const channel = channelOf(env.DATA_DIR);
  const byServer = channel ? await askServer(channel, resolve(target)) : null;
  const answer = byServer ?? (await copyItself(source, resolve(target)));
  console.log(
    `Backup written to ${answer.file} (${answer.pages} pages${byServer ? ", by the running server" : ""}).`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
