/**
 * The domain announces that a person's rights may have changed; whoever holds open
 * connections (the sync layer) listens and re-checks them. The domain never imports sync.
 */
export interface AccessChange {
  poleId: string;
  userId: string;
}

export interface AccessEvents {
  publish(change: AccessChange): void;
  subscribe(listener: (change: AccessChange) => void): () => void;
}

export function createAccessEvents(): AccessEvents {
  const listeners = new Set<(change: AccessChange) => void>();
  return {
    publish(change) {
      for (const listener of listeners) listener(change);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
