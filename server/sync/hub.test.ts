import type { WebSocketLike } from "@hono/node-server";
import { WSContext, type WSEvents } from "hono/ws";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { closeCodes, type DocumentAccess } from "../../shared/documents";
import { openDocumentDatabase, type TemporaryDatabase } from "../../tests/helpers/document-db";
import { visitor } from "../../tests/helpers/visitor";
import { createKyselyStore, type DocumentStore } from "../storage";
import { SharedDocument } from "./document";
import { localFanout, type ProjectionClaim } from "./fanout";
import { messageSync } from "./frames";
import { SyncHub } from "./hub";
import type { SyncServerOptions, Visitor } from "./index";
import { standardCloseCodes } from "./limits";

const logger = pino({ level: "silent" });
const DOC = "doc-1";

/** A `ws`-shaped socket whose frames reach a tiny y-websocket client asynchronously. */
class FakeSocket implements WebSocketLike {
  readyState: 0 | 1 | 2 | 3 = 1;
  protocol = "";
  closedWith: number | null = null;
  terminated = false;
  answersPings = true;
  private pong: (() => void) | null = null;

  constructor(private readonly deliver: (frame: Uint8Array) => void) {}

  send(data: string | ArrayBuffer | ArrayBufferView): void {
    if (typeof data === "string" || data instanceof ArrayBuffer) throw new Error("unexpected");
    const frame = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    queueMicrotask(() => this.deliver(frame));
  }
  close(code?: number): void {
    this.closedWith ??= code ?? 1000;
    this.readyState = 3;
  }
  on(event: string, listener: (...args: never[]) => void): this {
    if (event === "pong") this.pong = listener as () => void;
    return this;
  }
  off(): this {
    return this;
  }
  ping(): void {
    if (this.answersPings) queueMicrotask(() => this.pong?.());
  }
  terminate(): void {
    this.terminated = true;
    this.readyState = 3;
  }
}

/** Just enough of a y-websocket client to drive the hub through its public events. */
class TestClient {
  readonly doc = new Y.Doc();
  readonly socket: FakeSocket;
  readonly received: Uint8Array[] = [];
  private readonly context: WSContext<WebSocketLike>;

  constructor(
    readonly events: WSEvents<WebSocketLike>,
    private readonly onFrame?: (frame: Uint8Array) => void,
  ) {
    this.socket = new FakeSocket((frame) => this.receive(frame));
    this.context = new WSContext<WebSocketLike>({
      raw: this.socket,
      readyState: 1,
      send: () => {},
      close: (code) => this.socket.close(code),
    });
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, messageSync);
      syncProtocol.writeUpdate(encoder, update);
      this.send(encoding.toUint8Array(encoder));
    });
  }

  open(): this {
    this.events.onOpen?.(new Event("open"), this.context);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.send(encoding.toUint8Array(encoder));
    return this;
  }

  send(frame: Uint8Array | string): void {
    if (this.socket.readyState !== 1) return;
    const data = typeof frame === "string" ? frame : frame.slice().buffer;
    this.events.onMessage?.(new MessageEvent("message", { data }), this.context);
  }

  leave(): void {
    this.socket.readyState = 3;
    this.events.onClose?.(new Event("close") as CloseEvent, this.context);
  }

  text(): string {
    return this.doc.getText("t").toString();
  }

  private receive(frame: Uint8Array): void {
    if (this.socket.readyState !== 1) return;
    this.received.push(frame);
    this.onFrame?.(frame);
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== messageSync) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
    if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder));
  }
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

let database: TemporaryDatabase;
let hubs: SyncHub[] = [];
let clients: TestClient[] = [];
let access: Map<string, DocumentAccess | null>;

beforeEach(async () => {
  database = await openDocumentDatabase(DOC);
  access = new Map();
});

afterEach(async () => {
  for (const client of clients) client.doc.destroy();
  clients = [];
  await Promise.all(hubs.map((hub) => hub.close()));
  hubs = [];
  await database.remove();
});

