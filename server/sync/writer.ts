import type { Logger } from "pino";
import type { AppendedUpdate, DocumentStore, StoredDocument } from "../storage";
import type { DocumentMember, SharedDocument } from "./document";
import type { Outbox } from "./outbox";

/** An accepted update waiting for its transaction; doubles as the row to insert. */
interface PendingUpdate extends AppendedUpdate {
  readonly doc: SharedDocument;
  /** The message relayed once stored, encoded once for every recipient. */
  readonly frame: Uint8Array;
  readonly origin: DocumentMember;
}

interface DeferredSend {
  readonly connection: DocumentMember;
  readonly frame: Uint8Array;
}

class Batch {
  readonly updates: PendingUpdate[] = [];
  readonly sends: DeferredSend[] = [];
  private resolveDone: (() => void) | null = null;
  private donePromise: Promise<void> | null = null;

  get done(): Promise<void> {
    this.donePromise ??= new Promise((resolve) => {
      this.resolveDone = resolve;
    });
    return this.donePromise;
  }

  finish(): void {
    this.resolveDone?.();
  }
}

const MAX_RETRY_DELAY_MS = 5000;

/** What the writer knows of a loaded document's log; only the writer changes it. */
export interface DocumentLog {
  /** Updates applied in memory and accepted for storage, not yet committed. */
  unflushed: number;
  /** Highest document_updates id known to be written for this document (0: none). */
  lastUpdateId: number;
  /** Rows of the log not yet folded into the stored state. */
  rows: number;
}

/**
 * Stores accepted updates, then relays them: the durability rule of the sync layer.
 *
 * Updates accepted during one event-loop turn, across all documents, go to the database
 * in one transaction at setImmediate; only once it committed are they sent to the other
 * connections, in the order they were accepted. Anything that reveals document content
 * to a client (a sync step 2) waits the same way, so nothing a client ever saw can be
 * lost by a crash.
 */
export class UpdateWriter {
  private open: Batch | null = null;
  private writing: Batch | null = null;
  private scheduled = false;
  private stopping = false;
  private readonly logs = new WeakMap<SharedDocument, DocumentLog>();

  constructor(
    private readonly store: Pick<DocumentStore, "append">,
    private readonly logger: Logger,
    /**
     * Called after a commit for each document that got rows, with their updates in order
     * and the highest id written.
     */
    private readonly onStored: (
      doc: SharedDocument,
      updates: readonly Uint8Array[],
      lastId: number,
    ) => void,
    /** Flushed after each relay: stored updates go out in the turn they were stored. */
    private readonly outbox: Outbox | null = null,
  ) {}

  /** Starts following a loaded document's log as it is stored. */
  track(doc: SharedDocument, stored: StoredDocument): void {
    this.logs.set(doc, {
      unflushed: 0,
      lastUpdateId: stored.lastUpdateId,
      rows: stored.updates.length,
    });
  }

  /** The document's log as far as the writer knows. */
  log(doc: SharedDocument): Readonly<DocumentLog> {
    return this.logOf(doc);
  }

  /** A compaction folded `removed` rows of the log into the stored state. */
  compacted(doc: SharedDocument, removed: number): void {
    // With several instances, a compaction also removes rows the others appended.
    const log = this.logOf(doc);
    log.rows = Math.max(0, log.rows - removed);
  }

  /** Rows another instance stored, up to `lastId`, are now in the loaded document too. */
  storedElsewhere(doc: SharedDocument, rows: number, lastId: number): void {
    const log = this.logOf(doc);
    log.rows += rows;
    log.lastUpdateId = Math.max(log.lastUpdateId, lastId);
  }

  private logOf(doc: SharedDocument): DocumentLog {
    let log = this.logs.get(doc);
    if (!log) {
      log = { unflushed: 0, lastUpdateId: 0, rows: 0 };
      this.logs.set(doc, log);
    }
    return log;
  }

  accept(doc: SharedDocument, update: Uint8Array, frame: Uint8Array, origin: DocumentMember): void {
    this.logOf(doc).unflushed++;
    this.batch().updates.push({ documentId: doc.id, data: update, doc, frame, origin });
  }

  /** Sends `frame` once every update of `doc` accepted so far is stored. */
  sendWhenStored(doc: SharedDocument, connection: DocumentMember, frame: Uint8Array): void {
    if (this.logOf(doc).unflushed === 0) connection.send(frame);
    else this.batch().sends.push({ connection, frame });
  }

  /** Resolves once everything accepted so far is stored (or given up on at shutdown). */
  flush(): Promise<void> {
    const last = this.open ?? this.writing;
    return last ? last.done : Promise.resolve();
  }

  /** At shutdown a failing database gets a few more tries, not an endless wait. */
  stop(): void {
    this.stopping = true;
  }

  private batch(): Batch {
    if (!this.open) this.open = new Batch();
    if (!this.scheduled && !this.writing) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        void this.drain();
      });
    }
    return this.open;
  }

  private async drain(): Promise<void> {
    while (this.open && !this.writing) {
      const batch = this.open;
      this.open = null;
      this.writing = batch;
      const highest = await this.write(batch);
      this.writing = null;
      try {
        if (highest) this.relay(batch, highest);
      } catch (error) {
        // Never let one bad socket or hook stop the writer: every later update waits on it.
        this.logger.error({ err: error }, "relaying stored updates failed");
      } finally {
        this.outbox?.flush();
        batch.finish();
      }
    }
  }

  /** The highest id per document once committed; null when given up on. */
  private async write(batch: Batch): Promise<Map<string, number> | null> {
    if (batch.updates.length === 0) return new Map();
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.store.append(batch.updates);
      } catch (error) {
        this.logger.error({ err: error, updates: batch.updates.length }, "storing updates failed");
        if (this.stopping && attempt >= 2) {
          // Never relayed, so no other client saw them. They stay in the Y.Doc, which
          // close() still tries to compact, and their authors send them again anyway.
          for (const update of batch.updates) this.logOf(update.doc).unflushed--;
          return null;
        }
        await new Promise((resolve) =>
          setTimeout(resolve, Math.min(MAX_RETRY_DELAY_MS, 100 * 2 ** attempt)),
        );
      }
    }
  }

  private relay(batch: Batch, highest: Map<string, number>): void {
    let rowsOf: Map<SharedDocument, Uint8Array[]> | null = null;
    for (const { doc, data, frame, origin } of batch.updates) {
      this.logOf(doc).unflushed--;
      if (doc.destroyed) continue;
      doc.broadcast(frame, origin);
      rowsOf ??= new Map();
      const rows = rowsOf.get(doc);
      if (rows) rows.push(data);
      else rowsOf.set(doc, [data]);
    }
    if (rowsOf) {
      for (const [doc, rows] of rowsOf) {
        const log = this.logOf(doc);
        const lastId = highest.get(doc.id) ?? 0;
        log.lastUpdateId = Math.max(log.lastUpdateId, lastId);
        log.rows += rows.length;
        this.onStored(doc, rows, lastId);
      }
    }
    for (const { connection, frame } of batch.sends) connection.send(frame);
  }
}
