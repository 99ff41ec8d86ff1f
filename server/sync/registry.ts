import type { Logger } from "pino";
import * as Y from "yjs";
import type { DocumentStore, StoredDocument } from "../storage";
import { SharedDocument } from "./document";
import type { Fanout } from "./fanout";
import { Lane } from "./lane";
import type { UpdateWriter } from "./writer";

export interface RegistryOptions {
  store: DocumentStore;
  /** Followed from before a document loads until it is unloaded. */
  fanout: Fanout;
  writer: UpdateWriter;
  logger: Logger;
  unloadDelayMs: number;
  compactAfter: number;
  storeDebounceMs: number;
  onStored?(documentId: string, doc: Y.Doc): void | Promise<void>;
}

/** A document's place in the registry, and the persistence policy's state for it. */
interface Slot {
  readonly id: string;
  /** Single flight: every early connection waits on this one load. */
  loading: Promise<SharedDocument>;
  doc: SharedDocument | null;
  /** Connections that asked for the document and have not let go. */
  holds: number;
  unloadTimer: NodeJS.Timeout | null;
  unloading: Promise<void> | null;
  /** Its Y.Doc may hold part of a failed update: never stored nor served again. */
  discarded: boolean;
  compacting: Promise<void> | null;
  compactionQueued: boolean;
  /** Pending call of onStored after a change. */
  projectTimer: NodeJS.Timeout | null;
  /**
   * A change was stored since onStored last ran here (or before the load, see acquire). A
   * client that only re-sent what the document already held (every client, after a
   * restart) leaves it false.
   */
  unprojected: boolean;
  /** The last call of onStored: one at a time per document. */
  projecting: Promise<void>;
}

/**
 * Loaded documents: each loaded once, kept while held, stored and unloaded a while after
 * the last holder leaves. Also decides when a document's log is compacted and when the
 * read projections hear of a change.
 */
export class DocumentRegistry {
  private readonly slots = new Map<string, Slot>();
  /** Where the projections wait their turn (see Lane). */
  private readonly projections = new Lane(4);
  private closed = false;
  /** Documents loaded from the store since start. */
  loads = 0;

  constructor(private readonly options: RegistryOptions) {}

  /** The loaded document, held until `release`. */
  acquire(documentId: string): Promise<SharedDocument> {
    const slot = this.slots.get(documentId);
    if (slot?.unloading) {
      // Storing is under way and the Y.Doc about to be destroyed: load afresh after,
      // from a database that then holds everything.
      return slot.unloading.then(() => this.acquire(documentId));
    }
    if (slot) {
      slot.holds++;
      if (slot.unloadTimer) clearTimeout(slot.unloadTimer);
      slot.unloadTimer = null;
      return slot.loading;
    }
    if (this.closed) return Promise.reject(new Error("the sync server is closed"));
    const loading = this.load(documentId);
    const fresh: Slot = {
      id: documentId,
      loading,
      doc: null,
      holds: 1,
      unloadTimer: null,
      unloading: null,
      discarded: false,
      compacting: null,
      compactionQueued: false,
      projectTimer: null,
      unprojected: false,
      projecting: Promise.resolve(),
    };
    fresh.loading = loading.then(
      (doc) => {
        fresh.doc = doc;
        // Decoded at load: stored with a log (the last changes of an instance that stopped
        // before projecting them, or was killed) or without a state vector (seeded).
        fresh.unprojected = doc.decoded;
        this.maybeCompact(fresh, doc);
        return doc;
      },
      (error: unknown) => {
        if (this.slots.get(documentId) === fresh) this.slots.delete(documentId);
        throw error;
      },
    );
    this.slots.set(documentId, fresh);
    return fresh.loading;
  }

