/**
 * Real servers for integration tests: each on port 0 with its own temporary DATA_DIR,
 * and small fetch helpers that behave like a browser (Origin header, session cookie).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DB, openDatabase } from "../../server/db/database";
import { openPostgres } from "../../server/db/postgres";
import { parseEnv } from "../../server/env";
import { type Maillage, startMaillage } from "../../server/main";
import type { CircleRole, PoleRole } from "../../shared/permissions";
import { createTestDatabase, type TestDatabase } from "./test-database";

export interface TestServer {
  url: string;
  wsUrl: string;
  dataDir: string;
  maillage: Maillage;
  /** Stops the server; removes its data unless `keepData`. */
  close(options?: { keepData?: boolean }): Promise<void>;
}

export const tempDataDir = () => mkdtempSync(join(tmpdir(), "maillage-test-"));

export interface TestServerOptions {
  dataDir?: string;
  env?: Record<string, string>;
}

/**
 * `MAILLAGE_TEST_ON_POSTGRES=1` runs the servers of the integration tests on PostgreSQL
 * (a fresh database each) instead of SQLite.
 */
const onPostgres = process.env.MAILLAGE_TEST_ON_POSTGRES === "1";
/** Each data directory's database, kept across restarts like the directory itself. */
const databases = new Map<string, TestDatabase>();

async function databaseOf(dataDir: string): Promise<TestDatabase | null> {
  if (!onPostgres) return null;
  const known = databases.get(dataDir);
  if (known) return known;
  const created = await createTestDatabase();
  databases.set(dataDir, created);
  return created;
}

/**
 * Works on the database a stopped test server left (`close({ keepData: true })`), whichever
 * engine it ran on: what an older version, or someone by hand, could have left there.
 */
export async function withStoppedServerDatabase(
  dataDir: string,
  work: (db: DB) => Promise<void>,
): Promise<void> {
  const database = databases.get(dataDir);
  const { db } = database ? openPostgres(database.url, 1) : openDatabase(dataDir);
  try {
    await work(db);
  } finally {
    await db.destroy();
  }
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir();
  const database = await databaseOf(dataDir);
  const env = parseEnv({
    ...(database ? { DATABASE_URL: database.url } : {}),
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    DOC_UNLOAD_DELAY_SECONDS: "1",
    ...options.env,
  });
  const maillage = await startMaillage(env);
  return {
    url: maillage.url,
    wsUrl: maillage.url.replace(/^http/, "ws"),
    dataDir,
    maillage,
    async close({ keepData = false } = {}) {
      await maillage.close();
      if (!keepData) {
        rmSync(dataDir, { recursive: true, force: true });
        databases.delete(dataDir);
        await database?.drop();
      }
    },
  };
}

