import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from "y-protocols/awareness";
import * as Y from "yjs";
import { type CompactedState, replay, type StoredDocument } from "../storage";
import { awarenessFrame, syncStep1Frame, syncStep2Frame, syncStep2FromStored } from "./frames";
import { ownPresence } from "./presence";

interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

/** What a document needs of a connection to it. */
export interface DocumentMember {
  send(frame: Uint8Array): void;
  /** The name its presence shows: its session's person. */
  readonly name: string;
  /** The awareness clientIDs it introduced, kept by the document; removed when it leaves. */
  clientIds: number[];
}

/** Marks awareness changes that a member's message made, as their Yjs origin. */
class FromMember {
  constructor(readonly member: DocumentMember) {}
}

/** Whether a transaction added or deleted anything. */
function changedBy(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true;
  const before = transaction.beforeState;
  for (const [client, clock] of transaction.afterState) {
    if (before.get(client) !== clock) return true;
  }
  return false;
}

/**
 * Stands for another instance's connections to the document: the owner of the presence
 * entries they introduced, which go with it when that instance does.
 */
const remoteMember = (): DocumentMember => ({ send() {}, name: "", clientIds: [] });

/**
 * A loaded shared document: the Y.Doc, its presence, its open connections.
 *
 * A document stored as a compacted state with its state vector starts undecoded: first
 * connections get the stored bytes as they are, and the Y.Doc is only built when something
 * needs it (an update, a client that already holds part of the document, a compaction).
 * Decoding a large page costs as much as the client's own decoding of it, and on a small
 * machine doing both at once slows the client down; pages that are only read are never
 * decoded at all.
 */
export class SharedDocument {
  private readonly doc: Y.Doc;
  readonly awareness: Awareness;
  /** The stored content not decoded into `doc` yet. */
  private undecoded: CompactedState | null;
  readonly connections = new Set<DocumentMember>();
  /** Which member introduced each awareness client id: only it may change that entry. */
  private readonly presenceOwners = new Map<number, DocumentMember>();
  /** The connections of other instances, one member per instance. */
  private readonly remoteMembers = new Map<string, DocumentMember>();
  /** Told each presence change of this instance's connections (for the other instances). */
  onPresence: ((update: Uint8Array) => void) | null = null;
  destroyed = false;

  /**
   * Bumped by every transaction that changed the document, what it holds pending
   * included (Yjs sends that too in a step 2): tells no-op updates apart, and says when
   * the step answers below are stale.
   */
  private revision = 0;
  /** The pending structs and deletions after the last transaction (replaced when changed). */
  private pending: { structs: Uint8Array | null; ds: Uint8Array | null } = {
    structs: null,
    ds: null,
  };
  /** Set by the awareness handler when a connection's message changed something. */
  private awarenessTouched = false;
  /**
   * The last step 1 sent and the last step 2 answered, until the document changes: after
   * a restart every client of a page comes back holding the same content, so asks the
   * same question, and is answered without encoding the document again.
   */
  private step1: Uint8Array | null = null;
  private step2: { clientVector: Buffer; frame: Uint8Array } | null = null;

  /**
   * `stored` is what the database holds; a stored update that cannot be applied is
   * reported to `onStoredError` and skipped, the rest still loads.
   */
  constructor(
    readonly id: string,
    stored: StoredDocument,
    private readonly onStoredError: (error: unknown) => void,
  ) {
    // A guid of our own: Yjs would draw a random one, 31 calls to the system's random source.
    this.doc = new Y.Doc({ guid: id });
    this.awareness = new Awareness(this.doc);
    const { state, stateVector } = stored;
    this.undecoded =
      state && stateVector && stored.updates.length === 0
        ? { update: state, vector: stateVector }
        : null;
    // The server holds no presence of its own; a fresh Awareness starts with `{}`.
    this.awareness.setLocalState(null);
    this.doc.on("afterTransaction", (transaction) => {
      const pending = this.pendingChanged();
      if (!changedBy(transaction) && !pending) return;
      this.revision++;
      this.step1 = null;
      this.step2 = null;
    });
    this.awareness.on("update", (changes: AwarenessChanges, origin: unknown) => {
      for (const client of changes.removed) this.presenceOwners.delete(client);
      if (origin instanceof FromMember) {
        const { member } = origin;
        for (const client of changes.added) {
          this.presenceOwners.set(client, member);
          if (!member.clientIds.includes(client)) member.clientIds.push(client);
        }
        if (changes.removed.length > 0) {
          member.clientIds = member.clientIds.filter((client) => !changes.removed.includes(client));
        }
        this.awarenessTouched = true;
        return;
      }
      // Removals made here (a connection left, a state timed out): everyone must know.
      const changed = changes.added.concat(changes.updated, changes.removed);
      if (changed.length > 0 && this.connections.size > 0) {
        this.broadcast(awarenessFrame(this.awareness, changed), null);
      }
    });
    if (!this.undecoded) this.restore(state, stored.updates);
  }

  /** The Y.Doc, decoded from the stored state first if it was not yet. */
  get ydoc(): Y.Doc {
    if (this.undecoded) {
      const { update } = this.undecoded;
      this.undecoded = null;
      this.restore(update, []);
    }
    return this.doc;
  }

