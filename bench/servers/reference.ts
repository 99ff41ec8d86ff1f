/**
 * The reference y-websocket server (@y/websocket-server 0.1.1) as its own bin starts it,
 * without persistence, on a free loopback port.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { docs, setupWSConnection } from "@y/websocket-server/utils";
import { WebSocketServer } from "ws";
import { serveParent } from "../lib/ipc";

const wss = new WebSocketServer({ noServer: true });
const server = createServer((_request, response) => {
  response.writeHead(200, { "Content-Type": "text/plain" });
  response.end("okay");
});
wss.on("connection", setupWSConnection);
server.on("upgrade", (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit("connection", ws, request));
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address() as AddressInfo;
serveParent(
  `http://127.0.0.1:${port}`,
  () => ({ documents: docs.size, connections: wss.clients.size }),
  async () => {
    for (const client of wss.clients) client.terminate();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  },
);