  release(doc: SharedDocument): void {
    const slot = this.slots.get(doc.id);
    if (!slot || slot.doc !== doc) return;
    slot.holds--;
    if (slot.holds > 0 || this.closed || slot.unloading) return;
    if (slot.unloadTimer) clearTimeout(slot.unloadTimer);
    slot.unloadTimer = setTimeout(() => {
      slot.unloadTimer = null;
      if (slot.holds === 0 && !slot.unloading) this.startUnload(slot);
    }, this.options.unloadDelayMs);
    // A pending unload must not keep the process alive: the log already holds everything.
    slot.unloadTimer.unref();
  }

  /**
   * Drops a document whose Y.Doc can no longer be trusted, without storing anything of
   * it: what it accepted before is stored by the writer, and the next connection loads
   * the document afresh from the database.
   */
  discard(doc: SharedDocument): void {
    const slot = this.slots.get(doc.id);
    if (!slot || slot.doc !== doc || slot.unloading) return;
    slot.discarded = true;
    this.stopTimers(slot);
    slot.unloading = this.options.writer
      .flush()
      .then(() => doc.destroy())
      .finally(() => this.forget(slot));
  }

  /** After a commit: maybe compact, and tell the read projections soon. */
  stored(doc: SharedDocument): void {
    const slot = this.live(doc);
    if (!slot) return;
    this.maybeCompact(slot, doc);
    slot.unprojected = true;
    // Not reset by later changes: under continuous editing projections still follow.
    if (!slot.projectTimer) this.projectIn(slot, doc, this.options.storeDebounceMs);
  }

  private projectIn(slot: Slot, doc: SharedDocument, delayMs: number): void {
    if (!this.options.onStored) return;
    slot.projectTimer = setTimeout(() => {
      slot.projectTimer = null;
      void this.project(slot, doc);
    }, delayMs);
  }

  /** The slot of a loaded document that may still be stored, else null. */
  private live(doc: SharedDocument): Slot | null {
    const slot = this.slots.get(doc.id);
    return slot && slot.doc === doc && !slot.discarded && !doc.destroyed ? slot : null;
  }

  private maybeCompact(slot: Slot, doc: SharedDocument): void {
    const { rows } = this.options.writer.log(doc);
    if (rows > this.options.compactAfter && !slot.compacting && !slot.compactionQueued) {
      slot.compactionQueued = true;
      // Off the relay's path: encoding the whole state is the costly part.
      setImmediate(() => {
        slot.compactionQueued = false;
        void this.compact(slot, doc);
      });
    }
  }

  /** The document when it is loaded or loading (and not on its way out), else null. */
  loaded(documentId: string): Promise<SharedDocument> | null {
    const slot = this.slots.get(documentId);
    return slot && !slot.unloading && !slot.discarded ? slot.loading : null;
  }

  /** Every loaded document. */
  *documents(): IterableIterator<SharedDocument> {
    for (const { doc, unloading } of this.slots.values()) {
      if (doc && !doc.destroyed && !unloading) yield doc;
    }
  }

  /** Number of loaded documents. */
  get size(): number {
    return this.count(() => true);
  }

  /** Number of loaded documents whose Y.Doc was decoded. */
  get decodedCount(): number {
    return this.count((doc) => doc.decoded);
  }

  private count(matches: (doc: SharedDocument) => boolean): number {
    let n = 0;
    for (const { doc } of this.slots.values()) if (doc && !doc.destroyed && matches(doc)) n++;
    return n;
  }

