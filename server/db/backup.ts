/**
 * A consistent copy of the SQLite database, and where a running server says how to ask it
 * for one: what the server's backup channel and `npm run backup` share.
 */
import { join } from "node:path";
import type SQLite from "better-sqlite3";
import { z } from "zod";

/** Next to the database, readable by its owner only (0600): the channel's address and secret. */
export const backupChannelFile = (dataDir: string) => join(dataDir, "maillage.backup-channel.json");

export const BackupChannelSchema = z.object({
  url: z.url(),
  secret: z.string().min(32),
});
export type BackupChannel = z.infer<typeof BackupChannelSchema>;

export const BackupAnswerSchema = z.object({ file: z.string(), pages: z.number().int() });
export type BackupAnswer = z.infer<typeof BackupAnswerSchema>;

const ATTEMPTS = 50;
const RETRY_MS = 20;

/**
 * SQLite's online backup, a few pages per event-loop turn; the connection's own writes in
 * between reach the copy too. A step refused because this connection is inside a write
 * transaction at that moment (SQLITE_LOCKED/BUSY) is retried from the start a little later.
 */
export async function copyDatabase(sqlite: SQLite.Database, target: string): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { totalPages } = await sqlite.backup(target);
      return totalPages;
    } catch (error) {
      const busy =
        error instanceof Error &&
        "code" in error &&
        (error.code === "SQLITE_LOCKED" || error.code === "SQLITE_BUSY");
      if (!busy || attempt === ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}
