/**
 * The domain announces that something of a pôle changed; the event stream forwards it to
 * the pages open on that pôle. One instance keeps listeners in memory; a multi-instance
 * deployment swaps this for a fan-out (Redis) behind the same interface.
 */
import type { PoleEvent } from "../../shared/pole-events";

export type PoleEventListener = (poleId: string, event: PoleEvent) => void;

export interface PoleEvents {
  publish(poleId: string, event: PoleEvent): void;
  /** Every event of every pôle; returns the unsubscribe function. */
  subscribe(listener: PoleEventListener): () => void;
}

export function createPoleEvents(): PoleEvents {
  const listeners = new Set<PoleEventListener>();
  return {
    publish(poleId, event) {
      for (const listener of listeners) listener(poleId, event);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
