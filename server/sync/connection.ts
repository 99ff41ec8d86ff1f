import type { DocumentAccess } from "../../shared/documents";
import type { DocumentMember, SharedDocument } from "./document";
import {
  MAX_BACKLOG_BYTES,
  MAX_SEND_BUFFER_BYTES,
  type RateLimits,
  rates,
  standardCloseCodes,
} from "./limits";
import type { Outbox, Recipient } from "./outbox";
import { TokenBucket } from "./rate";

/** What the sync layer needs of a socket; tests pass fakes. */
export interface Peer {
  send(frame: Uint8Array): void;
  /** Several frames in one write, when the transport can. */
  sendMany?(frames: readonly Uint8Array[]): void;
  close(code: number, reason: string): void;
  /** Bytes queued in the socket, not yet written to the network. */
  buffered?(): number;
  /** Absent when the transport has no ping (fakes): such peers are never timed out. */
  ping?(): void;
  terminate?(): void;
}

/** Whom a connection is for: a session's person, as the HTTP layer authenticated it. */
export interface Visitor {
  userId: string;
  /** Shown as its presence's name, whatever the client announces. */
  name: string;
  sessionId: string;
  /** When the session ends unless a request extends it. */
  sessionExpiresAt: number;
}

/** One client socket on one document, from the upgrade to its close. */
export class Connection implements DocumentMember, Recipient {
  peer: Peer | null = null;
  /** Set once the document is loaded and this connection attached to it. */
  doc: SharedDocument | null = null;
  /**
   * Frames received while the connection is held, replayed in order after: while its
   * document loads, while one of its updates is inspected off the thread, while its
   * person's rights are re-checked. Only this class touches the backlog and the holds.
   */
  private backlog: Uint8Array[] | null = [];
  private backlogBytes = 0;
  /** Reasons the connection is held; it starts held by the load of its document. */
  private holds = 1;
  closed = false;
  /** Cleared at each ping, set by the pong (and any message). */
  alive = true;
  /**
   * Awareness clientIDs this connection introduced: removed when it leaves. A short array
   * (a tab has one, the protocol handler caps them): a Set costs more per connection.
   */
  clientIds: number[] = [];
  readonly messageRate: TokenBucket;
  readonly awarenessRate: TokenBucket;

  constructor(
    /**
     * Replaced by the loaded document's own string once attached: the one parsed from the
     * upgrade's URL is a slice of it, which keeps the whole URL alive for as long as the
     * socket lives.
     */
    public documentId: string,
    readonly visitor: Visitor,
    readonly access: DocumentAccess,
    /** The hub's access generation when the HTTP layer authorised this connection. */
    readonly generation: number,
    private readonly onEnd: (connection: Connection) => void,
    limits: RateLimits = rates,
    /** Without one (unit tests), frames are sent at once. */
    private readonly outbox: Outbox | null = null,
  ) {
    this.messageRate = new TokenBucket(limits.messages.perSecond, limits.messages.burst);
    this.awarenessRate = new TokenBucket(limits.awareness.perSecond, limits.awareness.burst);
  }

  /** Attaches the connection to its loaded document. */
  attach(doc: SharedDocument): void {
    this.doc = doc;
    this.documentId = doc.id;
    doc.attach(this);
  }

  get userId(): string {
    return this.visitor.userId;
  }

  get name(): string {
    return this.visitor.name;
  }

  /** Whether received frames wait (in the backlog) instead of being handled. */
  get held(): boolean {
    return this.holds > 0;
  }

  hold(): void {
    this.holds++;
    this.backlog ??= [];
  }

  /** Keeps a frame received while held; false when the backlog would outgrow its cap. */
  defer(frame: Uint8Array): boolean {
    this.backlogBytes += frame.byteLength;
    if (this.backlogBytes > MAX_BACKLOG_BYTES) return false;
    this.backlog?.push(frame);
    return true;
  }

  /**
   * Ends one hold; once none is left, hands the frames held meanwhile to `handle` in
   * order, and stops where one of them holds the connection again (an update sent to
   * the worker): the rest wait for that hold to end.
   */
  release(handle: (frame: Uint8Array) => void): void {
    this.holds--;
    if (this.holds > 0) return;
    const held = this.backlog ?? [];
    this.backlog = null;
    this.backlogBytes = 0;
    for (let i = 0; i < held.length; i++) {
      if (this.closed) return;
      handle(held[i]);
      if (this.holds > 0) {
        const rest = held.slice(i + 1);
        this.backlog = rest.concat(this.backlog ?? []);
        for (const frame of rest) this.backlogBytes += frame.byteLength;
        return;
      }
    }
  }

  send(frame: Uint8Array): void {
    if (this.closed) return;
    if (this.outbox) this.outbox.queue(this, frame);
    else this.deliver([frame]);
  }

  /** Writes frames to the socket now (the outbox calls this at the end of the turn). */
  deliver(frames: readonly Uint8Array[]): void {
    const peer = this.peer;
    if (this.closed || !peer) return;
    if (frames.length === 1 || !peer.sendMany) for (const frame of frames) peer.send(frame);
    else peer.sendMany(frames);
    this.dropIfSlow(peer);
  }

  /**
   * Cuts a client that stopped reading: what is queued for it would grow without end.
   * Terminated rather than closed, since a close frame would wait behind that queue.
   */
  private dropIfSlow(peer: Peer): void {
    if ((peer.buffered?.() ?? 0) <= MAX_SEND_BUFFER_BYTES || this.closed) return;
    this.closed = true;
    this.outbox?.take(this);
    if (peer.terminate) peer.terminate();
    else peer.close(standardCloseCodes.tryAgainLater, "client too slow");
    this.onEnd(this);
  }

  /** Closes the socket from our side and lets go of the document at once. */
  close(code: number, reason: string): void {
    if (this.closed) return;
    // What was queued before the close still goes out first (the answer to a step 1…).
    const queued = this.outbox?.take(this);
    if (queued) this.deliver(queued);
    if (this.closed) return;
    this.closed = true;
    this.peer?.close(code, reason);
    this.onEnd(this);
  }

  /** The socket closed (the client left, or the network dropped it). */
  ended(): void {
    if (this.closed) return;
    this.closed = true;
    this.outbox?.take(this);
    this.onEnd(this);
  }
}
