interface Watched {
  expiresAt: number;
  /** Open connections made under this session. */
  connections: number;
  checking: boolean;
}

/**
 * Watches the sessions that open connections were made under: once one's expiry passes,
 * asks whether it was extended meanwhile (any request slides it), and reports it ended
 * if not. Checked every `intervalMs`, so a socket outlives its session by at most that.
 */
export class SessionWatch {
  private readonly sessions = new Map<string, Watched>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    /** The session's current expiry, null when it no longer exists. */
    private readonly expiryOf: (sessionId: string) => Promise<number | null>,
    private readonly onEnded: (sessionId: string) => void,
    private readonly onError: (error: unknown, sessionId: string) => void,
    intervalMs: number,
  ) {
    this.timer = setInterval(() => this.sweep(Date.now()), intervalMs);
    this.timer.unref();
  }

  add(sessionId: string, expiresAt: number): void {
    const watched = this.sessions.get(sessionId);
    if (watched) {
      watched.connections++;
      watched.expiresAt = Math.max(watched.expiresAt, expiresAt);
    } else this.sessions.set(sessionId, { expiresAt, connections: 1, checking: false });
  }

  remove(sessionId: string): void {
    const watched = this.sessions.get(sessionId);
    if (watched && --watched.connections === 0) this.sessions.delete(sessionId);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sweep(now: number): void {
    for (const [sessionId, watched] of this.sessions) {
      if (watched.checking || watched.expiresAt > now) continue;
      watched.checking = true;
      this.expiryOf(sessionId).then(
        (expiresAt) => {
          watched.checking = false;
          if (expiresAt !== null && expiresAt > Date.now()) watched.expiresAt = expiresAt;
          else this.onEnded(sessionId);
        },
        (error: unknown) => {
          watched.checking = false;
          this.onError(error, sessionId);
        },
      );
    }
  }
}
