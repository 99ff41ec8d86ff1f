import type { WebSocketLike } from "@hono/node-server";
import type { RawData, WebSocket } from "ws";
import type { Connection, Peer } from "./connection";

/** What `ws` sockets offer beyond the structural type @hono/node-server declares. */
interface Pingable {
  ping(): void;
  terminate(): void;
  on(event: "pong", listener: () => void): unknown;
}

/** `ws` keeps its net.Socket here. */
interface WithSocket {
  _socket?: { write(data: Uint8Array): boolean } | null;
}

function isPingable(raw: object): raw is Pingable {
  const candidate = raw as Partial<Pingable>;
  return typeof candidate.ping === "function" && typeof candidate.terminate === "function";
}

const OPEN = 1;

/**
 * Messages already framed for the wire (an unmasked binary WebSocket frame, RFC 6455
 * §5.2), kept while the message is: a relayed update is framed once for all its
 * recipients instead of once each.
 */
const framedCache = new WeakMap<Uint8Array, Buffer>();

function framed(message: Uint8Array): Buffer {
  let frame = framedCache.get(message);
  if (frame) return frame;
  const length = message.byteLength;
  const header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  frame = Buffer.allocUnsafe(header + length);
  frame[0] = 0x82; // FIN + binary
  if (length < 126) frame[1] = length;
  else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.set(message, header);
  framedCache.set(message, frame);
  return frame;
}

/** What adopted sockets report to: one object for every socket. */
export interface SocketOwner {
  receive(connection: Connection, data: unknown): void;
  socketError(connection: Connection, error: unknown): void;
}

/**
 * A `ws` socket as a peer; methods on the prototype, as thousands of these live at once.
 * Data frames are written straight to the TCP socket, framed once per message: `ws`
 * would build a header and go through a corked two-buffer write for every recipient,
 * which was most of the cost of a relay. Control frames (ping, close) stay with `ws`,
 * and writes keep their order since both go to the same stream synchronously.
 */
class WsPeer implements Peer {
  constructor(
    private readonly raw: WebSocket,
    readonly connection: Connection,
    readonly owner: SocketOwner,
  ) {}

  send(frame: Uint8Array): void {
    if (this.raw.readyState !== OPEN) return;
    const socket = (this.raw as unknown as WithSocket)._socket;
    if (socket) socket.write(framed(frame));
    else this.raw.send(frame);
  }

  sendMany(frames: readonly Uint8Array[]): void {
    if (this.raw.readyState !== OPEN) return;
    const socket = (this.raw as unknown as WithSocket)._socket;
    if (socket) socket.write(Buffer.concat(frames.map(framed)));
    else for (const frame of frames) this.raw.send(frame);
  }

  close(code: number, reason: string): void {
    this.raw.close(code, reason);
  }

  buffered(): number {
    return this.raw.bufferedAmount;
  }

  ping(): void {
    this.raw.ping();
  }

  terminate(): void {
    this.raw.terminate();
  }
}

/**
 * The peer of each adopted socket. The listeners are functions shared by every socket,
 * which `ws` calls with the socket as `this`, rather than closures made for each: under
 * tsx each such closure also gets its own `name` property (esbuild's keepNames), a
 * property store of 256 bytes, and five of them were a quarter of a connection's heap.
 */
const peers = new WeakMap<WebSocket, WsPeer>();

function onSocketMessage(this: WebSocket, data: RawData, isBinary: boolean): void {
  const peer = peers.get(this);
  peer?.owner.receive(peer.connection, isBinary ? data : "");
}

function onSocketClose(this: WebSocket): void {
  peers.get(this)?.connection.ended();
}

function onSocketError(this: WebSocket, error: Error): void {
  const peer = peers.get(this);
  peer?.owner.socketError(peer.connection, error);
}

function onSocketPong(this: WebSocket): void {
  const peer = peers.get(this);
  if (peer) peer.connection.alive = true;
}

const ours = { message: onSocketMessage, close: onSocketClose, error: onSocketError } as const;
const takenOver = ["message", "close", "error"] as const;

/**
 * Takes a `ws` socket over from @hono/node-server once it is open: our own listeners,
 * and the adapter's removed. Its listeners wrap every frame in a MessageEvent over a
 * copied ArrayBuffer, and they keep the whole upgrade request alive (the Node request,
 * the Fetch Request, the Hono context, the session) for as long as the socket lives:
 * about a third of the memory of an open connection.
 */
export function adoptSocket(raw: WebSocket, connection: Connection, owner: SocketOwner): Peer {
  // Listeners already there stay: `ws`'s server removes closed sockets from its clients
  // on "close".
  const before = takenOver.map((event) => new Set(raw.listeners(event)));
  const peer = new WsPeer(raw, connection, owner);
  peers.set(raw, peer);
  for (const event of takenOver) raw.on(event, ours[event]);
  raw.on("pong", onSocketPong);
  // The adapter adds its listeners synchronously right after onOpen returns.
  queueMicrotask(() => {
    takenOver.forEach((event, i) => {
      for (const listener of raw.listeners(event)) {
        if (listener === ours[event] || before[i].has(listener)) continue;
        raw.off(event, listener as (...args: unknown[]) => void);
      }
    });
  });
  return peer;
}

/** Adapts any other WebSocketLike (test fakes); a pong marks the connection alive. */
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
