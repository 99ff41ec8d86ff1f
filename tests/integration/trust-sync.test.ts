/**
 * Issue 15, the sync socket and the headers: foreign origins and unknown hosts refused,
 * sockets that end with their session or their right, presence that cannot be spoofed,
 * and the headers every answer carries.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { awarenessUpdateFrame } from "../../server/sync/frames";
import { encodePresence } from "../../server/sync/presence";
import { addCard, readColumns } from "../../shared/board-doc";
import { closeCodes } from "../../shared/documents";
import viteConfig from "../../vite.config";
import {
  client,
  joinPole,
  type Person,
  sessionCookie,
  startPole,
  startTestServer,
  type TestServer,
} from "../helpers/server";
import { closeDocuments, connect, type OpenDocument, waitFor } from "../helpers/sync-client";

const servers: TestServer[] = [];
const sockets: WebSocket[] = [];
const dirs: string[] = [];

afterEach(async () => {
  closeDocuments();
  for (const socket of sockets.splice(0)) socket.terminate();
  await Promise.all(servers.splice(0).map((server) => server.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function pole(env: Record<string, string> = {}) {
  const started = await startPole({ env });
  servers.push(started.server);
  return started;
}

/** The upgrade's answer: "open", or the HTTP status that refused it. */
function upgrade(server: TestServer, documentId: string, headers: Record<string, string>) {
  const socket = new WebSocket(`${server.wsUrl}/sync/${documentId}`, { headers });
  sockets.push(socket);
  socket.on("error", () => {});
  return new Promise<"open" | number>((resolve) => {
    socket.once("open", () => resolve("open"));
    socket.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
  });
}

