/**
 * The real-time sync layer: the y-websocket protocol over Hono's upgradeWebSocket, with
 * documents loaded on demand and every update stored before anyone else sees it.
 */
import { SyncHub } from "./hub";
import type { SyncServer, SyncServerOptions } from "./server";

export type { Visitor } from "./connection";
export { MAX_FRAME_BYTES, type RateLimits } from "./limits";
export type { SyncServer, SyncServerOptions, SyncStats } from "./server";

export function createSyncServer(options: SyncServerOptions): SyncServer {
  return new SyncHub(options);
}
