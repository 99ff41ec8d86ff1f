/** Whoever the outbox delivers to (a connection). */
export interface Recipient {
  deliver(frames: readonly Uint8Array[]): void;
}

/**
 * Frames for the connections, sent at the end of the event-loop turn: a connection that
 * gets several frames in one turn (a busy document, presence) gets them in one write
 * instead of one system call each. Writing to sockets is most of a relay's cost, so the
 * busier the server, the more this saves; an idle one only defers to setImmediate.
 */
export class Outbox {
  private readonly waiting = new Map<Recipient, Uint8Array[]>();
  private scheduled = false;

  queue(recipient: Recipient, frame: Uint8Array): void {
    const frames = this.waiting.get(recipient);
    if (frames) frames.push(frame);
    else this.waiting.set(recipient, [frame]);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Sends everything queued now, including what is queued while sending. */
  flush(): void {
    this.scheduled = false;
    for (const [recipient, frames] of this.waiting) {
      this.waiting.delete(recipient);
      recipient.deliver(frames);
    }
  }

  /** Takes back what is queued for `recipient` (nothing is sent to it any more). */
  take(recipient: Recipient): Uint8Array[] | undefined {
    const frames = this.waiting.get(recipient);
    this.waiting.delete(recipient);
    return frames;
  }
}
