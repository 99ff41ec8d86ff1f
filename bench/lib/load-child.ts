/**
 * A load process: holds a share of the bench's clients, so that the load does not share
 * the server's event loop. Driven by the parent over IPC, one step at a time.
 */
import { createHash } from "node:crypto";
import { type ClientSpec, markerPattern, nowMicros, WireClient } from "./wire";

export interface LoadClient extends ClientSpec {
  /** Unique across the run; a writer's id appears in its markers. */
  id: number;
  writer: boolean;
}

export interface RunPlan {
  /** Epoch ms at which every load process starts writing. */
  startAt: number;
  seconds: number;
  /** Updates per second per writer. */
  rate: number;
  /** Presence (cursor) updates per second per client, 0 for none. */
  awarenessRate: number;
  /**
   * The instance each client id connects to (several instances): deliveries are then
   * also told apart by whether writer and reader share an instance.
   */
  placement?: number[];
  /** False for a warm-up: the servers get the same load, its deliveries are not counted. */
  measure?: boolean;
}

/** Where a dead instance's clients go instead: every URL and Origin on `from` moves to `to`. */
export interface Move {
  from: string;
  to: string;
}

export interface DocReport {
  hashes: string[];
  markers: number[];
}

/** Delivery latencies (ms) by whether the writer and the reader are on one instance. */
export interface PlacedLatencies {
  same: number[];
  cross: number[];
}

export interface LoadReport {
  latencies: number[];
  placed: PlacedLatencies;
  delivered: number;
  awareness: number;
  errors: number;
  closes: number;
  docs: Record<string, DocReport>;
}

export type LoadCommand =
  | { cmd: "connect"; clients: LoadClient[]; concurrency: number; timeoutMs: number }
  | { cmd: "run"; plan: RunPlan }
  /** Opens each client, waits for its sync, closes it; `concurrency` at a time. */
  | { cmd: "cycle"; clients: LoadClient[]; concurrency: number }
  /**
   * Every client (or, with `move`, every client of the dead instance, to the other one)
   * reconnects after a random delay, retrying with back-off, until synced.
   */
  | { cmd: "reconnect"; maxDelayMs: number; move?: Move }
  | { cmd: "progress" }
  | { cmd: "finish" }
  | { cmd: "close" };

export type LoadAnswer =
  | { type: "connected"; failed: number; unsynced: number }
  | { type: "ran"; writes: Record<string, number> }
  | { type: "cycled"; failed: number }
  /** `syncedAfterMs`: for each client that synced, ms from the command to its sync. */
  | { type: "reconnected"; unsynced: number; retries: number; syncedAfterMs: number[] }
  | { type: "progress"; delivered: number }
  | { type: "finished"; report: LoadReport };

interface Held {
  spec: LoadClient;
  client: WireClient;
  seen: Set<number>;
  /** Markers written so far: numbers go on across runs, so a warm-up's never count. */
  written: number;
}

const held: Held[] = [];
const latencies: number[] = [];
const placed: PlacedLatencies = { same: [], cross: [] };
let placement: number[] | undefined;
let delivered = 0;
let awareness = 0;
let errors = 0;
let closes = 0;
let measuring = false;
let closing = false;

const send = (answer: LoadAnswer) => process.send?.(answer);

function hold(spec: LoadClient): Held {
  const seen = new Set<number>();
  const entry: Held = { spec, seen, written: 0, client: null as unknown as WireClient };
  entry.client = new WireClient(spec, {
    onUpdate(update) {
      if (!measuring) return;
      const text = Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString(
        "latin1",
      );
      const now = nowMicros();
      for (const match of text.matchAll(markerPattern)) {
        const writer = Number(match[1]);
        if (writer === spec.id) continue;
        const key = writer * 1_000_000 + Number(match[2]);
        if (seen.has(key)) continue;
        seen.add(key);
        delivered++;
        const latency = (now - Number(match[3])) / 1000;
        latencies.push(latency);
        if (placement) {
          const same = placement[writer] === placement[spec.id];
          (same ? placed.same : placed.cross).push(latency);
        }
      }
    },
    onAwareness() {
      if (measuring) awareness++;
    },
    onClose() {
      if (!closing) closes++;
    },
  });
  return entry;
}

