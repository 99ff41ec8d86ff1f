import type { Connection } from "./connection";

/**
 * Frames for the connections, sent at the end of the event-loop turn: a connection that
 * gets several frames in one turn (a busy document, presence) gets them in one write
 * instead of one system call each. Writing to sockets is most of a relay's cost, so the
 * busier the server, the more this saves; an idle one only defers to setImmediate.
 */
export class Outbox {
  private readonly waiting = new Set<Connection>();
  private scheduled = false;

  queue(connection: Connection, frame: Uint8Array): void {
    if (connection.outgoing.length === 0) this.waiting.add(connection);
    connection.outgoing.push(frame);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Sends everything queued now. */
  flush(): void {
    this.scheduled = false;
    for (const connection of this.waiting) connection.flush();
    this.waiting.clear();
  }

  forget(connection: Connection): void {
    this.waiting.delete(connection);
  }
}
