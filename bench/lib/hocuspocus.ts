/** Hocuspocus 4.7.0 on a free loopback port, with the given extensions, serving the bench. */
import { type Extension, Server } from "@hocuspocus/server";
import { serveParent } from "./ipc";

export async function serveHocuspocus(extensions: Extension[]): Promise<void> {
  const server = new Server({
    port: 0,
    address: "127.0.0.1",
    quiet: true,
    stopOnSignals: false,
    extensions,
  });
  await server.listen();
  serveParent(
    `http://127.0.0.1:${server.address.port}`,
    () => ({
      documents: server.hocuspocus.getDocumentsCount(),
      connections: server.hocuspocus.getConnectionsCount(),
    }),
    () => server.destroy(),
  );
}
