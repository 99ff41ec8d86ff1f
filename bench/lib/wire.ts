/**
 * A y-websocket protocol client over raw `ws`, small enough to run thousands in one load
 * process. The same client speaks to the reference server and Maillage (one document per
 * socket) and to Hocuspocus (every message prefixed with the document name, plus its
 * authentication handshake). A "full" client keeps a Y.Doc and applies what it receives,
 * like a browser; a "light" one only reads the markers out of the updates.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { WebSocket } from "ws";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { BODY } from "../../shared/documents";

export type Flavour = "yws" | "hocuspocus";

export interface ClientSpec {
  /** Full WebSocket URL. */
  url: string;
  docName: string;
  flavour: Flavour;
  headers?: Record<string, string>;
  /** Keeps a Y.Doc and applies received updates (a browser-like client). */
  full: boolean;
}

const messageSync = 0;
const messageAwareness = 1;
const messageAuth = 2;
const messageSyncReply = 4;
const authToken = 0;

/** "~writer.seq.sentAtMicros~": the text a bench writer inserts, found again by receivers. */
export const markerPattern = /~(\d+)\.(\d+)\.(\d+)~/g;

export const nowMicros = () => Math.round((performance.timeOrigin + performance.now()) * 1000);

export interface ClientEvents {
  /** A sync update or step 2 arrived: its raw bytes. */
  onUpdate?(update: Uint8Array): void;
  onAwareness?(): void;
  /** The sync step 2 arrived and, for a full client, is applied. */
  onSynced?(): void;
  onClose?(code: number): void;
}

export class WireClient {
  readonly doc: Y.Doc | null;
  socket: WebSocket | null = null;
  synced = false;
  closed = false;
  closeCode = 0;
  private readonly prefix: Uint8Array;
  private awarenessClock = 0;
  private paragraph: Y.XmlText | null = null;
  /** Waiting for this connection to sync or close (see whenSettled). */
  private settling: Array<() => void> = [];

