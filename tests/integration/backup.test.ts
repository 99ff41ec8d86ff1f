/**
 * `npm run backup -- FILE` (CONTRACT.md): the running server holds its database in
 * exclusive locking mode and makes the copy when asked on its loopback channel, with the
 * secret written next to the database; with no server, the command copies the file itself.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { request } from "node:http";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import SQLite from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { type BackupChannel, backupChannelFile } from "../../server/db/backup";
import { databaseFile } from "../../server/db/database";
import { BODY } from "../../shared/documents";
import { type FoundedPole, startPole, startTestServer, type TestServer } from "../helpers/server";
import {
  closeDocuments,
  connect,
  eventually,
  type OpenDocument,
  writeParagraph,
} from "../helpers/sync-client";
import { markersIn, storedBody } from "../torture/lib";

const run = promisify(execFile);

/** `npm run backup -- target` as an operator runs it, against `dataDir`. */
const backup = (dataDir: string, target: string) =>
  run(process.execPath, ["--import", "tsx", "server/backup.ts", target], {
    env: { ...process.env, DATA_DIR: dataDir },
  });

const channelOf = (dataDir: string): BackupChannel =>
  JSON.parse(readFileSync(backupChannelFile(dataDir), "utf8"));

const textOf = (document: OpenDocument) => document.doc.getXmlFragment(BODY).toString();

/** What a copy holds: its integrity, its pôles, the page's text. */
function readCopy(dir: string, page: string) {
  const db = new SQLite(databaseFile(dir), { readonly: true, timeout: 0 });
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    const poles = (db.prepare("SELECT count(*) AS n FROM poles").get() as { n: number }).n;
    return { integrity, poles, text: storedBody(dir, page).text };
  } finally {
    db.close();
  }
}

/** A raw request to the channel, from `localAddress` (a non-loopback one, for the refusal). */
function ask(
  url: string,
  { secret, body, localAddress }: { secret?: string; body: unknown; localAddress?: string },
): Promise<{ status: number; body: { error?: { code: string; message: string } } }> {
  return new Promise((resolve, reject) => {
    const sent = request(
      `${url}/backup`,
      {
        method: "POST",
        localAddress,
        headers: {
          "content-type": "application/json",
          ...(secret ? { authorization: `Bearer ${secret}` } : {}),
        },
      },
      (response) => {
        let text = "";
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }),
        );
      },
    );
    sent.on("error", reject);
    sent.end(JSON.stringify(body));
  });
}

/** The channel answered with this refusal. */
function expectRefusal(answer: Awaited<ReturnType<typeof ask>>, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.body.error?.code).toBe(code);
}

let server: TestServer | undefined;
let copies = "";
afterEach(async () => {
  closeDocuments();
  await server?.close();
  server = undefined;
  rmSync(copies, { recursive: true, force: true });
});

async function started(): Promise<{ running: TestServer; pole: FoundedPole }> {
  const founded = await startPole();
  server = founded.server;
  copies = mkdtempSync(join(tmpdir(), "maillage-copies-"));
  return { running: founded.server, pole: founded.pole };
}

