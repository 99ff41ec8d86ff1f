/**
 * The sync provider factory: one Y.Doc per open document, kept in IndexedDB (so edits
 * made offline survive a reload and merge on reconnection) and synchronised with the
 * server over the y-websocket protocol.
 */
import { IndexeddbPersistence } from "y-indexeddb";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { closeCodes } from "../../shared/documents";
import { offlineCopyName } from "../offline/rules";
import { keepColorDistinct } from "./presence-colors";

export type ConnectionState = "syncing" | "connected" | "offline" | "closed";

export interface SyncUser {
  name: string;
  color: string;
}

export interface SyncHandlers {
  onState(state: ConnectionState): void;
  /** The server cut the connection because the person may no longer read the document. */
  onRevoked(): void;
  /** The person's right changed (edit ↔ view): reload the document with the new one. */
  onAccessChanged(): void;
  /** Connections keep failing before opening: maybe the session ended or access is gone. */
  onRefused(): void;
}

export interface SyncSession {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  persistence: IndexeddbPersistence;
  /** Tries again after a close the provider gave up on. */
  reconnect(): void;
  /** Forgets the local copy too (after access was removed). */
  forget(): Promise<void>;
  destroy(): void;
}

export const syncUrl = () =>
  `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/sync`;

/** Codes after which reconnecting as is cannot help. */
const terminal = new Set<number>([
  closeCodes.accessRevoked,
  closeCodes.accessChanged,
  closeCodes.badMessage,
]);

export function openSyncSession(
  documentId: string,
  userId: string,
  user: SyncUser,
  handlers: SyncHandlers,
): SyncSession {
  const ydoc = new Y.Doc();
  // Keyed by person too, so that two people sharing a browser keep separate copies.
  const persistence = new IndexeddbPersistence(offlineCopyName(userId, documentId), ydoc);
  const provider = new WebsocketProvider(syncUrl(), documentId, ydoc, {
    connect: navigator.onLine,
    shouldReconnect: (event) => !terminal.has(event.code),
  });
  provider.awareness.setLocalStateField("user", user);
  const stopColors = keepColorDistinct(provider.awareness);

  let destroyed = false;
  let stopped = false;
  let refusals = 0;
  let opened = false;

  const state = (): ConnectionState => {
    if (stopped) return "closed";
    if (!navigator.onLine || !provider.shouldConnect) return "offline";
    if (provider.wsconnected) return provider.synced ? "connected" : "syncing";
    // Still trying after a failed attempt: say so rather than flicker.
    return provider.wsUnsuccessfulReconnects > 0 ? "offline" : "syncing";
  };
  const report = () => {
    if (!destroyed) handlers.onState(state());
  };

  provider.on("status", ({ status }) => {
    if (status === "connected") {
      opened = true;
      refusals = 0;
    }
    report();
  });
  provider.on("sync", report);
  provider.on("connection-close", (event) => {
    if (event && !opened && navigator.onLine && !terminal.has(event.code)) {
      // The upgrade was refused (401/403/404 answer before any WebSocket): ask the API why.
      refusals++;
      if (refusals === 2 || refusals % 10 === 0) handlers.onRefused();
    }
    opened = false;
    report();
  });
  provider.on("closed", ({ code }) => {
    if (destroyed) return;
    if (code === closeCodes.accessRevoked) {
      stopped = true;
      provider.disconnect();
      handlers.onRevoked();
    } else if (code === closeCodes.accessChanged) {
      handlers.onAccessChanged();
    } else {
      stopped = true;
    }
    report();
  });

  // Browsers keep an open WebSocket through short network losses; follow the browser's own
  // idea of being online so that offline edits are clearly offline, and resume at once.
  const goOffline = () => {
    provider.disconnect();
    report();
  };
  const goOnline = () => {
    if (!stopped) provider.connect();
    report();
  };
  window.addEventListener("offline", goOffline);
  window.addEventListener("online", goOnline);
  report();

  return {
    ydoc,
    provider,
    persistence,
    reconnect() {
      stopped = false;
      provider.connect();
      report();
    },
    async forget() {
      await persistence.clearData();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      window.removeEventListener("offline", goOffline);
      window.removeEventListener("online", goOnline);
      stopColors();
      provider.awareness.setLocalState(null);
      provider.destroy();
      void persistence.destroy();
      ydoc.destroy();
    },
  };
}
