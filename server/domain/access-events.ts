/**
 * The domain announces what may change who is connected to what; whoever holds open
 * connections (the sync layer) listens, re-checks them or closes them. The domain never
 * imports sync.
 */
export interface AccessChange {
  poleId: string;
  userId: string;
}

export type AccessEvent =
  /** A person's rights in a pôle may have changed: their connections are re-checked. */
  | ({ type: "rights-changed" } & AccessChange)
  /** Sessions ended (logout, expiry): connections opened under them are closed. */
  | { type: "sessions-ended"; sessionIds: readonly string[] }
  /**
   * Every session of a person ended but `except` (a password change keeps the session
   * that made it; null ends them all).
   */
  | { type: "user-sessions-ended"; userId: string; except: string | null }
  /** A document moved to another circle: everyone connected to it is re-checked. */
  | { type: "document-moved"; documentId: string };

export interface AccessEvents {
  /** A person's rights in a pôle may have changed. */
  publish(change: AccessChange): void;
  /** These sessions ended (a logout). */
  sessionsEnded(sessionIds: readonly string[]): void;
  /** Every session of this person ended, but `except` when given (a password change). */
  userSessionsEnded(userId: string, except: string | null): void;
  /** A document now belongs to another circle. */
  documentMoved(documentId: string): void;
  subscribe(listener: (event: AccessEvent) => void): () => void;
}

export function createAccessEvents(): AccessEvents {
  const listeners = new Set<(event: AccessEvent) => void>();
  const emit = (event: AccessEvent) => {
    for (const listener of listeners) listener(event);
  };
  return {
    publish: (change) => emit({ type: "rights-changed", ...change }),
    sessionsEnded: (sessionIds) => emit({ type: "sessions-ended", sessionIds }),
    userSessionsEnded: (userId, except) => emit({ type: "user-sessions-ended", userId, except }),
    documentMoved: (documentId) => emit({ type: "document-moved", documentId }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
