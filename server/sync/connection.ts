import type { DocumentAccess } from "../../shared/documents";
import type { SharedDocument } from "./document";
import { rates } from "./limits";
import { TokenBucket } from "./rate";

/** What the sync layer needs of a socket; tests pass fakes. */
export interface Peer {
  send(frame: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Absent when the transport has no ping (fakes): such peers are never timed out. */
  ping?(): void;
  terminate?(): void;
}

/** One client socket on one document, from the upgrade to its close. */
export class Connection {
  peer: Peer | null = null;
  /** Set once the document is loaded and this connection attached to it. */
  doc: SharedDocument | null = null;
  /** Frames received while the document was still loading, replayed in order after. */
  backlog: Uint8Array[] | null = [];
  backlogBytes = 0;
  closed = false;
  /** Cleared at each ping, set by the pong (and any message). */
  alive = true;
  /** Awareness clientIDs this connection introduced: removed when it leaves. */
  readonly clientIds = new Set<number>();
  readonly messageRate = new TokenBucket(rates.messages.perSecond, rates.messages.burst);
  readonly awarenessRate = new TokenBucket(rates.awareness.perSecond, rates.awareness.burst);

  constructor(
    readonly documentId: string,
    readonly userId: string,
    readonly access: DocumentAccess,
    /** The user's access epoch when the HTTP layer authorised this connection. */
    readonly epoch: number,
    private readonly onEnd: (connection: Connection) => void,
  ) {}

  send(frame: Uint8Array): void {
    if (!this.closed) this.peer?.send(frame);
  }

  /** Closes the socket from our side and lets go of the document at once. */
  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.peer?.close(code, reason);
    this.onEnd(this);
  }

  /** The socket closed (the client left, or the network dropped it). */
  ended(): void {
    if (this.closed) return;
    this.closed = true;
    this.onEnd(this);
  }
}
