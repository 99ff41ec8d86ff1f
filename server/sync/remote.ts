import type { Logger } from "pino";
import * as Y from "yjs";
import { type DocumentStore, replay } from "../storage";
import type { DocumentMember, SharedDocument } from "./document";
import type { Fanout, FanoutListener } from "./fanout";
import { awarenessUpdateFrame, updateFrame } from "./frames";
import { isEmptyUpdate } from "./protocol";
import type { DocumentRegistry } from "./registry";
import type { UpdateWriter } from "./writer";

/** The origin of updates another instance stored: no connection of ours sent them. */
const elsewhere: DocumentMember = { send() {}, name: "", clientIds: [] };

/**
 * What the loaded documents do with what other instances announce. Their updates are
 * already stored (they are announced after their commit), so they go straight to this
 * instance's connections; a document that may have missed some catches up from the
 * database, which holds every one of them.
 */
export class RemoteInstances implements FanoutListener {
  constructor(
    private readonly registry: DocumentRegistry,
    private readonly writer: UpdateWriter,
    private readonly store: DocumentStore,
    private readonly logger: Logger,
    private readonly fanout: Fanout,
  ) {}

  remoteUpdates(documentId: string, updates: readonly Uint8Array[], lastId: number): void {
    this.withDocument(documentId, (doc) => {
      for (const update of updates) {
        if (doc.apply(update, elsewhere)) doc.broadcast(updateFrame(update), null);
      }
      this.writer.storedElsewhere(doc, updates.length, lastId);
      this.registry.stored(doc);
    });
  }

  remotePresence(documentId: string, instanceId: string, update: Uint8Array): void {
    this.withDocument(documentId, (doc) => {
      if (doc.applyRemoteAwareness(instanceId, update)) {
        doc.broadcast(awarenessUpdateFrame(update), null);
      }
    });
  }

  presenceWanted(documentId: string): void {
    this.withDocument(documentId, (doc) => {
      const presence = doc.localPresence();
      if (presence) this.fanout.presence(documentId, presence);
    });
  }

  instanceGone(instanceId: string): void {
    for (const doc of this.registry.documents()) doc.dropInstance(instanceId);
  }

  catchUp(documentId: string | null): void {
    const docs = documentId === null ? Array.from(this.registry.documents()) : [];
    if (documentId !== null) this.withDocument(documentId, (doc) => this.catchUpOne(doc));
    for (const doc of docs) this.catchUpOne(doc);
  }

  /** Applies what the database holds that the document lacks, and relays the difference. */
  private catchUpOne(doc: SharedDocument): void {
    this.store.load(doc.id).then(
      (stored) => {
        if (doc.destroyed) return;
        const ydoc = doc.ydoc;
        const before = Y.encodeStateVector(ydoc);
        replay(ydoc, stored.state, stored.updates, (error) =>
          this.logger.error(
            { err: error, documentId: doc.id },
            "a stored update could not be applied",
          ),
        );
        const missed = Y.encodeStateAsUpdate(ydoc, before);
        if (!isEmptyUpdate(missed)) doc.broadcast(updateFrame(missed), null);
        this.writer.storedElsewhere(doc, 0, stored.lastUpdateId);
      },
      (error: unknown) =>
        this.logger.error(
          { err: error, documentId: doc.id },
          "catching up from the database failed",
        ),
    );
  }

  /** Runs `work` on the document once loaded, if it is loaded or loading here. */
  private withDocument(documentId: string, work: (doc: SharedDocument) => void): void {
    this.registry.loaded(documentId)?.then(
      (doc) => {
        if (doc.destroyed) return;
        try {
          work(doc);
        } catch (error) {
          this.logger.error(
            { err: error, documentId },
            "applying another instance's message failed",
          );
        }
      },
      () => {},
    );
  }
}
