/**
 * The sync layer against real servers and real y-websocket clients: authentication of the
 * upgrade, read-only connections, hostile frames, durability across restarts and kill -9,
 * and connections following membership changes.
 */
import { rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import * as Y from "yjs";
import { hashToken } from "../../server/auth/sessions";
import { closeCodes } from "../../shared/documents";
import {
  client,
  type FoundedPole,
  joinPole,
  setUpPole,
  spawnServer,
  startTestServer,
  type TestServer,
  tempDataDir,
} from "../helpers/server";
import {
  bodyText,
  closeDocuments,
  connect,
  type Endpoint,
  openDocument,
  synced,
  waitFor,
  writeParagraph,
} from "../helpers/sync-client";

const servers: TestServer[] = [];
const dataDirs: string[] = [];
const sockets: WebSocket[] = [];

afterEach(async () => {
  closeDocuments();
  for (const socket of sockets.splice(0)) socket.terminate();
  await Promise.all(servers.splice(0).map((server) => server.close()));
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(options: { dataDir?: string } = {}): Promise<TestServer> {
  const server = await startTestServer(options);
  servers.push(server);
  return server;
}

/** A server with a founded pôle, stopped after the test. */
async function startPole(): Promise<{ server: TestServer; pole: FoundedPole }> {
  const server = await start();
  return { server, pole: await setUpPole(server) };
}

/** Stops a server started by `start` but keeps its data for the next one. */
async function stop(server: TestServer): Promise<void> {
  servers.splice(servers.indexOf(server), 1);
  await server.close({ keepData: true });
}

function rawSocket(server: Endpoint, documentId: string, cookie?: string): WebSocket {
  const socket = new WebSocket(`${server.wsUrl}/sync/${documentId}`, {
    headers: { origin: server.url, ...(cookie ? { cookie } : {}) },
  });
  socket.on("error", () => {});
  sockets.push(socket);
  return socket;
}

const opening = (socket: WebSocket) =>
  new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("unexpected-response", (_req, res) =>
      reject(new Error(`upgrade refused: ${res.statusCode}`)),
    );
  });

const closing = (socket: WebSocket) =>
  new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)));

const refusal = (socket: WebSocket) =>
  new Promise<number>((resolve, reject) => {
    socket.once("open", () => reject(new Error("the upgrade was accepted")));
    socket.once("unexpected-response", (request, response) => {
      resolve(response.statusCode ?? 0);
      request.destroy();
    });
  });

function addFinding(doc: Y.Doc, id: string): void {
  const finding = new Y.Map<string>();
  finding.set("id", id);
  finding.set("title", `Constat ${id}`);
  doc.getArray<Y.Map<string>>("findings").push([finding]);
}

const findingIds = (doc: Y.Doc) =>
  doc
    .getArray<Y.Map<string>>("findings")
    .toArray()
    .map((finding) => finding.get("id"));

