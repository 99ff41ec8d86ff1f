/** Hocuspocus 4.7.0 with no extensions, on a free loopback port. */
import { Server } from "@hocuspocus/server";
import { serveParent } from "../lib/ipc";

const server = new Server({ port: 0, address: "127.0.0.1", quiet: true, stopOnSignals: false });
await server.listen();
serveParent(
  `http://127.0.0.1:${server.address.port}`,
  () => ({
    documents: server.hocuspocus.getDocumentsCount(),
    connections: server.hocuspocus.getConnectionsCount(),
  }),
  () => server.destroy(),
);
