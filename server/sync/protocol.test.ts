import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { closeCodes, type DocumentAccess } from "../../shared/documents";
import { structuralLimitsOnly } from "../../tests/helpers/guard";
import { visitor } from "../../tests/helpers/visitor";
import { craftedUpdates } from "../../tests/torture/crafted";
import type { AppendedUpdate, DocumentStore } from "../storage";
import { Connection } from "./connection";
import { SharedDocument } from "./document";
import {
  awarenessUpdateFrame,
  messageAwareness,
  messageQueryAwareness,
  messageSync,
  updateFrame,
} from "./frames";
import { UpdateGuard } from "./guard";
import { MAX_SEND_BUFFER_BYTES, standardCloseCodes } from "./limits";
import { encodePresence, type PresenceEntry } from "./presence";
import { handleMessage, type ProtocolContext } from "./protocol";
import { UpdateWriter } from "./writer";

const logger = pino({ level: "silent" });

/** An awareness message of these entries, as a client would send it. */
const awarenessFrame = (entries: PresenceEntry[]) => awarenessUpdateFrame(encodePresence(entries));

/** A document, a writer over a recording store, and fake connections sharing one event log. */
function setUp() {
  const events: string[] = [];
  const appended: AppendedUpdate[] = [];
  let nextId = 1;
  const nothingStored = { state: null, stateVector: null, updates: [], lastUpdateId: 0 };
  const store: Pick<DocumentStore, "append"> = {
    async append(updates) {
      const highest = new Map<string, number>();
      for (const update of updates) {
        appended.push(update);
        highest.set(update.documentId, nextId++);
      }
      events.push(`append ${updates.length}`);
      return highest;
    },
  };
  const writer = new UpdateWriter(store, logger, () => {});
  const doc = new SharedDocument("doc-1", nothingStored, (error) => {
    throw error;
  });
  const context: ProtocolContext = {
    sink: writer,
    logger,
    guard: new UpdateGuard(structuralLimitsOnly),
    // Nothing is sent while an update is inspected in these tests: nothing to replay.
    release: (connection) => connection.release(() => {}),
    quarantine: () => {},
  };

  function connect(name: string, access: DocumentAccess = "edit") {
    const received: Uint8Array[] = [];
    const closes: number[] = [];
    const connection = new Connection("doc-1", visitor(`user-${name}`), access, 0, (ended) =>
      doc.detach(ended),
    );
    connection.peer = {
      send(frame) {
        events.push(`send ${name}`);
        received.push(frame);
      },
      close(code) {
        closes.push(code);
      },
    };
    doc.attach(connection);
    connection.release(() => {}); // as the hub does once attached
    received.length = 0; // what attach sent (step 1) is tested on its own
    events.length = 0;
    return {
      connection,
      received,
      closes,
      send: (message: Uint8Array) => handleMessage(context, doc, connection, message),
    };
  }

  return { events, appended, writer, doc, context, connect };
}

type Harness = ReturnType<typeof setUp>;
let current: Harness | null = null;
const harness = () => {
  current = setUp();
  return current;
};
afterEach(() => {
  current?.doc.destroy();
  current = null;
});

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSync);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** An update that inserts `text` into the body of a fresh client. */
function textUpdate(text: string): Uint8Array {
  const client = new Y.Doc();
  client.getText("t").insert(0, text);
  const update = Y.encodeStateAsUpdate(client);
  client.destroy();
  return update;
}