  constructor(
    readonly spec: ClientSpec,
    private readonly events: ClientEvents = {},
  ) {
    this.doc = spec.full ? new Y.Doc() : null;
    const encoder = encoding.createEncoder();
    if (spec.flavour === "hocuspocus") encoding.writeVarString(encoder, spec.docName);
    this.prefix = encoding.toUint8Array(encoder);
    this.doc?.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      this.sendSync(syncProtocol.messageYjsUpdate, update);
    });
  }

  /** Resolves once the socket is open (not yet synced); a closed client may connect again. */
  connect(url = this.spec.url): Promise<void> {
    this.synced = false;
    this.closed = false;
    this.closeCode = 0;
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, {
        headers: this.spec.headers,
        perMessageDeflate: false,
      });
      this.socket = socket;
      socket.binaryType = "nodebuffer";
      socket.once("open", () => {
        if (this.spec.flavour === "hocuspocus") this.sendAuth();
        else this.sendStep1();
        resolve();
      });
      socket.once("unexpected-response", (_request, response) =>
        reject(new Error(`upgrade refused: ${response.statusCode}`)),
      );
      // A handshake that fails (reset, refused) reports its error with the socket already
      // CLOSING, then closes: either way the attempt is over before it opened.
      let opened = false;
      socket.once("open", () => {
        opened = true;
      });
      socket.on("error", (error) => {
        if (!opened) reject(error);
      });
      socket.on("message", (data: Buffer) => {
        if (this.socket === socket) this.receive(data);
      });
      socket.on("close", (code) => {
        if (!opened) reject(new Error(`closed before opening (${code})`));
        if (this.socket !== socket) return;
        this.closed = true;
        this.closeCode = code;
        this.settle();
        this.events.onClose?.(code);
      });
    });
  }

  /** Types `text` at the end of this client's own paragraph (created on first use). */
  type(text: string): void {
    const doc = this.doc;
    if (!doc) throw new Error("a light client cannot write");
    if (!this.paragraph) {
      const element = new Y.XmlElement("paragraph");
      const inner = new Y.XmlText();
      element.insert(0, [inner]);
      const body = doc.getXmlFragment(BODY);
      body.insert(body.length, [element]);
      this.paragraph = inner;
    }
    this.paragraph.insert(this.paragraph.length, text);
  }

  /** Sends a presence update with a cursor, as a collaboration caret would. */
  moveCursor(position: number): void {
    const state = JSON.stringify({
      user: { name: `bench-${this.doc?.clientID ?? 0}`, color: "#2f6f4f" },
      cursor: { anchor: position, head: position },
    });
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, this.doc?.clientID ?? 1);
    encoding.writeVarUint(inner, ++this.awarenessClock);
    encoding.writeVarString(inner, state);
    const encoder = this.encoder();
    encoding.writeVarUint(encoder, messageAwareness);
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
    this.send(encoding.toUint8Array(encoder));
  }

  /** Resolves once this connection is synced (true) or closed (false), without polling. */
  whenSettled(): Promise<boolean> {
    if (this.synced || this.closed) return Promise.resolve(this.synced);
    return new Promise((resolve) => this.settling.push(() => resolve(this.synced)));
  }

  private settle(): void {
    const waiting = this.settling;
    this.settling = [];
    for (const wake of waiting) wake();
  }

  text(): string {
    return this.doc ? this.doc.getXmlFragment(BODY).toString() : "";
  }

  /** Drops the connection, keeping the document (a client going offline). */
  disconnect(): void {
    this.socket?.terminate();
    this.closed = true;
  }

  close(): void {
    this.socket?.terminate();
    this.doc?.destroy();
  }

  private encoder(): encoding.Encoder {
    const encoder = encoding.createEncoder();
    encoding.writeUint8Array(encoder, this.prefix);
    return encoder;
  }

  private send(frame: Uint8Array): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(frame);
  }

  private sendAuth(): void {
    const encoder = this.encoder();
    encoding.writeVarUint(encoder, messageAuth);
    encoding.writeVarUint(encoder, authToken);
    encoding.writeVarString(encoder, "");
    this.send(encoding.toUint8Array(encoder));
  }

  private sendStep1(): void {
    const encoder = this.encoder();
    encoding.writeVarUint(encoder, messageSync);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
    encoding.writeVarUint8Array(
      encoder,
      this.doc ? Y.encodeStateVector(this.doc) : Uint8Array.of(0),
    );
    this.send(encoding.toUint8Array(encoder));
  }

  private sendSync(type: number, payload: Uint8Array, top = messageSync): void {
    const encoder = this.encoder();
    encoding.writeVarUint(encoder, top);
    encoding.writeVarUint(encoder, type);
    encoding.writeVarUint8Array(encoder, payload);
    this.send(encoding.toUint8Array(encoder));
  }

  private receive(data: Buffer): void {
    // What a browser gets: a plain Uint8Array (Yjs decodes Buffers much more slowly).
    const decoder = decoding.createDecoder(
      new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    );
    if (this.spec.flavour === "hocuspocus") decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === messageSync || type === messageSyncReply) {
      const sub = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (sub === syncProtocol.messageYjsSyncStep1) {
        const answer = this.doc ? Y.encodeStateAsUpdate(this.doc, payload) : Uint8Array.of(0, 0);
        this.sendSync(
          syncProtocol.messageYjsSyncStep2,
          answer,
          this.spec.flavour === "hocuspocus" ? messageSyncReply : messageSync,
        );
        return;
      }
      this.events.onUpdate?.(payload);
      if (this.doc) Y.applyUpdate(this.doc, payload, this);
      if (sub === syncProtocol.messageYjsSyncStep2 && !this.synced) {
        this.synced = true;
        this.settle();
        this.events.onSynced?.();
      }
    } else if (type === messageAwareness) {
      this.events.onAwareness?.();
    } else if (type === messageAuth) {
      // Hocuspocus answered the token: the document is open, start the Yjs sync.
      this.sendStep1();
    }
  }
}