describe("npm run backup", () => {
  it("asks the running server, which copies while it keeps writing", async () => {
    const { running, pole } = await started();
    const writer = await connect(running, pole.coordinator, pole.documents.charter);
    const reader = await connect(running, pole.coordinator, pole.documents.charter);
    for (let i = 0; i < 50; i++) writeParagraph(writer.doc, `~before.${i}~`);
    // Relayed means stored: every one of these is in the database before the copy starts.
    await eventually(() => expect(markersIn(textOf(reader))).toHaveLength(50));
    let written = 0;
    const writing = setInterval(() => writeParagraph(writer.doc, `~during.${written++}~`), 5);
    const target = join(copies, "maillage.sqlite");
    try {
      const { stdout } = await backup(running.dataDir, target);
      expect(stdout).toContain("by the running server");
    } finally {
      clearInterval(writing);
    }
    expect(written).toBeGreaterThan(0);
    const copy = readCopy(copies, pole.documents.charter);
    expect(copy.integrity).toBe("ok");
    expect(copy.poles).toBe(1);
    const markers = new Set(markersIn(copy.text));
    for (let i = 0; i < 50; i++) expect(markers).toContain(`~before.${i}~`);
    // The server's own file stays its own, and it keeps serving.
    expect(() => readCopy(running.dataDir, pole.documents.charter)).toThrow(/locked/);
    writeParagraph(writer.doc, "~after~");
    await eventually(() => expect(textOf(reader)).toContain("~after~"));
  });

  it("copies the file itself when no server runs", async () => {
    const { running, pole } = await started();
    const writer = await connect(running, pole.coordinator, pole.documents.charter);
    const reader = await connect(running, pole.coordinator, pole.documents.charter);
    writeParagraph(writer.doc, "~stored~");
    await eventually(() => expect(textOf(reader)).toContain("~stored~"));
    closeDocuments();
    await running.close({ keepData: true });
    server = undefined;
    try {
      expect(() => statSync(backupChannelFile(running.dataDir))).toThrow();
      const { stdout } = await backup(running.dataDir, join(copies, "maillage.sqlite"));
      expect(stdout).toContain("Backup written to");
      expect(stdout).not.toContain("by the running server");
      const copy = readCopy(copies, pole.documents.charter);
      expect(copy.integrity).toBe("ok");
      expect(markersIn(copy.text)).toContain("~stored~");
    } finally {
      rmSync(running.dataDir, { recursive: true, force: true });
    }
  });

  it("keeps its secret to the owner and refuses whoever lacks it", async () => {
    const { running } = await started();
    expect(statSync(backupChannelFile(running.dataDir)).mode & 0o777).toBe(0o600);
    const { url, secret } = channelOf(running.dataDir);
    expect(new URL(url).hostname).toBe("127.0.0.1");
    const target = join(copies, "copy.sqlite");
    for (const wrong of [undefined, "x".repeat(43), `${secret}x`]) {
      expectRefusal(
        await ask(url, { secret: wrong, body: { file: target } }),
        401,
        "unauthenticated",
      );
    }
    expect(() => statSync(target)).toThrow();
  });

  it("refuses a caller from another address, even with the secret", async () => {
    const { running } = await started();
    const { url, secret } = channelOf(running.dataDir);
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && !address.internal && address.family === "IPv4");
    expect(outside, "this test needs a non-loopback IPv4 address").toBeDefined();
    const target = join(copies, "copy.sqlite");
    // Not even reachable on that address: the channel listens on loopback only.
    const port = new URL(url).port;
    await expect(
      ask(`http://${outside?.address}:${port}`, { secret, body: { file: target } }),
    ).rejects.toThrow(/ECONNREFUSED/);
    // And a connection that reaches it from that address is refused.
    const answer = await ask(url, {
      secret,
      body: { file: target },
      localAddress: outside?.address,
    });
    expectRefusal(answer, 403, "forbidden");
    expect(() => statSync(target)).toThrow();
  });

  it("refuses a target that is not a file it may write, with a clear message", async () => {
    const { running } = await started();
    const { url, secret } = channelOf(running.dataDir);
    const refusals: Array<[unknown, RegExp]> = [
      [{}, /file/],
      [{ file: "relative.sqlite" }, /chemin absolu/],
      [{ file: databaseFile(running.dataDir) }, /la base elle-même/],
      [{ file: `${databaseFile(running.dataDir)}-wal` }, /la base elle-même/],
      [{ file: join(copies, "missing", "copy.sqlite") }, /n'existe pas/],
      [{ file: copies }, /est un dossier/],
    ];
    for (const [body, message] of refusals) {
      const answer = await ask(url, { secret, body });
      expectRefusal(answer, 400, "invalid_input");
      expect(answer.body.error?.message).toMatch(message);
    }
  });

  it("lets a second server on the same DATA_DIR refuse to start, the first one unharmed", async () => {
    const { running, pole } = await started();
    await expect(startTestServer({ dataDir: running.dataDir })).rejects.toThrow(
      /in use by another process/,
    );
    expect(channelOf(running.dataDir).url).toBeTruthy();
    const document = await connect(running, pole.coordinator, pole.documents.charter);
    expect(document.provider.synced).toBe(true);
  });
});
