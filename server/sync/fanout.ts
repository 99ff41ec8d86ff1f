/**
 * How documents' updates and presence reach the other instances serving the same
 * database. One instance alone needs none of it (`localFanout`); several share them over
 * Redis (server/scale/). The sync layer only knows this interface: documents, updates,
 * presence — never circles, never Redis.
 */

/** What the sync layer answers to what other instances announce. */
export interface FanoutListener {
  /** Updates another instance stored (their highest id: `lastId`), then relayed. */
  remoteUpdates(documentId: string, updates: readonly Uint8Array[], lastId: number): void;
  /** Presence from another instance's connections. */
  remotePresence(documentId: string, instanceId: string, update: Uint8Array): void;
  /** An instance that starts following the document asks for the presence held here. */
  presenceWanted(documentId: string): void;
  /** An instance stopped or died: its connections' presence goes. */
  instanceGone(instanceId: string): void;
  /**
   * Messages may have been lost (a gap in an instance's sequence, a reconnection): the
   * document — or every loaded one, when `documentId` is null — catches up from the database.
   */
  catchUp(documentId: string | null): void;
}

/** Granted, or refused until the instance that holds it may have let go. */
export type ProjectionClaim = { granted: true } | { granted: false; retryInMs: number };

export interface Fanout {
  /** Receives what other instances announce; called once, by the sync layer. */
  listen(listener: FanoutListener): void;
  /** Starts following a document: resolves once its messages are received, BEFORE it is loaded. */
  follow(documentId: string): Promise<void>;
  unfollow(documentId: string): void;
  /** Updates stored in the database (highest id `lastId`), told after their commit. */
  stored(documentId: string, updates: readonly Uint8Array[], lastId: number): void;
  /** A presence change of this instance's connections. */
  presence(documentId: string, update: Uint8Array): void;
  /**
   * Whether this instance refreshes the document's read projections now. Every instance
   * holding a document hears every change, so one of them is enough: it keeps the task
   * while it keeps refreshing, and lets go when it unfollows (or dies).
   */
  claimProjection(documentId: string): Promise<ProjectionClaim>;
  close(): Promise<void>;
}

/** One instance alone: nothing to tell anyone. */
export const localFanout: Fanout = {
  listen() {},
  follow: () => Promise.resolve(),
  unfollow() {},
  stored() {},
  presence() {},
  claimProjection: () => Promise.resolve({ granted: true }),
  close: () => Promise.resolve(),
};
