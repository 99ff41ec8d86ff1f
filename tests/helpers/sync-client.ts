/**
 * Node Yjs clients for tests: y-websocket providers that send the session cookie and the
 * Origin on the upgrade as a browser would, waits that never fail on a slow machine before
 * their (generous) deadline, and a clean-up closing every client a test file opened.
 */
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { BODY, closeCodes } from "../../shared/documents";

/** Where a server listens: a TestServer, a ChildServer or a restarted one. */
export interface Endpoint {
  url: string;
  wsUrl: string;
}

export interface OpenDocument {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close codes the server sent this provider, in order. */
  closes: number[];
}

const opened: OpenDocument[] = [];

/** ws's WebSocket, sending what a browser would on the upgrade: the cookie and Origin. */
function browserLikeSocket(cookie: string, origin: string) {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie, origin } });
    }
  };
}

/**
 * A changed right reconnects at once with the new one (the browser client reopens its
 * session likewise); the other refusals (4400-4499) are final, as y-websocket has them.
 */
const reconnectOnAccessChange = (event: CloseEvent) =>
  event.code === closeCodes.accessChanged || !(event.code >= 4400 && event.code < 4500);

/**
 * Opens a document as this person, without waiting for it to sync (see `synced`).
 * `clientId` fixes the Yjs client id (and so the awareness one), for tests of presence.
 */
export function openDocument(
  server: Endpoint,
  person: { cookie: string },
  documentId: string,
  { clientId }: { clientId?: number } = {},
): OpenDocument {
  const doc = new Y.Doc();
  if (clientId !== undefined) doc.clientID = clientId;
  const provider = new WebsocketProvider(`${server.wsUrl}/sync`, documentId, doc, {
    WebSocketPolyfill: browserLikeSocket(
      person.cookie,
      server.url,
    ) as unknown as typeof globalThis.WebSocket,
    // Providers in one process would otherwise sync through BroadcastChannel, not the server.
    disableBc: true,
    maxBackoffTime: 200,
    shouldReconnect: reconnectOnAccessChange,
  });
  const document: OpenDocument = { doc, provider, closes: [] };
  provider.on("connection-close", (event) => {
    if (event) document.closes.push(event.code);
  });
  opened.push(document);
  return document;
}

/** Opens a document as this person and waits until it is synchronised. */
export async function connect(
  server: Endpoint,
  person: { cookie: string },
  documentId: string,
): Promise<OpenDocument> {
  const document = openDocument(server, person, documentId);
  await synced(document);
  return document;
}

export function closeDocument(document: OpenDocument) {
  const index = opened.indexOf(document);
  if (index !== -1) opened.splice(index, 1);
  document.provider.destroy();
  document.provider.awareness.destroy();
  document.doc.destroy();
}

/** Closes every document this test file opened and has not closed yet. */
export function closeDocuments() {
  for (const document of [...opened]) closeDocument(document);
}

/** Polls until `check` holds; `what` names the wait in the error of a missed deadline. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const synced = (document: OpenDocument, what = "the document to sync") =>
  waitFor(() => document.provider.synced, what);

/** Polls until `check` stops throwing, then returns its value (for `expect` inside). */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Appends a paragraph to the rich text, as Tiptap would store it. */
export function writeParagraph(doc: Y.Doc, text: string) {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  const body = doc.getXmlFragment(BODY);
  body.insert(body.length, [paragraph]);
}

export const bodyText = (doc: Y.Doc) => doc.getXmlFragment(BODY).toString();