  /** Whether the Y.Doc was ever needed (else it is exactly what is stored). */
  get decoded(): boolean {
    return this.undecoded === null;
  }

  /** Restores stored state and log in one transaction (one round of observers). */
  private restore(state: Uint8Array | null, updates: readonly Uint8Array[]) {
    replay(this.doc, state, updates, this.onStoredError);
  }

  /** The sync step 1 this document sends each connection that opens. */
  private step1Frame(): Uint8Array {
    this.step1 ??= syncStep1Frame(this.undecoded?.vector ?? Y.encodeStateVector(this.doc));
    return this.step1;
  }

  /** The sync step 2 answering a client's step 1: what the document holds past `clientVector`. */
  answer(clientVector: Uint8Array): Uint8Array {
    if (this.step2?.clientVector.equals(clientVector)) return this.step2.frame;
    const past = this.storedPast(clientVector);
    const frame = past ? syncStep2FromStored(past) : syncStep2Frame(this.ydoc, clientVector);
    // Decoding (this.ydoc) just above may have dropped the answers: stored after it.
    this.step2 = { clientVector: Buffer.from(clientVector), frame };
    return frame;
  }

  /**
   * The stored bytes, when they are the whole answer: the document is undecoded and the
   * client holds nothing yet. Otherwise (null) the document is decoded to answer, which
   * costs less than Y.diffUpdate reading every stored struct.
   */
  private storedPast(clientVector: Uint8Array): Uint8Array | null {
    const empty = clientVector.byteLength === 1 && clientVector[0] === 0;
    return empty && this.undecoded ? this.undecoded.update : null;
  }

  /**
   * Applies a client's update; true when it changed anything, pending structs included.
   * A no-op (a step 2 that brings nothing new) need not be stored nor relayed.
   * Throws what Y.applyUpdate throws.
   */
  apply(update: Uint8Array, origin: DocumentMember): boolean {
    const revision = this.revision;
    Y.applyUpdate(this.ydoc, update, origin);
    return this.revision !== revision;
  }

  private pendingChanged(): boolean {
    const { pendingStructs, pendingDs } = this.doc.store;
    const structs = pendingStructs?.update ?? null;
    if (structs === this.pending.structs && pendingDs === this.pending.ds) return false;
    this.pending = { structs, ds: pendingDs };
    return true;
  }

  /**
   * Applies what a member may say of an awareness update: the entries of client ids it
   * introduced (or new ones), named after its person. Answers the update as applied, to
   * relay, or null when it changed nothing (stale, or only other members' entries).
   * Throws on bytes that are not an awareness update.
   */
  applyAwareness(update: Uint8Array, origin: DocumentMember): Uint8Array | null {
    const own = ownPresence(
      update,
      (client) => {
        const owner = this.presenceOwners.get(client);
        return client !== this.awareness.clientID && (owner === undefined || owner === origin);
      },
      origin.name,
    );
    if (!own) return null;
    this.awarenessTouched = false;
    applyAwarenessUpdate(this.awareness, own, new FromMember(origin));
    if (!this.awarenessTouched) return null;
    this.onPresence?.(own);
    return own;
  }

  /**
   * Applies presence relayed by another instance (already checked there); answers whether
   * it changed anything, for the caller to relay to this instance's connections.
   */
  applyRemoteAwareness(instanceId: string, update: Uint8Array): boolean {
    let member = this.remoteMembers.get(instanceId);
    if (!member) {
      member = remoteMember();
      this.remoteMembers.set(instanceId, member);
    }
    this.awarenessTouched = false;
    applyAwarenessUpdate(this.awareness, update, new FromMember(member));
    return this.awarenessTouched;
  }

  /** Another instance went away: the presence its connections brought goes too. */
  dropInstance(instanceId: string): void {
    const member = this.remoteMembers.get(instanceId);
    this.remoteMembers.delete(instanceId);
    if (member && member.clientIds.length > 0) {
      removeAwarenessStates(this.awareness, member.clientIds, null);
    }
  }

  /** The presence entries of this instance's own connections, encoded (null: none). */
  localPresence(): Uint8Array | null {
    const clients: number[] = [];
    for (const connection of this.connections) clients.push(...connection.clientIds);
    return clients.length > 0 ? encodeAwarenessUpdate(this.awareness, clients) : null;
  }

  attach(connection: DocumentMember): void {
    this.connections.add(connection);
    connection.send(this.step1Frame());
    if (this.awareness.states.size > 0) {
      connection.send(awarenessFrame(this.awareness, Array.from(this.awareness.states.keys())));
    }
  }

  detach(connection: DocumentMember): void {
    if (!this.connections.delete(connection)) return;
    if (connection.clientIds.length > 0) {
      const gone = connection.clientIds;
      removeAwarenessStates(this.awareness, gone, null);
      this.onPresence?.(encodeAwarenessUpdate(this.awareness, gone));
    }
  }

  /** Sends one frame to every connection but `except`. */
  broadcast(frame: Uint8Array, except: DocumentMember | null): void {
    for (const connection of this.connections) {
      if (connection !== except) connection.send(frame);
    }
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    // Awareness keeps an interval timer: without this the process never exits.
    this.awareness.destroy();
    this.doc.destroy();
    this.undecoded = null;
  }
}