  /** Stores and unloads every document; later acquisitions fail. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      Array.from(this.slots.values(), async (slot) => {
        if (slot.unloadTimer) clearTimeout(slot.unloadTimer);
        slot.unloadTimer = null;
        if (!slot.unloading) {
          try {
            await slot.loading;
          } catch {
            return;
          }
          if (!slot.unloading) this.startUnload(slot);
        }
        await slot.unloading;
      }),
    );
  }

  private async load(documentId: string): Promise<SharedDocument> {
    this.loads++;
    const { fanout } = this.options;
    // Followed first: whatever is stored after the load's snapshot is then announced here.
    await fanout.follow(documentId);
    let stored: StoredDocument;
    try {
      stored = await this.options.store.load(documentId);
    } catch (error) {
      fanout.unfollow(documentId);
      throw error;
    }
    const doc = new SharedDocument(documentId, stored, (error) =>
      this.options.logger.error({ err: error, documentId }, "a stored update could not be applied"),
    );
    doc.onPresence = (update) => fanout.presence(documentId, update);
    this.options.writer.track(doc, stored);
    return doc;
  }

  private stopTimers(slot: Slot): void {
    if (slot.unloadTimer) clearTimeout(slot.unloadTimer);
    slot.unloadTimer = null;
    if (slot.projectTimer) clearTimeout(slot.projectTimer);
    slot.projectTimer = null;
  }

  private startUnload(slot: Slot): void {
    slot.unloading = this.unload(slot).finally(() => this.forget(slot));
  }

  private forget(slot: Slot): void {
    if (this.slots.get(slot.id) !== slot) return;
    this.slots.delete(slot.id);
    this.options.fanout.unfollow(slot.id);
  }

  private async unload(slot: Slot): Promise<void> {
    const doc = slot.doc;
    if (!doc) return;
    try {
      await this.options.writer.flush();
      await slot.compacting;
      if (this.options.writer.log(doc).rows > 0) await this.compact(slot, doc);
      this.stopTimers(slot);
      // A projection still running reads the Y.Doc destroyed below: it is waited for.
      await (slot.unprojected ? this.project(slot, doc) : slot.projecting);
    } catch (error) {
      this.options.logger.error({ err: error, documentId: doc.id }, "unloading a document failed");
    } finally {
      this.stopTimers(slot);
      doc.destroy();
    }
  }

  private compact(slot: Slot, doc: SharedDocument): Promise<void> {
    if (slot.compacting) return slot.compacting;
    if (doc.destroyed || slot.discarded) return Promise.resolve();
    // The state and the id it covers are taken in the same turn: every stored row up to
    // lastUpdateId was applied to this Y.Doc before it was stored.
    const ydoc = doc.ydoc;
    const state = { update: Y.encodeStateAsUpdate(ydoc), vector: Y.encodeStateVector(ydoc) };
    const upToId = this.options.writer.log(doc).lastUpdateId;
    slot.compacting = this.options.store
      .compact(doc.id, state, upToId)
      .then(
        (removed) => this.options.writer.compacted(doc, removed),
        (error: unknown) => {
          this.options.logger.error({ err: error, documentId: doc.id }, "compaction failed");
        },
      )
      .finally(() => {
        slot.compacting = null;
      });
    return slot.compacting;
  }

  /** Calls onStored, one call at a time per document; its failures are only logged. */
  private project(slot: Slot, doc: SharedDocument): Promise<void> {
    const onStored = this.options.onStored;
    if (!onStored || slot.discarded) return Promise.resolve();
    slot.projecting = slot.projecting.then(async () => {
      try {
        const claim = await this.options.fanout.claimProjection(doc.id);
        if (!claim.granted) {
          // Another instance refreshes them, and hears every change made here. Asked again
          // when its claim ends, in case it went away before refreshing the last of them.
          if (!slot.unloading && !slot.projectTimer && this.live(doc)) {
            this.projectIn(slot, doc, claim.retryInMs);
          }
          return;
        }
        await this.projections.run(async () => {
          // Discarded while it waited: its Y.Doc may be destroyed, and would read as empty.
          // Or projected meanwhile, by the call queued before this one.
          if (slot.discarded || doc.destroyed || !slot.unprojected) return;
          slot.unprojected = false;
          await onStored(doc.id, doc.ydoc);
        });
      } catch (error) {
        slot.unprojected = true;
        this.options.logger.error({ err: error, documentId: doc.id }, "onStored failed");
      }
    });
    return slot.projecting;
  }
}
