/**
 * Fuzz: a stream of hostile frames from authenticated members (random bytes, truncated
 * messages, updates from another document's history, valid updates on a read-only
 * connection, text, oversize frames, presence floods) while an honest pair edits. The
 * server stays up, the pair keeps syncing, the connections that broke the protocol are
 * closed, and nothing but the pair's writing is stored.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { WebSocket } from "ws";
import { Awareness, applyAwarenessUpdate } from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { client as api } from "../helpers/server";
import { browser, markersIn, prepareInstance, sleep, startChild, storedBody, waitFor } from "./lib";

export interface FuzzOptions {
  frames: number;
  /** Hostile connections at once. */
  parallel: number;
  log?: (line: string) => void;
}

export interface FuzzResult {
  frames: number;
  connections: number;
  /** Connections that sent a frame breaking the protocol and were not closed. */
  leftOpen: number;
  /** The honest pair still converged, and the database holds exactly their text. */
  honestSynced: boolean;
  storedClean: boolean;
  serverUp: boolean;
}

type Kind =
  | "random"
  | "sync garbage"
  | "truncated"
  | "other document"
  | "read-only"
  | "text"
  | "oversize"
  | "awareness flood";

const syncUpdate = (update: Uint8Array) => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
};

/**
 * Whether a y-websocket peer could accept `frame` at all (the reference decoding, on a
 * scratch document): random bytes now and then form a valid message, which the server
 * rightly keeps serving. Only frames this rejects must get their connection closed.
 */
function validMessage(frame: Uint8Array): boolean {
  const doc = new Y.Doc();
  const presence = new Awareness(doc);
  try {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    if (type === 0) {
      // y-protocols' own readSyncMessage logs and swallows a failed update: decode directly.
      const sub = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (sub === syncProtocol.messageYjsSyncStep1) Y.decodeStateVector(payload);
      else if (sub === syncProtocol.messageYjsSyncStep2 || sub === syncProtocol.messageYjsUpdate) {
        Y.applyUpdate(doc, payload);
      } else return false;
    } else if (type === 1)
      applyAwarenessUpdate(presence, decoding.readVarUint8Array(decoder), null);
    else if (type !== 2 && type !== 3) return false;
    return true;
  } catch {
    return false;
  } finally {
    presence.destroy();
    doc.destroy();
  }
}

const randomBytes = (length: number) =>
  Uint8Array.from({ length }, () => Math.floor(Math.random() * 256));

/** Keystrokes of another document: each but the first depends on structs this one lacks. */
function foreignHistory(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  const body = doc.getXmlFragment("body");
  const text = new Y.XmlText();
  body.insert(0, [text]);
  for (let i = 0; i < count; i++) text.insert(text.length, "étranger ");
  doc.destroy();
  return updates.slice(1);
}

