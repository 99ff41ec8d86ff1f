/**
 * Shared pieces of the torture tests: a prepared instance (a pôle, members and pages made
 * through the HTTP API), the real server in a child process, browser-like clients, and
 * reading back what the database holds.
 */
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import SQLite from "better-sqlite3";
import * as Y from "yjs";
import { type ClientEvents, WireClient } from "../../bench/lib/wire";
import { databaseFile } from "../../server/db/database";
import { BODY } from "../../shared/documents";
import {
  type ChildServer,
  client,
  inviteNewcomer,
  type Person,
  setUpPole,
  spawnServer,
  startTestServer,
  tempDataDir,
} from "../helpers/server";

export interface Instance {
  dataDir: string;
  poleId: string;
  coreCircleId: string;
  coordinator: Person;
  members: Person[];
  /** Observers of the core circle: read-only on its pages. */
  observers: Person[];
  pages: string[];
  remove(): void;
}

/** A pôle with `members` members of its core circle and `pages` pages in that circle. */
export async function prepareInstance(
  members: number,
  pages: number,
  observers = 0,
): Promise<Instance> {
  const dataDir = tempDataDir();
  const server = await startTestServer({ dataDir });
  try {
    const pole = await setUpPole(server);
    const people: Person[] = [];
    for (let i = 0; i < members; i++) {
      people.push(
        await inviteNewcomer(server, pole.coordinator, pole.poleId, [
          { circleId: pole.circles.core, role: "member" },
        ]),
      );
    }
    const watchers: Person[] = [];
    for (let i = 0; i < observers; i++) {
      watchers.push(
        await inviteNewcomer(server, pole.coordinator, pole.poleId, [
          { circleId: pole.circles.core, role: "observer" },
        ]),
      );
    }
    const api = client(server.url, pole.coordinator.cookie);
    const pageIds: string[] = [];
    for (let i = 0; i < pages; i++) {
      const response = await api(`/api/poles/${pole.poleId}/documents`, {
        body: { kind: "page", title: `Page d'essai ${i}`, circleId: pole.circles.core },
      });
      if (response.status !== 201) throw new Error(`page: ${response.status}`);
      pageIds.push(((await response.json()) as { id: string }).id);
    }
    return {
      dataDir,
      poleId: pole.poleId,
      coreCircleId: pole.circles.core,
      coordinator: pole.coordinator,
      members: people,
      observers: watchers,
      pages: pageIds,
      remove: () => rmSync(dataDir, { recursive: true, force: true }),
    };
  } finally {
    await server.close({ keepData: true });
  }
}

/** A free loopback port, so that a restarted server comes back where clients expect it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export function startChild(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ChildServer> {
  return spawnServer(dataDir, { LOG_LEVEL: "error", ...env });
}

/** A browser-like client of `page` for `person` (cookie and Origin on the upgrade). */
export function browser(
  server: { url: string; wsUrl: string },
  person: Person,
  page: string,
  events: ClientEvents = {},
): WireClient {
  return new WireClient(
    {
      url: `${server.wsUrl}/sync/${page}`,
      docName: page,
      flavour: "yws",
      headers: { cookie: person.cookie, origin: server.url },
      full: true,
    },
    events,
  );
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `what` may be a function, to describe the state at the moment the wait gives up. */
export async function waitFor(
  check: () => boolean,
  what: string | (() => string),
  timeoutMs = 20_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${typeof what === "string" ? what : what()}`);
    }
    await sleep(20);
  }
}

/** Markers "~a.b.c~" in a text or in the bytes of an update. */
export function markersIn(text: string): string[] {
  return text.match(/~[\w.-]+~/g) ?? [];
}

export function markersInUpdate(update: Uint8Array): string[] {
  return markersIn(
    Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString("latin1"),
  );
}

/** A page as the database holds it: its state and log applied, its body as text. */
export function storedBody(
  dataDir: string,
  page: string,
): { text: string; rows: number; undecodable: number } {
  const db = new SQLite(databaseFile(dataDir), { readonly: true });
  try {
    const state = db.prepare("SELECT state FROM document_states WHERE document_id = ?").get(page) as
      | { state: Uint8Array }
      | undefined;
    const updates = db
      .prepare("SELECT data FROM document_updates WHERE document_id = ? ORDER BY id")
      .all(page) as Array<{ data: Uint8Array }>;
    const doc = new Y.Doc();
    let undecodable = 0;
    doc.transact(() => {
      if (state) Y.applyUpdate(doc, state.state);
      for (const { data } of updates) {
        try {
          Y.decodeUpdate(data);
          Y.applyUpdate(doc, data);
        } catch {
          undecodable++;
        }
      }
    });
    const text = doc.getXmlFragment(BODY).toString();
    doc.destroy();
    return { text, rows: updates.length, undecodable };
  } finally {
    db.close();
  }
}

/** Resident memory of a process, from /proc (Linux). */
export async function rssOf(pid: number): Promise<number> {
  const { readFile } = await import("node:fs/promises");
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}
