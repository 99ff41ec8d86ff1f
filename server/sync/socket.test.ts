import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { visitor } from "../../tests/helpers/visitor";
import { Connection } from "./connection";
import { adoptSocket } from "./socket";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A `ws` server that adopts every socket the way the hub does, after a stand-in adapter. */
async function serve(onConnection: (socket: WebSocket) => void) {
  const wss = new WebSocketServer({ noServer: true });
  const http = createServer();
  http.on("upgrade", (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => {
      onConnection(ws);
      // What @hono/node-server does right after onOpen: listeners of its own.
      ws.on("message", () => {
        throw new Error("the adapter's listener should be gone");
      });
      ws.on("close", () => {});
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  cleanups.push(async () => {
    wss.close();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  });
  return { wss, url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}` };
}

describe("adoptSocket", () => {
  it("takes over the socket's events and leaves `ws`'s own bookkeeping alone", async () => {
    const received: string[] = [];
    const ended: Connection[] = [];
    const { wss, url } = await serve((ws) => {
      const connection = new Connection("doc", visitor("user"), "edit", 0, (c) => ended.push(c));
      connection.peer = adoptSocket(ws, connection, {
        receive: (_connection, data) => received.push(typeof data === "string" ? "text" : "binary"),
        socketError: () => {},
      });
    });
    const client = new WebSocket(url);
    await new Promise((resolve) => client.once("open", resolve));
    client.send(Uint8Array.of(1, 2, 3));
    client.send("texte");
    await vi.waitFor(() => expect(received).toEqual(["binary", "text"]));
    expect(wss.clients.size).toBe(1);
    client.close();
    // Waited for, not timed: under a loaded machine the close handshake can take longer.
    await vi.waitFor(() => expect(ended).toHaveLength(1));
    // A closed socket leaves the server's clients, or it and its document stay in memory.
    await vi.waitFor(() => expect(wss.clients.size).toBe(0));
  });
});