function startHub(options: Partial<SyncServerOptions> = {}, store?: DocumentStore) {
  const hub = new SyncHub({
    db: database.db,
    logger,
    accessOf: async (userId) => (access.has(userId) ? (access.get(userId) ?? null) : "edit"),
    sessionExpiry: async () => Date.now() + 3_600_000,
    unloadDelayMs: 20,
    store,
    ...options,
  });
  hubs.push(hub);
  return hub;
}

function connect(
  hub: SyncHub,
  user = "user-a",
  right: DocumentAccess = "edit",
  onFrame?: (frame: Uint8Array) => void,
) {
  const client = new TestClient(hub.connection(DOC, visitor(user), right), onFrame);
  clients.push(client);
  return client.open();
}

const countRows = () =>
  (
    database.sqlite
      .prepare("select count(*) as n from document_updates where document_id = ?")
      .get(DOC) as { n: number }
  ).n;

const storedState = () =>
  database.sqlite.prepare("select state from document_states where document_id = ?").get(DOC) as
    | { state: Uint8Array }
    | undefined;

describe("sync hub", () => {
  it("syncs two clients, writing each update before the other client receives it", async () => {
    const hub = startHub();
    const rowsSeenByB: number[] = [];
    const a = connect(hub, "user-a");
    const b = connect(hub, "user-b", "edit", () => rowsSeenByB.push(countRows()));
    await waitFor(() => hub.stats().connections === 2 && b.received.length > 0);
    for (let i = 0; i < 20; i++) a.doc.getText("t").insert(0, `${i},`);
    await waitFor(() => b.text() === a.text());
    expect(countRows()).toBeGreaterThanOrEqual(20);
    // Each frame B got was preceded by a commit holding it.
    expect(rowsSeenByB.at(-1)).toBeGreaterThanOrEqual(20);
    expect(hub.stats()).toEqual({ documents: 1, decoded: 1, connections: 2, loads: 1 });
  });

  it("applies the server's own edit to the loaded document: stored, then relayed to every connection", async () => {
    const hub = startHub();
    const rowsSeenByA: number[] = [];
    const a = connect(hub, "user-a", "edit", () => rowsSeenByA.push(countRows()));
    const b = connect(hub, "user-b", "view");
    a.doc.getText("t").insert(0, "texte");
    await waitFor(() => b.text() === "texte");
    const rowsBefore = countRows();
    const answer = await hub.edit(DOC, (doc) => {
      doc.getText("t").insert(0, "Restauré : ");
      return doc.getText("t").length;
    });
    expect(answer).toBe("Restauré : texte".length);
    // Stored when the edit resolves, before or as the editors receive it.
    expect(countRows()).toBe(rowsBefore + 1);
    await waitFor(() => a.text() === "Restauré : texte" && b.text() === "Restauré : texte");
    expect(rowsSeenByA.at(-1)).toBe(rowsBefore + 1);
    // A read changes nothing and stores nothing.
    expect(await hub.edit(DOC, (doc) => doc.getText("t").toString())).toBe("Restauré : texte");
    expect(countRows()).toBe(rowsBefore + 1);
  });

  it("loads a document nobody has open to edit it, and stores it when unloaded", async () => {
    const hub = startHub();
    await hub.edit(DOC, (doc) => doc.getText("t").insert(0, "hors connexion"));
    await waitFor(() => hub.stats().documents === 0);
    const stored = storedState();
    if (!stored) throw new Error("nothing stored");
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored.state);
    expect(doc.getText("t").toString()).toBe("hors connexion");
    doc.destroy();
  });

  it("loads a document once for concurrent first connections", async () => {
    const base = createKyselyStore(database.db);
    let loads = 0;
    const store: DocumentStore = {
      ...base,
      async load(id) {
        loads++;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return base.load(id);
      },
    };
    const hub = startHub({}, store);
    const a = connect(hub, "user-a");
    const b = connect(hub, "user-b");
    a.doc.getText("t").insert(0, "vite");
    await waitFor(() => b.text() === "vite");
    expect(loads).toBe(1);
  });

  it("stores, compacts and unloads a document after its last connection, then reloads it", async () => {
    const projected: string[] = [];
    const hub = startHub({
      unloadDelayMs: 30,
      onStored: (id, doc) => {
        projected.push(`${id}:${doc.getText("t").toString()}`);
      },
    });
    const a = connect(hub);
    a.doc.getText("t").insert(0, "à garder");
    await waitFor(() => countRows() > 0);
    a.leave();
    await waitFor(() => hub.stats().documents === 0);
    expect(countRows()).toBe(0);
    expect(storedState()).toBeDefined();
    expect(projected).toContain(`${DOC}:à garder`);

    const b = connect(hub, "user-b");
    await waitFor(() => b.text() === "à garder");
  });

  describe("a page stored compacted, with its state vector", () => {
    /** Writes `text` through a first hub, which compacts it at unload. */
    async function storeCompacted(hub: SyncHub, text: string) {
      const writer = connect(hub, "user-w");
      writer.doc.getText("t").insert(0, text);
      await waitFor(() => countRows() > 0);
      writer.leave();
      await waitFor(() => hub.stats().documents === 0);
      const row = database.sqlite
        .prepare(
          "select state, state_vector, updated_at from document_states where document_id = ?",
        )
        .get(DOC) as { state: Uint8Array; state_vector: Uint8Array | null; updated_at: number };
      expect(row.state_vector).not.toBeNull();
      return row;
    }

    it("answers a fresh client from the stored bytes, and decodes at the first edit", async () => {
      const hub = startHub();
      await storeCompacted(hub, "bonjour");
      const reader = connect(hub, "user-r");
      await waitFor(() => reader.text() === "bonjour");
      expect(hub.stats()).toMatchObject({ documents: 1, decoded: 0 });

      reader.doc.getText("t").insert(7, " à tous");
      const other = connect(hub, "user-o");
      await waitFor(() => other.text() === "bonjour à tous");
      expect(hub.stats()).toMatchObject({ documents: 1, decoded: 1 });
      await waitFor(() => countRows() > 0);
    });

    it("sends a client that holds part of the page what it lacks, and stores its own edits", async () => {
      const hub = startHub();
      const { state } = await storeCompacted(hub, "le texte");
      const returning = new TestClient(hub.connection(DOC, visitor("user-b"), "edit"));
      clients.push(returning);
      Y.applyUpdate(returning.doc, state, returning);
      // Made offline: not sent as an update, only known through the sync.
      returning.doc.transact(
        () => returning.doc.getText("t").insert(0, "hors ligne : "),
        returning,
      );
      returning.open();
      const fresh = connect(hub, "user-c");
      await waitFor(() => fresh.text() === "hors ligne : le texte");
      expect(hub.stats().decoded).toBe(1);
      await waitFor(() => countRows() > 0);
    });

    it("unloads without storing nor projecting anything when it was only read", async () => {
      const projected: string[] = [];
      const hub = startHub({ onStored: (id) => void projected.push(id) });
      const before = await storeCompacted(hub, "rien de neuf");
      projected.length = 0;
      const reader = connect(hub, "user-r");
      await waitFor(() => reader.text() === "rien de neuf");
      reader.leave();
      await waitFor(() => hub.stats().documents === 0);
      expect(projected).toEqual([]);
      expect(
        database.sqlite
          .prepare("select state, updated_at from document_states where document_id = ?")
          .get(DOC),
      ).toEqual({ state: before.state, updated_at: before.updated_at });
    });

    it("answers the clients coming back with the same content once, with the same frame", async () => {
      const hub = startHub();
      const writer = connect(hub, "user-w");
      writer.doc.getText("t").insert(0, "un");
      const partial = Y.encodeStateAsUpdate(writer.doc);
      writer.doc.getText("t").insert(2, " deux");
      await waitFor(() => countRows() > 0);
      writer.leave();
      await waitFor(() => hub.stats().documents === 0);
      const returning = ["user-b", "user-c"].map((user) => {
        const client = new TestClient(hub.connection(DOC, visitor(user), "edit"));
        clients.push(client);
        Y.applyUpdate(client.doc, partial, client);
        return client.open();
      });
      await waitFor(() => returning.every((client) => client.text() === "un deux"));
      const [first, second] = returning.map(
        (client) =>
          client.received.find(
            (frame) => frame[0] === messageSync && frame[1] === syncProtocol.messageYjsSyncStep2,
          )?.buffer,
      );
      expect(first).toBeDefined();
      expect(second).toBe(first);
    });

    it("does not project at unload what a returning client only re-sent (after a restart)", async () => {
      const projected: string[] = [];
      const hub = startHub({ onStored: (id) => void projected.push(id) });
      const writer = connect(hub, "user-w");
      writer.doc.getText("t").insert(0, "déjà là !");
      // A deletion: the returning client's answer carries it, and the page is decoded.
      writer.doc.getText("t").delete(7, 2);
      await waitFor(() => countRows() > 0);
      const state = Y.encodeStateAsUpdate(writer.doc);
      writer.leave();
      await waitFor(() => hub.stats().documents === 0);
      projected.length = 0;
      const returning = new TestClient(hub.connection(DOC, visitor("user-b"), "edit"));
      clients.push(returning);
      Y.applyUpdate(returning.doc, state, returning);
      returning.open();
      await waitFor(() => hub.stats().decoded === 1);
      returning.leave();
      await waitFor(() => hub.stats().documents === 0);
      expect(projected).toEqual([]);
    });

    it("projects at unload a change made since its last projection", async () => {
      const projected: string[] = [];
      const hub = startHub({ onStored: (id) => void projected.push(id), storeDebounceMs: 60_000 });
      await storeCompacted(hub, "avant");
      projected.length = 0;
      const writer = connect(hub, "user-w");
      await waitFor(() => writer.text() === "avant");
      writer.doc.getText("t").insert(5, ", après");
      await waitFor(() => countRows() > 0);
      expect(projected).toEqual([]);
      writer.leave();
      await waitFor(() => hub.stats().documents === 0);
      expect(projected).toEqual([DOC]);
    });

    it("projects at unload a log it loaded, left by an instance that stopped before", async () => {
      const source = new Y.Doc();
      source.on("update", (update: Uint8Array) =>
        database.sqlite
          .prepare("insert into document_updates (document_id, data) values (?, ?)")
          .run(DOC, update),
      );
      source.getText("t").insert(0, "écrit avant l'arrêt");
      const projected: string[] = [];
      const hub = startHub({ onStored: (id) => void projected.push(id) });
      const reader = connect(hub, "user-r");
      await waitFor(() => reader.text() === "écrit avant l'arrêt");
      reader.leave();
      await waitFor(() => hub.stats().documents === 0);
      expect(projected).toEqual([DOC]);
    });

    it("decodes at load a state stored without its vector, as seeded pages are", async () => {
      const seed = new Y.Doc();
      seed.getText("t").insert(0, "modèle");
      await database.db
        .insertInto("document_states")
        .values({ document_id: DOC, state: Y.encodeStateAsUpdate(seed), updated_at: 0 })
        .execute();
      const hub = startHub();
      const reader = connect(hub, "user-r");
      await waitFor(() => reader.text() === "modèle");
      expect(hub.stats()).toMatchObject({ documents: 1, decoded: 1 });
    });
  });

  it("loads what it can of a log holding a row that cannot be applied", async () => {
    const source = new Y.Doc();
    const rows: Uint8Array[] = [];
    source.on("update", (update: Uint8Array) => rows.push(update));
    source.getText("t").insert(0, "un");
    source.getText("t").insert(2, " deux");
    const insert = database.sqlite.prepare(
      "insert into document_updates (document_id, data) values (?, ?)",
    );
    insert.run(DOC, rows[0]);
    insert.run(DOC, Buffer.from([255, 1, 2]));
    insert.run(DOC, rows[1]);
    const hub = startHub();
    const reader = connect(hub);
    await waitFor(() => reader.text() === "un deux");
    reader.doc.getText("t").insert(7, " trois");
    const other = connect(hub, "user-b");
    await waitFor(() => other.text() === "un deux trois");
  });

  it("lets a connection that arrives during an unload load the document again", async () => {
    const base = createKyselyStore(database.db);
    let release: (() => void) | null = null;
    let compactions = 0;
    const store: DocumentStore = {
      ...base,
      async compact(id, state, upTo) {
        compactions++;
        if (compactions === 1) await new Promise<void>((resolve) => (release = resolve));
        return base.compact(id, state, upTo);
      },
    };
    const hub = startHub({ unloadDelayMs: 0 }, store);
    const a = connect(hub);
    a.doc.getText("t").insert(0, "avant");
    await waitFor(() => countRows() > 0);
    a.leave();
    await waitFor(() => release !== null); // the unload is under way, stuck in compaction
    const b = connect(hub, "user-b");
    b.doc.getText("t").insert(0, "pendant ");
    (release as unknown as () => void)();
    await waitFor(() => b.text() === "pendant avant" || b.text() === "avantpendant ");
    const c = connect(hub, "user-c");
    await waitFor(() => c.text() === b.text());
    await hub.close();
    const reloaded = startHub();
    const d = connect(reloaded, "user-d");
    await waitFor(() => d.text() === b.text());
  });

  it("compacts the log once it exceeds compactAfter, without losing anything", async () => {
    const hub = startHub({ compactAfter: 10 });
    const a = connect(hub);
    for (let i = 0; i < 25; i++) a.doc.getText("t").insert(i, "x");
    await waitFor(() => storedState() !== undefined && countRows() <= 10);
    await hub.close();
    const reloaded = startHub();
    const b = connect(reloaded, "user-b");
    await waitFor(() => b.text() === "x".repeat(25));
  });

  it("tells the read projections within storeDebounceMs while the document stays open", async () => {
    const seen: string[] = [];
    const hub = startHub({
      storeDebounceMs: 50,
      onStored: (_id, doc) => {
        seen.push(doc.getText("t").toString());
        throw new Error("a failing projection is only logged");
      },
    });
    const a = connect(hub);
    a.doc.getText("t").insert(0, "un");
    await waitFor(() => seen.includes("un"), 1000);
    a.doc.getText("t").insert(2, " deux");
    await waitFor(() => seen.includes("un deux"), 1000);
    expect(hub.stats().documents).toBe(1);
  });

  it("leaves the projections to the instance that holds them, and asks again when its claim ends", async () => {
    const claims: ProjectionClaim[] = [
      { granted: false, retryInMs: 80 },
      { granted: false, retryInMs: 80 },
      { granted: true },
    ];
    let asked = 0;
    const projected: string[] = [];
    const hub = startHub({
      storeDebounceMs: 20,
      fanout: {
        ...localFanout,
        claimProjection: async () => {
          asked++;
          return claims.shift() ?? { granted: true };
        },
      },
      onStored: (_id, doc) => void projected.push(doc.getText("t").toString()),
    });
    const a = connect(hub);
    a.doc.getText("t").insert(0, "un");
    await waitFor(() => asked === 1, 1000);
    expect(projected).toEqual([]);
    // A change while refused waits for the same retry: one question per claim, not per change.
    a.doc.getText("t").insert(2, " deux");
    await waitFor(() => projected.includes("un deux"), 2000);
    expect(asked).toBe(3);
  });

  it("re-checks a person's connections: revoked, changed, unchanged", async () => {
    const hub = startHub();
    const editor = connect(hub, "user-a", "edit");
    const viewer = connect(hub, "user-a", "view");
    const other = connect(hub, "user-b", "edit");
    await waitFor(() => hub.stats().connections === 3);
    access.set("user-a", "view");
    await hub.recheckUser("user-a");
    expect(editor.socket.closedWith).toBe(closeCodes.accessChanged);
    expect(viewer.socket.closedWith).toBeNull();
    access.set("user-a", null);
    await hub.recheckUser("user-a");
    expect(viewer.socket.closedWith).toBe(closeCodes.accessRevoked);
    expect(other.socket.closedWith).toBeNull();
    expect(hub.stats().connections).toBe(1);
  });

  it("re-checks a connection authorised before a membership change that opens after it", async () => {
    const hub = startHub();
    const events = hub.connection(DOC, visitor("user-a"), "edit");
    access.set("user-a", null);
    await hub.recheckUser("user-a");
    const late = new TestClient(events);
    clients.push(late);
    late.open();
    await waitFor(() => late.socket.closedWith === closeCodes.accessRevoked);
  });

  it("re-checks everyone connected to a document that moved, not only its mover", async () => {
    const hub = startHub();
    const thematic = connect(hub, "user-a", "edit");
    const reader = connect(hub, "user-b", "view");
    const mover = connect(hub, "user-c", "edit");
    await waitFor(() => hub.stats().connections === 3);
    access.set("user-a", null);
    access.set("user-b", null);
    await hub.recheckDocument(DOC);
    expect(thematic.socket.closedWith).toBe(closeCodes.accessRevoked);
    expect(reader.socket.closedWith).toBe(closeCodes.accessRevoked);
    expect(mover.socket.closedWith).toBeNull();
  });

  /** A connection made under a given session. */
  function connectUnder(hub: SyncHub, who: Visitor) {
    const client = new TestClient(hub.connection(DOC, who, "edit"));
    clients.push(client);
    return client.open();
  }

  it("closes the connections of ended sessions only", async () => {
    const hub = startHub();
    const laptop = connectUnder(hub, visitor("user-a", "s-laptop"));
    const phone = connectUnder(hub, visitor("user-a", "s-phone"));
    const tablet = connectUnder(hub, visitor("user-a", "s-tablet"));
    const other = connect(hub, "user-b");
    await waitFor(() => hub.stats().connections === 4);
    hub.endSessions(["s-laptop"]);
    expect(laptop.socket.closedWith).toBe(closeCodes.sessionEnded);
    expect(phone.socket.closedWith).toBeNull();
    // A password changed on the phone ends every other session of that person.
    hub.endUserSessions("user-a", "s-phone");
    expect(tablet.socket.closedWith).toBe(closeCodes.sessionEnded);
    expect(phone.socket.closedWith).toBeNull();
    expect(other.socket.closedWith).toBeNull();
  });

  it("closes a connection authorised before its session ended that opens after", async () => {
    const hub = startHub({ sessionExpiry: async () => null });
    const events = hub.connection(DOC, visitor("user-a", "s-gone"), "edit");
    hub.endSessions(["s-gone"]);
    const late = new TestClient(events);
    clients.push(late);
    late.open();
    await waitFor(() => late.socket.closedWith === closeCodes.sessionEnded);
  });

  it("closes a connection within a second of its session expiring, unless it was extended", async () => {
    const expiries = new Map<string, number | null>([
      ["s-expired", null],
      ["s-extended", Date.now() + 3_600_000],
    ]);
    const hub = startHub({
      sessionCheckMs: 50,
      sessionExpiry: async (sessionId) => expiries.get(sessionId) ?? null,
    });
    const soon = Date.now() + 200;
    const expired = connectUnder(hub, {
      ...visitor("user-a", "s-expired"),
      sessionExpiresAt: soon,
    });
    const extended = connectUnder(hub, {
      ...visitor("user-b", "s-extended"),
      sessionExpiresAt: soon,
    });
    await waitFor(() => expired.socket.closedWith !== null, 1000);
    expect(expired.socket.closedWith).toBe(closeCodes.sessionEnded);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(extended.socket.closedWith).toBeNull();
  });

  it("refuses a person's connection to a document over the cap, not to others", async () => {
    const hub = startHub({ connectionsPerPerson: 2 });
    const first = connect(hub, "user-a");
    const second = connect(hub, "user-a");
    const elsewhere = connect(hub, "user-b");
    await waitFor(() => hub.stats().connections === 3);
    const third = connect(hub, "user-a");
    expect(third.socket.closedWith).toBe(closeCodes.rateLimited);
    expect(first.socket.closedWith).toBeNull();
    expect(second.socket.closedWith).toBeNull();
    expect(elsewhere.socket.closedWith).toBeNull();
    expect(hub.stats().connections).toBe(3);
    // A place freed is a place taken.
    first.leave();
    const fourth = connect(hub, "user-a");
    await waitFor(() => hub.stats().connections === 3);
    expect(fourth.socket.closedWith).toBeNull();
  });

  it("closes only a connection that floods messages or sends text", async () => {
    const hub = startHub();
    const flooder = connect(hub, "user-a");
    const talker = connect(hub, "user-b");
    const calm = connect(hub, "user-c");
    await waitFor(() => hub.stats().connections === 3);
    for (let i = 0; i < 1100; i++) flooder.send(new Uint8Array([2, 0]));
    expect(flooder.socket.closedWith).toBe(closeCodes.rateLimited);
    talker.send("bonjour");
    expect(talker.socket.closedWith).toBe(closeCodes.badMessage);
    calm.doc.getText("t").insert(0, "calme");
    await waitFor(() => countRows() > 0);
    expect(calm.socket.closedWith).toBeNull();
  });

  it("terminates a socket that stops answering pings", async () => {
    const hub = startHub({ pingIntervalMs: 20 });
    const dead = connect(hub, "user-a");
    const alive = connect(hub, "user-b");
    dead.socket.answersPings = false;
    await waitFor(() => dead.socket.terminated);
    expect(alive.socket.terminated).toBe(false);
    expect(hub.stats().connections).toBe(1);
  });

  it("closes gracefully: 1001 to every socket, everything stored, idempotent", async () => {
    let projections = 0;
    const hub = startHub({ unloadDelayMs: 60_000, onStored: () => void projections++ });
    const a = connect(hub);
    const b = connect(hub, "user-b");
    a.doc.getText("t").insert(0, "fin");
    await waitFor(() => countRows() > 0);
    a.doc.getText("t").insert(3, "!"); // still waiting for its write when close() begins
    await Promise.all([hub.close(), hub.close()]);
    expect(a.socket.closedWith).toBe(closeCodes.goingAway);
    expect(b.socket.closedWith).toBe(closeCodes.goingAway);
    expect(hub.stats()).toMatchObject({ documents: 0, connections: 0 });
    expect(countRows()).toBe(0);
    expect(storedState()).toBeDefined();
    expect(projections).toBeGreaterThan(0);
    const late = connect(hub, "user-c");
    expect(late.socket.closedWith).toBe(closeCodes.goingAway);

    const reloaded = startHub();
    const c = connect(reloaded, "user-c");
    await waitFor(() => c.text() === "fin!");
  });

  it("writes through the raw SQLite handle, and waits for a Kysely transaction to end", async () => {
    const hub = startHub({ sqlite: database.sqlite });
    const a = connect(hub, "user-a");
    const b = connect(hub, "user-b");
    a.doc.getText("t").insert(0, "direct");
    await waitFor(() => b.text() === "direct" && countRows() === 1);
    // A domain transaction spanning several turns, on the same connection, that fails.
    let finish: () => void = () => {};
    const transaction = database.db
      .transaction()
      .execute(async (trx) => {
        await trx
          .updateTable("documents")
          .set({ title: "Renommé" })
          .where("id", "=", DOC)
          .execute();
        await new Promise<void>((resolve) => (finish = resolve));
        throw new Error("rolled back");
      })
      .catch(() => "rolled back");
    await waitFor(() => database.sqlite.inTransaction);
    a.doc.getText("t").insert(6, " pendant");
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(b.text()).toBe("direct"); // not relayed: not stored yet
    finish();
    expect(await transaction).toBe("rolled back");
    await waitFor(() => b.text() === "direct pendant");
    expect(countRows()).toBe(2); // kept, though the transaction it waited for was rolled back
  });

  it("takes its per-connection rates from the options", async () => {
    const hub = startHub({ rates: { messages: { perSecond: 1, burst: 5 } } });
    const a = connect(hub, "user-a");
    await waitFor(() => hub.stats().connections === 1);
    for (let i = 0; i < 6; i++) a.send(new Uint8Array([2, 0]));
    expect(a.socket.closedWith).toBe(closeCodes.rateLimited);
  });

  it("keeps the order of a connection's frames while a large update is inspected off the thread", async () => {
    const hub = startHub();
    const a = connect(hub, "user-a");
    const b = connect(hub, "user-b");
    await waitFor(() => hub.stats().connections === 2 && b.received.length > 0);
    const text = a.doc.getText("t");
    text.insert(0, "Le pôle coopère. ".repeat(2000)); // ~34 KB: goes to the worker
    text.insert(text.length, " Fin."); // depends on the large one
    await waitFor(() => b.text() === text.toString(), 10_000);
    expect(a.socket.closedWith).toBeNull();
    expect(countRows()).toBe(2);
  });

  it("reloads a document from the database when an update fails half-way through", async () => {
    const hub = startHub({ compactAfter: 1 });
    const a = connect(hub, "user-a");
    const b = connect(hub, "user-b");
    a.doc.getText("t").insert(0, "sain");
    await waitFor(() => b.text() === "sain");
    const apply = SharedDocument.prototype.apply;
    const spy = vi.spyOn(SharedDocument.prototype, "apply").mockImplementationOnce(function (
      this: SharedDocument,
      update,
      origin,
    ) {
      apply.call(this, update, origin);
      throw new Error("half-way");
    });
    a.doc.getText("t").insert(4, " corrompu");
    await waitFor(() => b.socket.closedWith !== null);
    spy.mockRestore();
    expect(b.socket.closedWith).toBe(standardCloseCodes.internalError);
    await waitFor(() => hub.stats().documents === 0);
    const c = connect(hub, "user-c");
    await waitFor(() => c.text() === "sain");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(c.text()).toBe("sain");
    await hub.close();
    const reloaded = startHub();
    const d = connect(reloaded, "user-d");
    await waitFor(() => d.text() === "sain");
  });

  it("holds a person's frames while their rights are re-checked: dropped if revoked, else applied", async () => {
    let answer: () => void = () => {};
    const hub = startHub({
      accessOf: async (userId) => {
        await new Promise<void>((resolve) => (answer = resolve));
        return access.has(userId) ? (access.get(userId) ?? null) : "edit";
      },
    });
    const member = connect(hub, "user-a");
    const other = connect(hub, "user-b");
    member.doc.getText("t").insert(0, "avant ");
    await waitFor(() => other.text() === "avant ");
    // Still an editor: what was sent during the re-check is applied once it answers.
    const unchanged = hub.recheckUser("user-a");
    member.doc.getText("t").insert(6, "pendant ");
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(other.text()).toBe("avant ");
    answer();
    await unchanged;
    await waitFor(() => other.text() === "avant pendant ");
    // Removed: what was sent during the re-check is neither relayed nor stored.
    access.set("user-a", null);
    const revoked = hub.recheckUser("user-a");
    member.doc.getText("t").insert(14, "après");
    await new Promise((resolve) => setTimeout(resolve, 30));
    answer();
    await revoked;
    expect(member.socket.closedWith).toBe(closeCodes.accessRevoked);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(other.text()).toBe("avant pendant ");
    await hub.close();
    const reloaded = startHub();
    const reader = connect(reloaded, "user-c");
    await waitFor(() => reader.text() === "avant pendant ");
  });
});