/** Applies every sync frame to `doc`, as a y-websocket client would. */
function applyFrames(doc: Y.Doc, frames: Uint8Array[]) {
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== messageSync) continue;
    syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, "server");
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("sync protocol handler", () => {
  it("sends sync step 1 when a connection attaches", () => {
    const { doc } = harness();
    doc.ydoc.getText("t").insert(0, "server side");
    const frames: Uint8Array[] = [];
    const connection = new Connection("doc-1", visitor("u"), "edit", 0, () => {});
    connection.peer = { send: (frame) => frames.push(frame), close() {} };
    doc.attach(connection);
    const decoder = decoding.createDecoder(frames[0]);
    expect(decoding.readVarUint(decoder)).toBe(messageSync);
    expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsSyncStep1);
  });

  it("answers sync step 1 with sync step 2", () => {
    const { doc, connect } = harness();
    doc.ydoc.getText("t").insert(0, "déjà là");
    const a = connect("a");
    const client = new Y.Doc();
    a.send(syncMessage((encoder) => syncProtocol.writeSyncStep1(encoder, client)));
    expect(a.received).toHaveLength(1);
    const decoder = decoding.createDecoder(a.received[0]);
    decoding.readVarUint(decoder);
    expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsSyncStep2);
    applyFrames(client, a.received);
    expect(client.getText("t").toString()).toBe("déjà là");
    client.destroy();
  });

  it("answers the same question again once an update only added to what is pending", async () => {
    const { connect } = harness();
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on("update", (update: Uint8Array) => updates.push(update));
    source.getText("t").insert(0, "un");
    source.getText("t").insert(2, " deux");
    const [first, second] = updates;
    const ask = (name: string) => {
      const asking = connect(name);
      asking.send(syncMessage((encoder) => syncProtocol.writeSyncStep1(encoder, new Y.Doc())));
      return asking.received;
    };
    ask("early");
    const writer = connect("w");
    // Its first half is missing: the server holds it pending, as Yjs does.
    writer.send(syncMessage((encoder) => syncProtocol.writeUpdate(encoder, second)));
    await settle();
    const late = new Y.Doc();
    applyFrames(late, ask("late"));
    writer.send(syncMessage((encoder) => syncProtocol.writeUpdate(encoder, first)));
    await settle();
    // The late client gets only the first half relayed: the rest came with its step 2.
    Y.applyUpdate(late, first);
    expect(late.getText("t").toString()).toBe("un deux");
  });

  it("stores an edit connection's update before relaying it, once, to the others only", async () => {
    const { events, appended, doc, connect } = harness();
    const a = connect("a");
    const b = connect("b");
    const c = connect("c");
    const update = textUpdate("bonjour");
    const frame = updateFrame(update);
    a.send(frame);
    expect(doc.ydoc.getText("t").toString()).toBe("bonjour");
    expect(events).toEqual([]); // nothing leaves before the write
    await settle();
    expect(events).toEqual(["append 1", "send b", "send c"]);
    expect(appended.map((row) => Array.from(row.data))).toEqual([Array.from(update)]);
    expect(a.received).toEqual([]);
    expect(b.received[0]).toEqual(frame);
    expect(b.received[0]).toBe(c.received[0]); // encoded once
  });

  it("batches the updates of one turn into one write, relayed in order", async () => {
    const { events, connect } = harness();
    const a = connect("a");
    const b = connect("b");
    const client = new Y.Doc();
    const updates: Uint8Array[] = [];
    client.on("update", (update: Uint8Array) => updates.push(update));
    for (const word of ["un", "deux", "trois"]) client.getText("t").insert(0, word);
    for (const update of updates) a.send(updateFrame(update));
    await settle();
    expect(events).toEqual(["append 3", "send b", "send b", "send b"]);
    const mirror = new Y.Doc();
    applyFrames(mirror, b.received);
    expect(mirror.getText("t").toString()).toBe("troisdeuxun");
    client.destroy();
    mirror.destroy();
  });

  it("relays a sync step 2 as an update", async () => {
    const { connect } = harness();
    const a = connect("a");
    const b = connect("b");
    const update = textUpdate("étape deux");
    a.send(syncMessage((encoder) => syncProtocol.writeSyncStep2(encoder, docWith(update))));
    await settle();
    const decoder = decoding.createDecoder(b.received[0]);
    decoding.readVarUint(decoder);
    expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsUpdate);
  });

  it("drops a view connection's updates: never applied, stored nor relayed", async () => {
    const { events, appended, doc, connect } = harness();
    const viewer = connect("viewer", "view");
    const other = connect("other");
    viewer.send(updateFrame(textUpdate("pirate")));
    viewer.send(
      syncMessage((encoder) => syncProtocol.writeSyncStep2(encoder, docWith(textUpdate("x")))),
    );
    await settle();
    expect(doc.ydoc.getText("t").toString()).toBe("");
    expect(appended).toEqual([]);
    expect(events).toEqual([]);
    expect(other.received).toEqual([]);
    expect(viewer.closes).toEqual([]);
  });

  it("still sends everything to a view connection", async () => {
    const { connect } = harness();
    const viewer = connect("viewer", "view");
    const editor = connect("editor");
    editor.send(updateFrame(textUpdate("à lire")));
    await settle();
    const mirror = new Y.Doc();
    applyFrames(mirror, viewer.received);
    expect(mirror.getText("t").toString()).toBe("à lire");
    mirror.destroy();
  });

  it("neither stores nor relays an update that changes nothing", async () => {
    const { appended, connect } = harness();
    const a = connect("a");
    const b = connect("b");
    const update = textUpdate("une fois");
    a.send(updateFrame(update));
    await settle();
    a.send(updateFrame(update));
    b.send(updateFrame(update));
    await settle();
    expect(appended).toHaveLength(1);
    expect(b.received).toHaveLength(1);
  });

  it("stores an update whose dependencies are missing (pending structs)", async () => {
    const { appended, connect } = harness();
    const a = connect("a");
    const client = new Y.Doc();
    const updates: Uint8Array[] = [];
    client.on("update", (update: Uint8Array) => updates.push(update));
    client.getText("t").insert(0, "a");
    client.getText("t").insert(1, "b");
    a.send(updateFrame(updates[1]));
    await settle();
    expect(appended).toHaveLength(1);
    client.destroy();
  });

  it("holds a sync step 2 back until pending updates are stored", async () => {
    const { events, connect } = harness();
    const a = connect("a");
    const late = connect("late");
    a.send(updateFrame(textUpdate("pas encore écrit")));
    late.send(syncMessage((encoder) => syncProtocol.writeSyncStep1(encoder, new Y.Doc())));
    expect(late.received).toEqual([]);
    await settle();
    expect(events[0]).toBe("append 1");
    const mirror = new Y.Doc();
    applyFrames(mirror, late.received);
    expect(mirror.getText("t").toString()).toBe("pas encore écrit");
    mirror.destroy();
  });

  it.each([
    ["an empty frame", new Uint8Array([])],
    ["an unknown message type", new Uint8Array([7, 1, 2])],
    ["an unknown sync message type", new Uint8Array([messageSync, 9, 0])],
    ["a truncated update", new Uint8Array([messageSync, syncProtocol.messageYjsUpdate, 20, 1, 2])],
    [
      "an update Yjs cannot read",
      new Uint8Array([messageSync, syncProtocol.messageYjsUpdate, 3, 255, 255, 255]),
    ],
    [
      "a bad state vector",
      new Uint8Array([messageSync, syncProtocol.messageYjsSyncStep1, 2, 255, 255]),
    ],
    ["a bad awareness update", new Uint8Array([messageAwareness, 3, 1, 1, 1])],
    ["random bytes", Uint8Array.from({ length: 64 }, (_, i) => (i * 151 + 7) % 256)],
  ])("closes only the connection that sends %s, storing nothing", async (_name, garbage) => {
    const { appended, doc, connect } = harness();
    const bad = connect("bad");
    const good = connect("good");
    bad.send(garbage);
    expect(bad.closes).toEqual([closeCodes.badMessage]);
    expect(doc.connections.has(bad.connection)).toBe(false);
    good.send(updateFrame(textUpdate("toujours là")));
    await settle();
    expect(good.closes).toEqual([]);
    expect(appended).toHaveLength(1);
    expect(doc.ydoc.getText("t").toString()).toBe("toujours là");
  });

  it("ignores auth messages", () => {
    const { connect } = harness();
    const a = connect("a");
    a.send(new Uint8Array([2, 0]));
    expect(a.closes).toEqual([]);
  });

  it("relays awareness to everyone and answers a query with every state", () => {
    const { connect } = harness();
    const a = connect("a");
    const b = connect("b");
    const clientDoc = new Y.Doc();
    const presence = new Awareness(clientDoc);
    presence.setLocalState({ user: { name: "Camille" } });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageAwareness);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(presence, [clientDoc.clientID]));
    a.send(encoding.toUint8Array(encoder));
    expect(b.received).toHaveLength(1);
    expect(a.received).toHaveLength(1); // a lone client needs its own echo to stay connected
    expect(a.connection.clientIds).toContain(clientDoc.clientID);

    b.send(new Uint8Array([messageQueryAwareness]));
    expect(b.received).toHaveLength(2);
    const observer = new Awareness(new Y.Doc());
    const decoder = decoding.createDecoder(b.received[1]);
    expect(decoding.readVarUint(decoder)).toBe(messageAwareness);
    applyAwarenessUpdate(observer, decoding.readVarUint8Array(decoder), "server");
    // The name shown is the connection's person ("user-a"), not the one the client sent.
    expect(observer.getStates().get(clientDoc.clientID)).toEqual({ user: { name: "user-a" } });

    // When the connection goes, so does its presence, for everyone else.
    a.connection.close(1000, "bye");
    expect(b.received).toHaveLength(3);
    const leave = decoding.createDecoder(b.received[2]);
    decoding.readVarUint(leave);
    applyAwarenessUpdate(observer, decoding.readVarUint8Array(leave), "server");
    expect(observer.getStates().has(clientDoc.clientID)).toBe(false);
    presence.destroy();
    observer.destroy();
    clientDoc.destroy();
  });

  describe("presence belongs to its connection", () => {
    /** An awareness message setting (or, with null, removing) one client's state. */
    const presenceFrame = (clientId: number, clock: number, state: unknown) =>
      awarenessFrame([[clientId, clock, JSON.stringify(state)]]);

    it("neither applies nor relays an entry for a client id another connection introduced", () => {
      const { doc, connect } = harness();
      const owner = connect("owner");
      const spoofer = connect("spoofer", "view");
      owner.send(presenceFrame(42, 1, { user: { name: "x", color: "#123456" }, cursor: 1 }));
      owner.received.length = 0;
      spoofer.received.length = 0;

      spoofer.send(presenceFrame(42, 2, { user: { name: "Directrice" }, cursor: 9 }));
      spoofer.send(presenceFrame(42, 3, null));
      expect(doc.awareness.getStates().get(42)).toEqual({
        user: { name: "user-owner", color: "#123456" },
        cursor: 1,
      });
      expect(owner.received).toEqual([]);
      expect(spoofer.received).toEqual([]);
      expect(spoofer.closes).toEqual([]);
      expect(spoofer.connection.clientIds).toEqual([]);
    });

    it("shows the session's person whatever name the client announces", () => {
      const { doc, connect } = harness();
      const liar = connect("liar");
      liar.send(presenceFrame(7, 1, { user: "Directrice", cursor: 2 }));
      expect(doc.awareness.getStates().get(7)).toEqual({ user: { name: "user-liar" }, cursor: 2 });
    });

    it("lets a client id go once its connection removed it", () => {
      const { doc, connect } = harness();
      const first = connect("first");
      const second = connect("second");
      first.send(presenceFrame(5, 1, { user: { name: "a" } }));
      first.send(presenceFrame(5, 2, null));
      second.send(presenceFrame(5, 3, { user: { name: "b" } }));
      expect(doc.awareness.getStates().get(5)).toEqual({ user: { name: "user-second" } });
    });
  });

  it("lets a view connection share its presence", () => {
    const { connect } = harness();
    const viewer = connect("viewer", "view");
    const other = connect("other");
    const clientDoc = new Y.Doc();
    const presence = new Awareness(clientDoc);
    presence.setLocalState({ user: { name: "Observatrice" } });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageAwareness);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(presence, [clientDoc.clientID]));
    viewer.send(encoding.toUint8Array(encoder));
    expect(other.received).toHaveLength(1);
    presence.destroy();
    clientDoc.destroy();
  });

  it("closes a connection flooding awareness with rateLimited", () => {
    const { connect } = harness();
    const a = connect("a");
    const clientDoc = new Y.Doc();
    const presence = new Awareness(clientDoc);
    for (let i = 0; i < 300 && a.closes.length === 0; i++) {
      presence.setLocalStateField("cursor", i);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, messageAwareness);
      encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(presence, [clientDoc.clientID]));
      a.send(encoding.toUint8Array(encoder));
    }
    expect(a.closes).toEqual([closeCodes.rateLimited]);
    presence.destroy();
    clientDoc.destroy();
  });
});