describe("real-time sync", () => {
  it("brings two editors to the same diagnostic", async () => {
    const { server, pole } = await startPole();
    const a = openDocument(server, pole.coordinator, pole.documents.diagnostic);
    const b = openDocument(server, pole.coordinator, pole.documents.diagnostic);
    await Promise.all([synced(a), synced(b)]);
    writeParagraph(a.doc, "Le territoire compte 42 communes.");
    addFinding(b.doc, "mobilite");
    await waitFor(
      () => bodyText(b.doc).includes("42 communes") && findingIds(a.doc).includes("mobilite"),
      "both edits to cross",
    );
    expect(bodyText(a.doc)).toBe(bodyText(b.doc));
    expect(findingIds(b.doc)).toEqual(findingIds(a.doc));
  });

  it("serves a new document's first state without decoding it", async () => {
    const { server, pole } = await startPole();
    const reader = await connect(server, pole.coordinator, pole.documents.charter);
    expect(bodyText(reader.doc)).not.toBe("");
    expect(server.maillage.sync.stats()).toMatchObject({ documents: 1, decoded: 0 });
  });

  it("answers 401 to an upgrade without a session, 404 to an unknown document", async () => {
    const { server, pole } = await startPole();
    expect(await refusal(rawSocket(server, pole.documents.diagnostic))).toBe(401);
    expect(
      await refusal(rawSocket(server, pole.documents.diagnostic, "maillage_session=forged")),
    ).toBe(401);
    for (const id of ["nope", "00000000-0000-0000-0000-000000000000", "x".repeat(300)]) {
      expect(await refusal(rawSocket(server, id, pole.coordinator.cookie))).toBe(404);
    }
  });

  it("slides a session past half its life on the upgrade, and refuses an expired one", async () => {
    const { server, pole } = await startPole();
    const { db } = server.maillage;
    const token = pole.coordinator.cookie.replace(/^maillage_session=/, "");
    const expiresIn = (ms: number) =>
      db
        .updateTable("sessions")
        .set({ expires_at: Date.now() + ms })
        .where("id", "=", hashToken(token))
        .execute();
    const day = 24 * 60 * 60 * 1000;
    await expiresIn(10 * day);
    const socket = rawSocket(server, pole.documents.diagnostic, pole.coordinator.cookie);
    const setCookie = new Promise<string[]>((resolve) =>
      socket.once("upgrade", (response) => resolve(response.headers["set-cookie"] ?? [])),
    );
    await opening(socket);
    expect((await setCookie).join()).toMatch(/^maillage_session=\w+;.*Expires=/);
    const slid = await db.selectFrom("sessions").select("expires_at").executeTakeFirstOrThrow();
    expect(slid.expires_at).toBeGreaterThan(Date.now() + 29 * day);

    await expiresIn(-1);
    const late = rawSocket(server, pole.documents.diagnostic, pole.coordinator.cookie);
    expect(await refusal(late)).toBe(401);
    expect(await db.selectFrom("sessions").selectAll().execute()).toEqual([]);
  });

  it("never lets an observer's updates reach anyone or the database", async () => {
    const { server, pole } = await startPole();
    const observer = await joinPole(server, pole, [
      { circleId: pole.circles.steering, role: "observer" },
    ]);
    const editor = openDocument(server, pole.coordinator, pole.documents.diagnostic);
    const watcher = openDocument(server, observer, pole.documents.diagnostic);
    await Promise.all([synced(editor), synced(watcher)]);

    writeParagraph(watcher.doc, "Écrit par l'observatrice");
    addFinding(watcher.doc, "intrus");
    // Then an edit that must reach the observer: once it has, the observer's own
    // updates, sent earlier on the same socket, have been handled by the server.
    writeParagraph(editor.doc, "Écrit par la coordination");
    await waitFor(() => bodyText(watcher.doc).includes("par la coordination"), "the edit");
    const fresh = openDocument(server, pole.coordinator, pole.documents.diagnostic);
    await synced(fresh);
    for (const doc of [editor.doc, fresh.doc]) {
      expect(bodyText(doc)).toContain("par la coordination");
      expect(bodyText(doc)).not.toContain("observatrice");
      expect(findingIds(doc)).not.toContain("intrus");
    }
    expect(watcher.closes).toEqual([]); // read-only, not a protocol fault

    await stop(server);
    const restarted = await start({ dataDir: server.dataDir });
    const reread = openDocument(restarted, pole.coordinator, pole.documents.diagnostic);
    await synced(reread);
    expect(bodyText(reread.doc)).toContain("par la coordination");
    expect(bodyText(reread.doc)).not.toContain("observatrice");
    expect(findingIds(reread.doc)).not.toContain("intrus");
  });

  it("closes only the connection that sends a frame over 8 MiB", async () => {
    const { server, pole } = await startPole();
    const a = openDocument(server, pole.coordinator, pole.documents.diagnostic);
    const b = openDocument(server, pole.coordinator, pole.documents.diagnostic);
    await Promise.all([synced(a), synced(b)]);
    const big = rawSocket(server, pole.documents.diagnostic, pole.coordinator.cookie);
    await opening(big);
    const closed = closing(big);
    big.send(Buffer.alloc(9 * 1024 * 1024, 7));
    expect(await closed).toBe(1009);
    writeParagraph(a.doc, "Après la trame géante");
    await waitFor(() => bodyText(b.doc).includes("trame géante"), "sync to carry on");
    expect(a.closes).toEqual([]);
    expect(b.closes).toEqual([]);
  });

  it("closes only the connections that send garbage", async () => {
    const { server, pole } = await startPole();
    const a = openDocument(server, pole.coordinator, pole.documents.diagnostic);
    const b = openDocument(server, pole.coordinator, pole.documents.diagnostic);
    await Promise.all([synced(a), synced(b)]);
    const random = (length: number) =>
      Uint8Array.from({ length }, () => Math.floor(Math.random() * 256));
    const garbage: Array<Uint8Array | string> = [
      new Uint8Array([]),
      Uint8Array.of(4 + Math.floor(Math.random() * 120), ...random(200)), // unknown type
      Uint8Array.of(0, 9, ...random(50)), // unknown sync message
      Uint8Array.of(0, 2, 0xff, 0xff, 0x03, ...random(100)), // update longer than the frame
      Uint8Array.of(0, 2, 6, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff), // an update Yjs rejects
      // Awareness of one entry whose state is not JSON: not random bytes, which now and then
      // read as an update of no entries, a valid message that nobody closes for.
      Uint8Array.of(1, 6, 1, 5, 1, 2, 0x7b, 0x78),
      "du texte",
    ];
    for (const frame of garbage) {
      const socket = rawSocket(server, pole.documents.diagnostic, pole.coordinator.cookie);
      await opening(socket);
      const closed = closing(socket);
      socket.send(frame);
      expect(await closed).toBe(closeCodes.badMessage);
    }
    writeParagraph(a.doc, "Toujours en ligne");
    await waitFor(() => bodyText(b.doc).includes("Toujours en ligne"), "sync to carry on");
    expect(a.closes).toEqual([]);
    expect(b.closes).toEqual([]);
  });

  it("keeps the content across a restart", async () => {
    const { server, pole } = await startPole();
    const a = openDocument(server, pole.coordinator, pole.documents.charter);
    const b = openDocument(server, pole.coordinator, pole.documents.charter);
    await Promise.all([synced(a), synced(b)]);
    writeParagraph(a.doc, "Article 1 : la coopération avant tout.");
    await waitFor(() => bodyText(b.doc).includes("Article 1"), "the edit to be relayed");
    const before = bodyText(a.doc);
    await stop(server);

    const restarted = await start({ dataDir: server.dataDir });
    const c = openDocument(restarted, pole.coordinator, pole.documents.charter);
    await synced(c);
    expect(bodyText(c.doc)).toBe(before);
  });

  it("loses nothing a client received when the server is killed with SIGKILL", async () => {
    const dataDir = tempDataDir();
    dataDirs.push(dataDir);
    const first = await startTestServer({ dataDir });
    const pole = await setUpPole(first);
    await first.close({ keepData: true });

    const child = await spawnServer(dataDir);
    let killed = false;
    try {
      const a = openDocument(child, pole.coordinator, pole.documents.diagnostic);
      const b = openDocument(child, pole.coordinator, pole.documents.diagnostic);
      await Promise.all([synced(a), synced(b)]);
      const total = 400;
      b.doc.getArray("findings").observe(() => {
        // Halfway through, while A is still writing and frames are in flight.
        if (!killed && findingIds(b.doc).length >= total / 2) {
          killed = true;
          child.child.kill("SIGKILL");
        }
      });
      for (let i = 0; i < total && !killed; i++) {
        addFinding(a.doc, `f${i}`);
        if (i % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 2));
      }
      await waitFor(() => killed, "B to receive half of A's updates");
      await child.exited;
      await waitFor(() => !b.provider.wsconnected, "B to notice the server is gone");
      const seenByB = findingIds(b.doc);
      expect(seenByB.length).toBeGreaterThanOrEqual(total / 2);
      a.provider.destroy();
      b.provider.destroy();

      const restarted = await start({ dataDir });
      const c = openDocument(restarted, pole.coordinator, pole.documents.diagnostic);
      await synced(c);
      const recovered = new Set(findingIds(c.doc));
      expect(seenByB.filter((id) => !recovered.has(id))).toEqual([]);
    } finally {
      if (!killed) child.child.kill("SIGKILL");
      await child.exited;
    }
  });

  it("follows membership changes: removal and demotion make the connection read-only", async () => {
    const { server, pole } = await startPole();
    const coordination = client(server.url, pole.coordinator.cookie);
    const member = await joinPole(server, pole, [
      { circleId: pole.circles.steering, role: "member" },
    ]);
    const editor = openDocument(server, pole.coordinator, pole.documents.diagnostic);
    const own = openDocument(server, member, pole.documents.diagnostic);
    await Promise.all([synced(editor), synced(own)]);
    writeParagraph(own.doc, "Encore membre");
    await waitFor(() => bodyText(editor.doc).includes("Encore membre"), "the member's edit");

    // Leaving the steering committee: still in the pôle, so the diagnostic becomes read-only.
    const removed = await coordination(
      `/api/circles/${pole.circles.steering}/members/${member.userId}`,
      { method: "DELETE" },
    );
    expect(removed.status).toBe(204);
    await waitFor(
      () => own.closes.includes(closeCodes.accessChanged),
      "the connection to be dropped within a second",
      1000,
    );
    await synced(own, "the member to reconnect");
    writeParagraph(own.doc, "Plus membre");
    writeParagraph(editor.doc, "Repère");
    await waitFor(() => bodyText(own.doc).includes("Repère"), "the marker");
    expect(bodyText(editor.doc)).not.toContain("Plus membre");

    // Back as a member, then made an observer.
    const back = await coordination(
      `/api/circles/${pole.circles.steering}/members/${member.userId}`,
      { method: "PUT", body: { role: "member" } },
    );
    expect(back.status).toBe(200);
    await waitFor(() => own.closes.length === 2, "the reconnection with the edit right", 1000);
    await synced(own);
    writeParagraph(own.doc, "De retour");
    await waitFor(() => bodyText(editor.doc).includes("De retour"), "the restored right");

    const demoted = await coordination(
      `/api/circles/${pole.circles.steering}/members/${member.userId}`,
      { method: "PUT", body: { role: "observer" } },
    );
    expect(demoted.status).toBe(200);
    await waitFor(() => own.closes.length === 3, "the demotion to cut the connection", 1000);
    expect(own.closes).toEqual([
      closeCodes.accessChanged,
      closeCodes.accessChanged,
      closeCodes.accessChanged,
    ]);
    await synced(own);
    writeParagraph(own.doc, "Observatrice désormais");
    writeParagraph(editor.doc, "Second repère");
    await waitFor(() => bodyText(own.doc).includes("Second repère"), "the second marker");
    expect(bodyText(editor.doc)).not.toContain("Observatrice désormais");
  });

  it("drops, for good, the connections of someone who left the pôle", async () => {
    const { server, pole } = await startPole();
    const member = await joinPole(server, pole, [{ circleId: pole.circles.core, role: "member" }]);
    const own = openDocument(server, member, pole.documents.charter);
    await synced(own);
    // No route removes someone from a pôle yet: do what it would, then announce it.
    await server.maillage.db
      .deleteFrom("circle_members")
      .where("user_id", "=", member.userId)
      .execute();
    await server.maillage.db
      .deleteFrom("pole_members")
      .where("user_id", "=", member.userId)
      .execute();
    await server.maillage.sync.recheckUser(member.userId);
    await waitFor(() => own.closes.includes(closeCodes.accessRevoked), "the revocation", 1000);
    expect(own.provider.shouldConnect).toBe(false);
  });
});
