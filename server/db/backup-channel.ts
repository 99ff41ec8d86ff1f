/**
 * The running server makes `npm run backup`'s copy: the database is held in exclusive
 * locking mode, so no other process may open it. A small HTTP listener bound to loopback
 * only answers one route, to whoever shows the secret that the server wrote next to the
 * database, readable by its owner only (whoever can read that file can read the database).
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { dirname, isAbsolute, resolve } from "node:path";
import { serve } from "@hono/node-server";
import type SQLite from "better-sqlite3";
import { Hono } from "hono";
import type { Logger } from "pino";
import { z } from "zod";
import { DomainError } from "../domain/errors";
import { clientAddress, plainAddress } from "../http/address";
import { handleError, sendError } from "../http/errors";
import { jsonBody } from "../http/validate";
import { type BackupAnswer, backupChannelFile, copyDatabase } from "./backup";
import { databaseFile } from "./database";

export interface OpenedBackupChannel {
  url: string;
  /** Stops listening, waits for the copies under way, removes the secret's file. */
  close(): Promise<void>;
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6. */
export function isLoopback(address: string): boolean {
  const plain = plainAddress(address);
  return plain === "::1" || /^127\.\d+\.\d+\.\d+$/.test(plain);
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Compared in constant time: the secret must not leak through how fast it is refused. */
const sameSecret = (given: string, secret: string) =>
  timingSafeEqual(digest(given), digest(secret));

const BackupRequestSchema = z.object({
  file: z.string().min(1).refine(isAbsolute, "un chemin absolu est attendu"),
});

/** Where a copy may go: a new or replaced file in an existing folder, never the database itself. */
export function checkBackupTarget(dataDir: string, file: string): string {
  const target = resolve(file);
  const database = databaseFile(dataDir);
  if ([database, `${database}-wal`, `${database}-shm`].includes(target)) {
    throw new DomainError("invalid_input", "La copie ne peut pas remplacer la base elle-même.");
  }
  if (!existsSync(dirname(target)) || !statSync(dirname(target)).isDirectory()) {
    throw new DomainError("invalid_input", `Le dossier ${dirname(target)} n'existe pas.`);
  }
  if (existsSync(target) && statSync(target).isDirectory()) {
    throw new DomainError("invalid_input", `${target} est un dossier, pas un fichier.`);
  }
  return target;
}

export async function openBackupChannel(
  sqlite: SQLite.Database,
  dataDir: string,
  logger: Logger,
): Promise<OpenedBackupChannel> {
  const secret = randomBytes(32).toString("base64url");
  const copies = new Set<Promise<number>>();
  const app = new Hono();
  app.onError(handleError(logger));
  app.use(async (c, next) => {
    if (!isLoopback(clientAddress(c, new Set()))) {
      return sendError(c, "forbidden", "Seule la machine du serveur peut demander une copie.");
    }
    const given = c.req.header("authorization")?.replace(/^Bearer /, "") ?? "";
    if (!sameSecret(given, secret)) {
      return sendError(c, "unauthenticated", "Secret de la copie de sauvegarde absent ou faux.");
    }
    await next();
  });
  app.post("/backup", jsonBody(BackupRequestSchema), async (c) => {
    const target = checkBackupTarget(dataDir, c.req.valid("json").file);
    const copy = copyDatabase(sqlite, target);
    copies.add(copy);
    try {
      const answer: BackupAnswer = { file: target, pages: await copy };
      logger.info(answer, "backup written");
      return c.json(answer);
    } finally {
      copies.delete(copy);
    }
  });

  const server = await new Promise<ReturnType<typeof serve>>((ready) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () =>
      ready(started),
    );
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const file = backupChannelFile(dataDir);
  const content = JSON.stringify({ url, secret });
  // Written whole, then renamed: a reader never sees half a file. Made afresh, so that
  // its rights are 0600 whatever an older file had.
  rmSync(`${file}.tmp`, { force: true });
  writeFileSync(`${file}.tmp`, content, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);

  return {
    url,
    async close() {
      await new Promise<void>((done) => server.close(() => done()));
      await Promise.allSettled(copies);
      rmSync(file, { force: true });
    },
  };
}
