import { Worker } from "node:worker_threads";
import * as Y from "yjs";
import { inspectUpdate, type UpdateShape } from "./inspect.mjs";
import { MAX_FRAME_BYTES } from "./limits";

/**
 * Limits on one client update, so that applying the worst one stays under ~100 ms of
 * event loop on a slow core. Measured here: up to ~7 µs to integrate a struct inserted
 * at a random place, ~25 µs to decode and integrate a shared type, ~1 µs per deletion,
 * under 1 µs per JSON value.
 * Honest updates stay far below: typing merges into a few structs, and a pasted 600 KB
 * of text is a few hundred.
 */
export const updateLimits = {
  maxBytes: MAX_FRAME_BYTES,
  /** New structs + deletion ranges + 3 more per new shared type + ¼ per new JSON value. */
  maxCost: 8_000,
  /**
   * Decoding alone, for every struct of the update (Yjs decodes what the document
   * already holds before skipping it): shared types + 1/16 per JSON value + 1/256 per
   * byte. 40,000 is ~60 ms here; a whole 8,000-row registry replayed by a reconnecting
   * client fits.
   */
  maxDecodeCost: 40_000,
  /** Larger updates are decoded in the worker thread, the event loop only applies them. */
  inlineBytes: 16 * 1024,
  /**
   * A last resort for content the cost above misjudges: applying decodes again on the
   * event loop. Honest updates are far below even on a busy machine (600 KB of text: 9 ms).
   */
  maxDecodeMs: 150,
  /** Beyond this the worker is presumed stuck: it is replaced and the update refused. */
  workerTimeoutMs: 2000,
  /**
   * Bytes Yjs may keep aside for a document, waiting for missing structs: it re-reads
   * them with every later update (24 KB of pending deletions cost ~25 ms per update).
   */
  maxPendingBytes: 2 * 1024,
} as const;

export type UpdateLimits = { readonly [K in keyof typeof updateLimits]: number };

/**
 * Why an update is refused, or null when it may be applied. `retry` refusals are for
 * updates an honest client may send (built on what the server has not received yet): it
 * reconnects, and its sync step 2 then brings what was missing.
 */
export type Refusal = { reason: string; retry?: boolean } | null;

interface WorkerAnswer {
  id: number;
  shape?: UpdateShape;
  error?: string;
}

/** The document's state vector, for the worker. */
function stateOf(doc: Y.Doc): Array<[number, number]> {
  return Array.from(doc.store.clients.keys(), (client) => [client, Y.getState(doc.store, client)]);
}

/** Bytes Yjs keeps aside for this document, re-read with every update. */
export function pendingBytes(doc: Y.Doc): number {
  const store = doc.store;
  return (store.pendingStructs?.update.byteLength ?? 0) + (store.pendingDs?.byteLength ?? 0);
}

const refuse = (reason: string): Refusal => ({ reason });

function judge(
  limits: UpdateLimits,
  shape: UpdateShape,
  update: Uint8Array,
  doc: Y.Doc,
  offThread: boolean,
): Refusal {
  const cost = shape.structs + shape.deletes + 3 * shape.types + shape.values / 4;
  if (cost > limits.maxCost) {
    return refuse(
      `too costly to apply (${shape.structs} structs, ${shape.types} types, ${shape.values} values, ${shape.deletes} deletions)`,
    );
  }
  const decodeCost = shape.decodedTypes + shape.decodedValues / 16 + update.byteLength / 256;
  if (decodeCost > limits.maxDecodeCost) {
    return refuse(
      `too costly to decode (${shape.decodedTypes} types, ${shape.decodedValues} values, ${update.byteLength} bytes)`,
    );
  }
  if (offThread && shape.decodeMs > limits.maxDecodeMs) {
    return refuse(`too costly to decode (${Math.round(shape.decodeMs)} ms)`);
  }
  if (shape.pending && pendingBytes(doc) + update.byteLength > limits.maxPendingBytes) {
    return { reason: "too much depending on missing updates", retry: true };
  }
  return null;
}

/**
 * Every client update goes through here before it touches a document. Crafted updates
 * can make Yjs spin (yjs issue #687) and a failed Y.applyUpdate may leave part of an
 * update applied: updates are fully decoded and sized up first, small ones inline, large
 * ones in a worker thread so that no single decode holds the event loop.
 */
export class UpdateGuard {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    { resolve(answer: WorkerAnswer): void; timer: NodeJS.Timeout }
  >();

  /**
   * `limits` other than the defaults are for tests: the decode-time limit is measured on
   * the wall clock, so a test about the structural limits lifts it to stay deterministic
   * on a loaded machine.
   */
  constructor(private readonly limits: UpdateLimits = updateLimits) {}

  /** Whether `update` must go to `inspectOffThread` rather than `inspect`. */
  needsWorker(update: Uint8Array): boolean {
    return update.byteLength > this.limits.inlineBytes;
  }

  /** Inline inspection, for updates up to `inlineBytes`. */
  inspect(update: Uint8Array, doc: Y.Doc): Refusal {
    if (update.byteLength > this.limits.inlineBytes) return refuse("too large to inspect inline");
    let shape: UpdateShape;
    try {
      shape = inspectUpdate(update, (client) => Y.getState(doc.store, client));
    } catch (error) {
      return refuse(`malformed update: ${error instanceof Error ? error.message : String(error)}`);
    }
    return judge(this.limits, shape, update, doc, false);
  }

  /** Inspection in the worker thread; the document's state is read now. */
  async inspectOffThread(update: Uint8Array, doc: Y.Doc): Promise<Refusal> {
    if (update.byteLength > this.limits.maxBytes) return refuse("larger than a frame");
    const answer = await this.ask(update, stateOf(doc));
    if (answer.error !== undefined) return refuse(`malformed update: ${answer.error}`);
    if (!answer.shape) return refuse("inspection timed out");
    // The document may have moved on meanwhile; it only ever gains structs, so what was
    // not pending still is not, and the pending budget is checked against it now.
    return judge(this.limits, answer.shape, update, doc, true);
  }

  close(): void {
    for (const [, entry] of this.waiting) {
      clearTimeout(entry.timer);
      entry.resolve({ id: 0 });
    }
    this.waiting.clear();
    void this.worker?.terminate();
    this.worker = null;
  }

  private ask(update: Uint8Array, state: Array<[number, number]>): Promise<WorkerAnswer> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        // A decode that long is the attack itself: the worker goes, the update with it.
        this.waiting.delete(id);
        this.restart();
        resolve({ id });
      }, this.limits.workerTimeoutMs);
      this.waiting.set(id, { resolve, timer });
      worker.postMessage({ id, update, state });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./guard-worker.mjs", import.meta.url));
    worker.unref();
    worker.on("message", (answer: WorkerAnswer) => {
      const entry = this.waiting.get(answer.id);
      if (!entry) return;
      this.waiting.delete(answer.id);
      clearTimeout(entry.timer);
      entry.resolve(answer);
    });
    worker.on("error", () => this.restart());
    this.worker = worker;
    return worker;
  }

  /** Replaces a stuck or failed worker; whatever it still had is refused. */
  private restart(): void {
    const old = this.worker;
    this.worker = null;
    void old?.terminate();
    for (const [, entry] of this.waiting) {
      clearTimeout(entry.timer);
      entry.resolve({ id: 0 });
    }
    this.waiting.clear();
  }
}