async function connectAll(clients: LoadClient[], concurrency: number, timeoutMs: number) {
  let failed = 0;
  let next = 0;
  const worker = async () => {
    while (next < clients.length) {
      const entry = hold(clients[next++]);
      held.push(entry);
      try {
        await entry.client.connect();
      } catch {
        failed++;
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const deadline = Date.now() + timeoutMs;
  while (held.some((h) => !h.client.synced && !h.client.closed) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // Writers open their paragraph now, outside the measured window.
  for (const h of held) if (h.spec.writer && h.client.synced) h.client.type("·");
  send({ type: "connected", failed, unsynced: held.filter((h) => !h.client.synced).length });
}

async function cycle(clients: LoadClient[], concurrency: number) {
  let failed = 0;
  let next = 0;
  const worker = async () => {
    while (next < clients.length) {
      const spec = clients[next++];
      const client = new WireClient(spec);
      try {
        await client.connect();
        const deadline = Date.now() + 30_000;
        while (!client.synced && !client.closed && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
        if (!client.synced) failed++;
      } catch {
        failed++;
      }
      client.socket?.close();
      client.doc?.destroy();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  send({ type: "cycled", failed });
}

/** Points a client of the dead instance at the other one, Origin included (it is checked). */
function moveTo(spec: LoadClient, move: Move): void {
  const [from, to] = [move.from, move.to].map((url) => url.replace(/^http/, "ws"));
  spec.url = to + spec.url.slice(from.length);
  spec.headers = { ...spec.headers, origin: move.to };
}

/** `promise`, or `fallback` once `deadline` passed: a socket that never opens or syncs ends too. */
function byDeadline<T>(promise: Promise<T>, deadline: number, fallback: T): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((resolve) => setTimeout(() => resolve(fallback), deadline - Date.now())),
  ]);
}

async function reconnect(maxDelayMs: number, move?: Move) {
  const deadline = Date.now() + 60_000;
  const moving = move
    ? held.filter(({ spec }) => spec.url.startsWith(move.from.replace(/^http/, "ws")))
    : held;
  for (const { spec } of move ? moving : []) moveTo(spec, move as Move);
  let retries = 0;
  const started = Date.now();
  const syncedAfterMs: number[] = [];
  await Promise.all(
    moving.map(async ({ client }) => {
      let backOff = 100;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * maxDelayMs));
      while (Date.now() < deadline) {
        try {
          const opened = await byDeadline(
            client.connect().then(() => true),
            deadline,
            false,
          );
          if (opened && (await byDeadline(client.whenSettled(), deadline, false))) {
            syncedAfterMs.push(Date.now() - started);
            return;
          }
        } catch {
          // The server is not back yet, or refused the upgrade.
        }
        retries++;
        await new Promise((resolve) => setTimeout(resolve, backOff * (0.5 + Math.random())));
        backOff = Math.min(2000, backOff * 2);
      }
    }),
  );
  send({
    type: "reconnected",
    unsynced: held.filter((h) => !h.client.synced).length,
    retries,
    syncedAfterMs,
  });
}

function run(plan: RunPlan): void {
  const writes: Record<string, number> = {};
  const total = Math.floor(plan.seconds * plan.rate);
  let running = 0;
  const startIn = Math.max(0, plan.startAt - Date.now());
  measuring = plan.measure !== false;
  placement = plan.placement;
  for (const entry of held) {
    const { spec, client } = entry;
    if (spec.writer && plan.rate > 0 && total > 0) {
      running++;
      writes[spec.docName] ??= 0;
      let seq = 0;
      const period = 1000 / plan.rate;
      setTimeout(
        () => {
          const timer = setInterval(() => {
            if (!client.closed) {
              client.type(`~${spec.id}.${entry.written++}.${nowMicros()}~`);
              writes[spec.docName]++;
            }
            if (++seq >= total) {
              clearInterval(timer);
              if (--running === 0) send({ type: "ran", writes });
            }
          }, period);
        },
        startIn + Math.random() * period,
      );
    }
    if (plan.awarenessRate > 0) {
      const period = 1000 / plan.awarenessRate;
      const count = Math.floor(plan.seconds * plan.awarenessRate);
      let sent = 0;
      setTimeout(
        () => {
          const timer = setInterval(() => {
            client.moveCursor(sent);
            if (++sent >= count) clearInterval(timer);
          }, period);
        },
        startIn + Math.random() * period,
      );
    }
  }
  if (running === 0) {
    setTimeout(() => send({ type: "ran", writes }), startIn + plan.seconds * 1000);
  }
}

function finish(): LoadReport {
  measuring = false;
  const docs: Record<string, DocReport> = {};
  for (const { spec, client } of held) {
    if (!spec.full) continue;
    const text = client.text();
    docs[spec.docName] ??= { hashes: [], markers: [] };
    const report = docs[spec.docName];
    report.hashes.push(createHash("sha1").update(text).digest("hex"));
    report.markers.push((text.match(/~\d+\.\d+\.\d+~/g) ?? []).length);
  }
  return { latencies, placed, delivered, awareness, errors, closes, docs };
}

process.on("message", (command: LoadCommand) => {
  switch (command.cmd) {
    case "connect":
      void connectAll(command.clients, command.concurrency, command.timeoutMs);
      break;
    case "run":
      run(command.plan);
      break;
    case "cycle":
      void cycle(command.clients, command.concurrency);
      break;
    case "reconnect":
      void reconnect(command.maxDelayMs, command.move);
      break;
    case "progress":
      send({ type: "progress", delivered });
      break;
    case "finish":
      send({ type: "finished", report: finish() });
      break;
    case "close":
      closing = true;
      for (const { client } of held) client.close();
      setTimeout(() => process.exit(0), 50);
      break;
  }
});
process.on("disconnect", () => process.exit(0));
