import type { WebSocketLike } from "@hono/node-server";
import type { Connection, Peer } from "./connection";

/** What `ws` sockets offer beyond the structural type @hono/node-server declares. */
interface Pingable {
  ping(): void;
  terminate(): void;
  on(event: "pong", listener: () => void): unknown;
}

function isPingable(raw: object): raw is Pingable {
  const candidate = raw as Partial<Pingable>;
  return typeof candidate.ping === "function" && typeof candidate.terminate === "function";
}

const OPEN = 1;

/** Adapts a `ws` socket; a pong marks the connection alive. */
export function socketPeer(raw: WebSocketLike, connection: Connection): Peer {
  const peer: Peer = {
    send(frame) {
      if (raw.readyState === OPEN) raw.send(frame);
    },
    close(code, reason) {
      raw.close(code, reason);
    },
  };
  if (isPingable(raw)) {
    raw.on("pong", () => {
      connection.alive = true;
    });
    peer.ping = () => raw.ping();
    peer.terminate = () => raw.terminate();
  }
  return peer;
}

/**
 * Pings every connection each interval and cuts those that did not answer the previous
 * ping: a dead TCP peer otherwise holds its document and presence for a long time.
 */
export function startKeepalive(intervalMs: number, connections: Iterable<Connection>): () => void {
  const timer = setInterval(() => {
    for (const connection of connections) {
      const peer = connection.peer;
      if (!peer?.ping) continue;
      if (!connection.alive) {
        peer.terminate?.();
        connection.ended();
        continue;
      }
      connection.alive = false;
      try {
        peer.ping();
      } catch {
        // A socket still closing: its close event ends it.
      }
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
