/** The ws server refuses larger frames itself; the same figure bounds a single update. */
export const MAX_FRAME_BYTES = 8 * 1024 * 1024;

/**
 * Bytes waiting in a socket's send buffer beyond which its client is cut off: a client
 * that does not read (stalled, or on a dying network) would otherwise make the server
 * hold everything relayed to it. It reconnects and resyncs once it reads again.
 */
export const MAX_SEND_BUFFER_BYTES = 4 * MAX_FRAME_BYTES;

/**
 * What a connection may send while its document loads. A y-websocket client sends only
 * its state vector and presence before the server's first message.
 */
export const MAX_BACKLOG_BYTES = 2 * MAX_FRAME_BYTES;

export const defaults = {
  compactAfter: 500,
  storeDebounceMs: 1000,
  pingIntervalMs: 30_000,
  /** How often the sessions of open connections are checked for expiry. */
  sessionCheckMs: 1000,
  /** Connections one person may hold to one document (see SyncHub.full). */
  connectionsPerPerson: 8,
} as const;

export interface RateLimit {
  perSecond: number;
  burst: number;
}

export interface RateLimits {
  /** Every frame a connection sends. */
  messages: RateLimit;
  /** Presence frames, a subset of the above. */
  awareness: RateLimit;
}

/**
 * Per-connection caps. Typing emits one message per transaction and a cursor move one
 * awareness message, so honest editors stay far below; a reconnect burst fits the bucket.
 */
export const rates: RateLimits = {
  messages: { perSecond: 300, burst: 1000 },
  awareness: { perSecond: 60, burst: 200 },
};

/** Presence: a tab sends its own small state; anything beyond is not a browser. */
export const awarenessLimits = {
  maxBytes: 32 * 1024,
  maxClientsPerConnection: 16,
} as const;

/** Standard WebSocket close codes the sync layer sends; clients reconnect after both. */
export const standardCloseCodes = {
  /** The server failed (a document had to be reloaded): reconnect and resync. */
  internalError: 1011,
  /** Refused for now (an update built on what the server lacks): reconnect and resync. */
  tryAgainLater: 1013,
} as const;