/** A request with any Host header (fetch will not send one of our choosing). */
function rawRequest(
  server: TestServer,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; body: string }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: body === undefined ? "GET" : "POST",
        headers: {
          ...headers,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

async function signIn(server: TestServer, person: Person): Promise<Person> {
  const res = await client(server.url)("/api/auth/login", {
    body: { email: person.email, password: person.password },
  });
  expect(res.status).toBe(200);
  return { ...person, cookie: sessionCookie(res) };
}

const portOf = (server: TestServer) => Number(new URL(server.url).port);

describe("the sync socket", () => {
  it("refuses an upgrade from another origin with 403, before any WebSocket", async () => {
    const { server, pole: founded } = await pole();
    const cookie = founded.coordinator.cookie;
    const doc = founded.documents.charter;
    const port = portOf(server);
    for (const origin of [
      `http://127.0.0.1:${port + 1}`, // another port of the same host
      `https://127.0.0.1:${port}`, // the other scheme
      `http://evil.localhost:${port}`, // a sibling name
      "https://attacker.example",
      "null",
    ]) {
      expect(await upgrade(server, doc, { cookie, origin }), origin).toBe(403);
    }
    expect(await upgrade(server, doc, { cookie, origin: server.url })).toBe("open");
    // Clients that are not browsers send no Origin, and carry only their own cookie.
    expect(await upgrade(server, doc, { cookie })).toBe("open");
  });

  it("accepts the origin of PUBLIC_URL", async () => {
    const { server, pole: founded } = await pole({ PUBLIC_URL: "https://maillage.example.org" });
    const headers = { cookie: founded.coordinator.cookie, origin: "https://maillage.example.org" };
    expect(await upgrade(server, founded.documents.charter, headers)).toBe("open");
  });

  it("closes a session's sockets within a second of its logout, and only that session's", async () => {
    const { server, pole: founded } = await pole();
    const laptop = await signIn(server, founded.coordinator);
    const phone = await signIn(server, founded.coordinator);
    const onLaptop = await connect(server, laptop, founded.documents.charter);
    const onPhone = await connect(server, phone, founded.documents.charter);
    const out = await client(server.url, laptop.cookie)("/api/auth/logout", { method: "POST" });
    expect(out.status).toBe(204);
    await waitFor(() => onLaptop.closes.includes(closeCodes.sessionEnded), "the close", 1000);
    expect(onPhone.closes).toEqual([]);
    expect(onPhone.provider.wsconnected).toBe(true);
  });

  it("re-checks everyone on a page that moves to a new project group", async () => {
    const { server, pole: founded } = await pole();
    const as = (person: Person) => client(server.url, person.cookie);
    const circle = await (
      await as(founded.coordinator)(`/api/poles/${founded.poleId}/circles`, {
        body: { kind: "thematic", name: "Réemploi" },
      })
    ).json();
    const documents: Array<{ id: string; kind: string; circleId: string }> = await (
      await as(founded.coordinator)(`/api/poles/${founded.poleId}/documents`)
    ).json();
    const boardId = documents.find((d) => d.kind === "board" && d.circleId === circle.id)?.id;
    if (!boardId) throw new Error("no board");
    const member = await joinPole(server, founded, [{ circleId: circle.id, role: "member" }]);
    const board = await connect(server, founded.coordinator, boardId);
    const cardId = addCard(board.doc, {
      title: "Recyclerie",
      columnId: readColumns(board.doc)[0].id,
    });
    const base = `/api/documents/${boardId}/cards/${cardId}`;
    await waitFor(async () => {
      const page = await as(founded.coordinator)(`${base}/project-page`, {
        body: { title: "Recyclerie" },
      });
      return page.status === 201;
    }, "the card to be stored");
    const links = await (
      await as(founded.coordinator)(`/api/documents/${boardId}/cards/links`)
    ).json();
    const pageId: string = JSON.stringify(links).match(/"projectDocumentId":"([^"]+)"/)?.[1] ?? "";
    expect(pageId).not.toBe("");
    // A thematic member edits the page while it still belongs to the thematic group.
    const reader: OpenDocument = await connect(server, member, pageId);
    const moved = await as(founded.coordinator)(`${base}/project-group`, {
      body: { name: "Groupe projet Recyclerie" },
    });
    expect(moved.status).toBe(201);
    // Now the project group's page: the member is cut, or reconnects with a lesser right.
    await waitFor(
      () =>
        reader.closes.includes(closeCodes.accessRevoked) ||
        reader.closes.includes(closeCodes.accessChanged),
      "the member's connection to be re-checked",
      1000,
    );
  });

  it("binds presence to its connection and shows the session's person", async () => {
    const { server, pole: founded } = await pole();
    const doc = founded.documents.charter;
    const viewer = await joinPole(
      server,
      founded,
      [{ circleId: founded.circles.core, role: "observer" }],
      "Mallory Observe",
    );
    const owner = await connect(server, founded.coordinator, doc);
    const spoofer = await connect(server, viewer, doc);
    const watcher = await connect(server, founded.coordinator, doc);
    owner.provider.awareness.setLocalStateField("user", {
      name: "La Directrice",
      color: "#aa0000",
    });
    const ownerId = owner.doc.clientID;
    const shown = () => watcher.provider.awareness.getStates().get(ownerId);
    await waitFor(() => shown() !== undefined, "the owner's presence");
    expect(shown()?.user).toEqual({ name: "Camille Martin", color: "#aa0000" });

    // The observer speaks for the owner's client id: a new name, then a removal.
    for (const [clock, state] of [
      [1000, { user: { name: "Piège", color: "#000000" } }],
      [1001, null],
    ] as const) {
      const update = encodePresence([[ownerId, clock, JSON.stringify(state)]]);
      spoofer.provider.ws?.send(new Uint8Array(awarenessUpdateFrame(update)));
    }
    // The observer's own presence still goes through, under its own name.
    spoofer.provider.awareness.setLocalStateField("user", { name: "Camille Martin" });
    const spooferId = spoofer.doc.clientID;
    await waitFor(
      () => watcher.provider.awareness.getStates().get(spooferId) !== undefined,
      "the observer's own presence",
    );
    expect(watcher.provider.awareness.getStates().get(spooferId)?.user).toEqual({
      name: "Mallory Observe",
    });
    expect(shown()?.user).toEqual({ name: "Camille Martin", color: "#aa0000" });
  });
});