export async function fuzz(options: FuzzOptions): Promise<FuzzResult> {
  const instance = await prepareInstance(3, 1, 1);
  const page = instance.pages[0];
  const server = await startChild(instance.dataDir);
  const [alice, bob, mallory] = instance.members;
  const [viewer] = instance.observers;
  const honest = [browser(server, alice, page), browser(server, bob, page)];
  const foreign = foreignHistory(400);
  const valid = syncUpdate(
    (() => {
      const doc = new Y.Doc();
      doc.getXmlFragment("body").insert(0, [new Y.XmlText("ok")]);
      const update = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      return update;
    })(),
  );
  let sent = 0;
  let connections = 0;
  let leftOpen = 0;
  let honestWrites = 0;
  let running = true;
  try {
    await Promise.all(honest.map((c) => c.connect()));
    await waitFor(() => honest.every((c) => c.synced), "the honest pair to sync");
    const typing = (async () => {
      while (running) {
        honest[honestWrites % 2].type(`~honest.${honestWrites++}~`);
        await sleep(50);
      }
    })();

    const kinds: Array<[Kind, number]> = [
      ["random", 30],
      ["sync garbage", 25],
      ["truncated", 20],
      ["other document", 15],
      ["read-only", 5],
      ["text", 3],
      ["awareness flood", 1],
      ["oversize", 0.05],
    ];
    const totalWeight = kinds.reduce((sum, [, w]) => sum + w, 0);
    const pick = (): Kind => {
      let roll = Math.random() * totalWeight;
      for (const [kind, weight] of kinds) {
        roll -= weight;
        if (roll <= 0) return kind;
      }
      return "random";
    };

    const attacker = async () => {
      while (sent < options.frames) {
        const kind = pick();
        const person = kind === "read-only" ? viewer : mallory;
        const socket = new WebSocket(`${server.wsUrl}/sync/${page}`, {
          headers: { cookie: person.cookie, origin: server.url },
          maxPayload: 64 * 1024 * 1024,
        });
        socket.on("error", () => {});
        const opened = await new Promise<boolean>((resolve) => {
          socket.once("open", () => resolve(true));
          socket.once("unexpected-response", () => resolve(false));
          socket.once("close", () => resolve(false));
        });
        if (!opened) continue;
        connections++;
        const closed = new Promise<number>((resolve) =>
          socket.once("close", (code) => resolve(code)),
        );
        let breaksProtocol = true;
        const frames: Array<Uint8Array | string> = [];
        switch (kind) {
          case "random":
            frames.push(randomBytes(1 + Math.floor(Math.random() * 300)));
            breaksProtocol = !validMessage(frames[0] as Uint8Array);
            break;
          case "sync garbage":
            frames.push(
              Uint8Array.of(
                0,
                Math.floor(Math.random() * 3),
                ...randomBytes(2 + Math.floor(Math.random() * 100)),
              ),
            );
            breaksProtocol = !validMessage(frames[0] as Uint8Array);
            break;
          case "truncated":
            frames.push(valid.subarray(0, 1 + Math.floor(Math.random() * (valid.byteLength - 2))));
            break;
          case "other document":
            // Inert structs waiting for what this page never had: accepted while small.
            frames.push(syncUpdate(foreign[Math.floor(Math.random() * foreign.length)]));
            breaksProtocol = false;
            break;
          case "read-only":
            frames.push(valid);
            breaksProtocol = false;
            break;
          case "text":
            frames.push("du texte");
            break;
          case "awareness flood":
            for (let i = 0; i < 400; i++) {
              const inner = encoding.createEncoder();
              encoding.writeVarUint(inner, 1);
              encoding.writeVarUint(inner, 999_000 + connections);
              encoding.writeVarUint(inner, i + 1);
              encoding.writeVarString(inner, JSON.stringify({ cursor: i }));
              const encoder = encoding.createEncoder();
              encoding.writeVarUint(encoder, 1);
              encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
              frames.push(encoding.toUint8Array(encoder));
            }
            break;
          case "oversize":
            frames.push(new Uint8Array(9 * 1024 * 1024));
            break;
        }
        for (const frame of frames) if (socket.readyState === WebSocket.OPEN) socket.send(frame);
        sent += kind === "awareness flood" ? frames.length : 1;
        const code = await Promise.race([closed, sleep(breaksProtocol ? 3000 : 20).then(() => 0)]);
        if (breaksProtocol && code === 0) leftOpen++;
        socket.terminate();
      }
    };
    let reported = 0;
    const progress = setInterval(() => {
      if (sent - reported >= 10_000) {
        reported = sent;
        options.log?.(`${sent} frames over ${connections} connections`);
      }
    }, 1000);
    await Promise.all(Array.from({ length: options.parallel }, attacker));
    clearInterval(progress);
    running = false;
    await typing;

    const serverUp = (await api(server.url)("/api/health").catch(() => null))?.status === 200;
    const expected = new Set<string>();
    for (let i = 0; i < honestWrites; i++) expected.add(`~honest.${i}~`);
    let honestSynced = true;
    await waitFor(
      () => honest.every((c) => markersIn(c.text()).length === expected.size),
      "the pair to converge",
    ).catch(() => {
      honestSynced = false;
      options.log?.(
        `honest pair: ${honest.map((c) => `${c.closed ? `closed ${c.closeCode}` : "open"}, ${markersIn(c.text()).length}/${expected.size}`).join("; ")}`,
      );
    });
    honestSynced &&= honest[0].text() === honest[1].text();
    const pairText = honest[0].text();
    server.child.kill("SIGTERM");
    await server.exited;
    const stored = storedBody(instance.dataDir, page);
    const storedMarkers = markersIn(stored.text);
    const storedClean =
      stored.undecodable === 0 &&
      stored.text === pairText &&
      storedMarkers.every((m) => expected.has(m)) &&
      !stored.text.includes("étranger") &&
      !stored.text.includes(">ok<");
    return { frames: sent, connections, leftOpen, honestSynced, storedClean, serverUp };
  } finally {
    running = false;
    for (const c of honest) c.close();
    if (server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill("SIGKILL");
      await server.exited;
    }
    instance.remove();
  }
}