/** A fetch that sends what a browser would: the Origin of the server and the cookie. */
export function client(baseUrl: string, cookie?: string) {
  return (
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) =>
    fetch(baseUrl + path, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: {
        origin: baseUrl,
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
        ...(cookie ? { cookie } : {}),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
}

/** The `name=value` pair of the session cookie a response set. */
export function sessionCookie(response: Response): string {
  const header = response.headers.getSetCookie().find((c) => c.startsWith("maillage_session="));
  if (!header) throw new Error(`no session cookie in response ${response.status}`);
  return header.split(";")[0];
}

export interface Person {
  userId: string;
  cookie: string;
  email: string;
  password: string;
}

export interface FoundedPole {
  coordinator: Person;
  poleId: string;
  circles: { core: string; steering: string };
  documents: { diagnostic: string; charter: string };
}

/** POST /api/setup on a fresh server, then reads back what it created. */
export async function setUpPole(
  server: Pick<TestServer, "url">,
  poleName = "Pôle Vallée de la Drôme",
  email = "coordination@example.org",
) {
  const password = "correct horse battery staple";
  const res = await client(server.url)("/api/setup", {
    body: { pole: { name: poleName }, admin: { name: "Camille Martin", email, password } },
  });
  if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${await res.text()}`);
  const cookie = sessionCookie(res);
  const api = client(server.url, cookie);
  const me = await (await api("/api/me")).json();
  const poleId: string = me.poles[0].id;
  const circles: Array<{ id: string; kind: string }> = await (
    await api(`/api/poles/${poleId}/circles`)
  ).json();
  const documents: Array<{ id: string; kind: string }> = await (
    await api(`/api/poles/${poleId}/documents`)
  ).json();
  const idOf = <T extends { id: string; kind: string }>(list: T[], kind: string) => {
    const found = list.find((item) => item.kind === kind);
    if (!found) throw new Error(`set-up created no ${kind}`);
    return found.id;
  };
  return {
    coordinator: { userId: me.user.id, cookie, email, password },
    poleId,
    circles: { core: idOf(circles, "core"), steering: idOf(circles, "steering") },
    documents: { diagnostic: idOf(documents, "diagnostic"), charter: idOf(documents, "charter") },
  } satisfies FoundedPole;
}

/** A server with a founded pôle: where most test files start. */
export async function startPole(
  options: TestServerOptions = {},
): Promise<{ server: TestServer; pole: FoundedPole }> {
  const server = await startTestServer(options);
  return { server, pole: await setUpPole(server) };
}

let invited = 0;

/** A place offered by an invitation: a circle and the role in it. */
export interface Seat {
  circleId: string;
  role: CircleRole;
}

/** Invites a newcomer into circles with roles, and has them accept with a new account. */
export async function inviteNewcomer(
  server: Pick<TestServer, "url">,
  inviter: Person,
  poleId: string,
  circles: Seat[],
  name = `Invité ${++invited}`,
  poleRole?: PoleRole,
): Promise<Person> {
  const api = client(server.url, inviter.cookie);
  const invitation = await api(`/api/poles/${poleId}/invitations`, {
    body: { circles, poleRole },
  });
  if (invitation.status !== 201) throw new Error(`invite failed: ${invitation.status}`);
  const { token } = await invitation.json();
  const email = `${name
    .normalize("NFD")
    .replace(/[^a-z0-9]/gi, "")
    .toLowerCase()}-${invited}@example.org`;
  const password = "another long passphrase";
  const accepted = await client(server.url)(`/api/invitations/${token}/accept`, {
    body: { name, email, password },
  });
  if (accepted.status !== 201) throw new Error(`accept failed: ${accepted.status}`);
  const cookie = sessionCookie(accepted);
  const me = await (await client(server.url, cookie)("/api/me")).json();
  return { userId: me.user.id, cookie, email, password };
}

/**
 * A newcomer the pôle's coordinator invites into circles (none: a member of the pôle only),
 * with the pôle role the invitation gives (member unless named).
 */
export const joinPole = (
  server: Pick<TestServer, "url">,
  pole: FoundedPole,
  circles: Seat[],
  name?: string,
  poleRole?: PoleRole,
) => inviteNewcomer(server, pole.coordinator, pole.poleId, circles, name, poleRole);

/**
 * A new thematic group of the pôle and its people, each joined through a real invitation,
 * in the order given: a role in the group, or null for a member of the pôle seated nowhere.
 */
export async function thematicGroup<Name extends string>(
  server: Pick<TestServer, "url">,
  pole: FoundedPole,
  groupName: string,
  seats: Record<Name, CircleRole | null>,
): Promise<{ circleId: string; people: Record<Name, Person> }> {
  const created = await client(server.url, pole.coordinator.cookie)(
    `/api/poles/${pole.poleId}/circles`,
    { body: { kind: "thematic", name: groupName } },
  );
  if (created.status !== 201) throw new Error(`creating the group failed: ${created.status}`);
  const circleId: string = (await created.json()).id;
  const people = {} as Record<Name, Person>;
  for (const [name, role] of Object.entries(seats) as Array<[Name, CircleRole | null]>) {
    people[name] = await joinPole(server, pole, role ? [{ circleId, role }] : [], name);
  }
  return { circleId, people };
}

export interface ChildServer {
  url: string;
  wsUrl: string;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

/** The real `server/main.ts` in a child process, for crash and restart tests. */
export async function spawnServer(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ChildServer> {
  const database = databases.get(dataDir);
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      ...(database ? { DATABASE_URL: database.url } : {}),
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Passed on, and kept: why a server refused to start is part of its failure.
  let errors = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    errors += chunk.toString();
    process.stderr.write(chunk);
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Maillage listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        resolve({ url: match[1], wsUrl: match[1].replace(/^http/, "ws"), child, exited });
      }
    });
    exited.then((code) =>
      reject(new Error(`server exited with ${code} before listening:\n${output}${errors}`)),
    );
  });
}