describe("origins and hosts", () => {
  it("compares the scheme, host and port of an Origin, not the host alone", async () => {
    const { server, pole: founded } = await pole();
    const logout = (origin: string) =>
      client(server.url, founded.coordinator.cookie)("/api/auth/logout", {
        method: "POST",
        headers: { origin },
      });
    const https = await logout(server.url.replace(/^http:/, "https:"));
    expect(https.status).toBe(403);
    expect((await https.json()).error.code).toBe("forbidden");
    expect((await logout(server.url)).status).toBe(204);
  });

  it("refuses a request without a session under an unknown Host (DNS rebinding)", async () => {
    const server = await startTestServer();
    servers.push(server);
    const port = portOf(server);
    const setup = {
      pole: { name: "Pôle piégé" },
      admin: { name: "Intrus", email: "intrus@example.org", password: "correct horse battery" },
    };
    const rebound = await rawRequest(
      server,
      "/api/setup",
      { host: `attacker.example:${port}`, origin: `http://attacker.example:${port}` },
      setup,
    );
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body).error.code).toBe("forbidden");
    const status = await rawRequest(server, "/api/setup", { host: `localhost:${port}` });
    expect(JSON.parse(status.body)).toEqual({ needed: true });
    // Loopback names are fine: the instance is set up from the machine itself.
    const local = await rawRequest(
      server,
      "/api/setup",
      { host: `localhost:${port}`, origin: `http://localhost:${port}` },
      setup,
    );
    expect(local.status).toBe(201);
  });
});

describe("headers", () => {
  /** A built client of three files, one of them a source map. */
  function fakeClient() {
    const dir = mkdtempSync(join(tmpdir(), "maillage-client-"));
    dirs.push(dir);
    mkdirSync(join(dir, "assets"));
    writeFileSync(join(dir, "index.html"), "<!doctype html><title>Maillage</title>");
    writeFileSync(join(dir, "assets", "app.js"), "console.log(1);");
    writeFileSync(join(dir, "assets", "app.js.map"), '{"sources":["secret.ts"]}');
    return dir;
  }

  it("serves no source map and answers 404 for a missing asset", async () => {
    const server = await startTestServer({ env: { CLIENT_DIST: fakeClient() } });
    servers.push(server);
    expect((await fetch(`${server.url}/assets/app.js`)).status).toBe(200);
    expect((await fetch(`${server.url}/assets/app.js.map`)).status).toBe(404);
    const missing = await fetch(`${server.url}/assets/gone-1234.js`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain("<title>Maillage</title>");
    // The application's page still answers its own routes.
    expect(await (await fetch(`${server.url}/d/abc`)).text()).toContain("<title>Maillage</title>");
    // And the build makes none.
    expect(viteConfig.build?.sourcemap ?? false).toBe(false);
  });

  it("keeps API answers out of caches, and HSTS off over plain HTTP", async () => {
    const server = await startTestServer();
    servers.push(server);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.headers.get("cache-control")).toBe("no-store");
    const unknown = await fetch(`${server.url}/api/nope`);
    expect(unknown.headers.get("cache-control")).toBe("no-store");
    expect(health.headers.get("strict-transport-security")).toBeNull();
    const csp = health.headers.get("content-security-policy") ?? "";
    expect(csp).toContain(`connect-src 'self' ${server.wsUrl};`);
    expect(csp).not.toMatch(/connect-src[^;]* wss?:[ ;]/);
  });

  it("sends HSTS and a wss: connect-src when PUBLIC_URL is https", async () => {
    const server = await startTestServer({ env: { PUBLIC_URL: "https://maillage.example.org" } });
    servers.push(server);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.headers.get("strict-transport-security")).toContain("max-age=");
    expect(health.headers.get("content-security-policy")).toContain(
      "connect-src 'self' wss://maillage.example.org;",
    );
  });
});
