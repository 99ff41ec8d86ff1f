/** The ws server refuses larger frames itself; the same figure bounds a single update. */
export const MAX_FRAME_BYTES = 8 * 1024 * 1024;

/**
 * What a connection may send while its document loads. A y-websocket client sends only
 * its state vector and presence before the server's first message.
 */
export const MAX_BACKLOG_BYTES = 2 * MAX_FRAME_BYTES;

export const defaults = {
  compactAfter: 500,
  storeDebounceMs: 1000,
  pingIntervalMs: 30_000,
} as const;

/**
 * Per-connection caps. Typing emits one message per transaction and a cursor move one
 * awareness message, so honest editors stay far below; a reconnect burst fits the bucket.
 */
export const rates = {
  messages: { perSecond: 300, burst: 1000 },
  awareness: { perSecond: 60, burst: 200 },
} as const;
