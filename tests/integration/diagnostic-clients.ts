/**
 * Node Yjs clients for the diagnostic tests: a y-websocket provider that sends the session
 * cookie like a browser, with a wait helper and clean-up.
 */
import { expect } from "vitest";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { Person, TestServer } from "../helpers/server";

export interface Opened {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

const opened: Opened[] = [];

function browserLikeSocket(cookie: string, origin: string) {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie, origin } });
    }
  };
}

/** Opens a document as this person and waits until it is synchronised. */
export async function connect(
  server: TestServer,
  person: Person,
  documentId: string,
): Promise<Opened> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${server.wsUrl}/sync`, documentId, doc, {
    WebSocketPolyfill: browserLikeSocket(
      person.cookie,
      server.url,
    ) as unknown as typeof globalThis.WebSocket,
    // Providers in one process would otherwise sync through BroadcastChannel, not the server.
    disableBc: true,
  });
  const client = { doc, provider };
  opened.push(client);
  await eventually(() => expect(provider.synced).toBe(true));
  return client;
}

export function disconnectAll() {
  for (const { provider, doc } of opened.splice(0)) {
    provider.destroy();
    provider.awareness.destroy();
    doc.destroy();
  }
}

/** Polls until `check` stops throwing (generous: tests never fail on timing). */
export async function eventually<T>(check: () => T | Promise<T>, timeout = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() - started > timeout) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