describe("hostile updates", () => {
  it.each(craftedUpdates().map((crafted) => [crafted.name, crafted] as const))(
    "%s: applied whole and relayed if honest, else refused with nothing applied or stored",
    async (_name, crafted) => {
      const { appended, doc, connect } = harness();
      doc.ydoc.getText("t").insert(0, "base");
      const before = Y.encodeStateAsUpdate(doc.ydoc);
      const sender = connect("sender");
      const other = connect("other");
      sender.send(updateFrame(crafted.update));
      // Large updates are inspected in the worker thread: wait for the verdict.
      for (let i = 0; i < 500 && sender.connection.held && !sender.closes.length; i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await settle();
      if (crafted.honest) {
        expect(sender.closes).toEqual([]);
        expect(appended).toHaveLength(1);
        expect(other.received).toHaveLength(1);
      } else if (sender.closes.length > 0) {
        expect([closeCodes.badMessage, standardCloseCodes.tryAgainLater]).toContain(
          sender.closes[0],
        );
        expect(appended).toEqual([]);
        expect(other.received).toEqual([]);
        expect(Y.encodeStateAsUpdate(doc.ydoc)).toEqual(before);
      } else {
        // Harmless though odd (a huge garbage-collected range…): applied as a whole, or
        // nothing at all when it changes nothing.
        expect(appended.length).toBeLessThanOrEqual(1);
        const mirror = docWith(before);
        Y.applyUpdate(mirror, crafted.update);
        expect(Y.encodeStateAsUpdate(doc.ydoc)).toEqual(Y.encodeStateAsUpdate(mirror));
        mirror.destroy();
      }
    },
  );

  it("counts the decoding of structs the document already holds", async () => {
    const { appended, doc, connect } = harness();
    const crafted = craftedUpdates();
    const known = crafted.find((c) => c.name === "garbage-collected range of 2^53");
    const values = crafted.find((c) => c.name.startsWith("2 million"));
    if (!known || !values) throw new Error("crafted updates renamed");
    // Client 5's range is known: Yjs would skip integrating the 2 MB of values, not decoding them.
    Y.applyUpdate(doc.ydoc, known.update);
    const a = connect("a");
    a.send(updateFrame(values.update));
    for (let i = 0; i < 500 && a.closes.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(a.closes).toEqual([closeCodes.badMessage]);
    expect(appended).toEqual([]);
  });

  it("refuses an update built on missing structs once the document holds enough of those", async () => {
    const { appended, connect } = harness();
    const client = new Y.Doc();
    const updates: Uint8Array[] = [];
    client.on("update", (update: Uint8Array) => updates.push(update));
    client.getText("t").insert(0, "manquant");
    client.getText("t").insert(8, "x".repeat(3000));
    const a = connect("a");
    a.send(updateFrame(updates[1]));
    // Reconnecting brings what was missing in the sync step 2: the close says so.
    expect(a.closes).toEqual([standardCloseCodes.tryAgainLater]);
    await settle();
    expect(appended).toEqual([]);
    client.destroy();
  });

  it("closes a connection whose presence is too large or claims too many clients", () => {
    const { doc, connect } = harness();
    const big = connect("big");
    big.send(awarenessFrame([[1, 1, JSON.stringify({ blob: "x".repeat(40_000) })]]));
    expect(big.closes).toEqual([closeCodes.badMessage]);
    const crowd = connect("crowd");
    crowd.send(
      awarenessFrame(
        Array.from(
          { length: 20 },
          (_, i) => [1000 + i, 1, '{"user":{}}'] as [number, number, string],
        ),
      ),
    );
    expect(crowd.closes).toEqual([closeCodes.badMessage]);
    // The states it brought left with it.
    expect(doc.awareness.getStates().size).toBe(0);
  });
});

describe("slow clients", () => {
  it("cuts a client whose unsent frames pile up, and only that one", async () => {
    const { connect } = harness();
    const slow = connect("slow");
    const writer = connect("writer");
    let terminated = false;
    // Its socket already holds all it may: the next frames tip it over. (Filling 32 MiB
    // for real would put each update through the guard's worker, slow on a busy box.)
    let buffered = MAX_SEND_BUFFER_BYTES;
    slow.connection.peer = {
      send(frame) {
        buffered += frame.byteLength;
      },
      close() {},
      buffered: () => buffered,
      terminate() {
        terminated = true;
      },
    };
    for (let i = 0; i < 40 && !terminated; i++) {
      writer.send(updateFrame(textUpdate("x".repeat(1024))));
      await settle();
    }
    expect(terminated).toBe(true);
    expect(slow.connection.closed).toBe(true);
    expect(writer.closes).toEqual([]);
  });
});

function docWith(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}
