/** Document kinds and the names of the shared types inside each Y.Doc (CONTRACT.md). */
export const documentKinds = [
  "diagnostic",
  "charter",
  "board",
  "project",
  "page",
  "amendment",
  "minutes",
] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** Every kind holds its rich text in this XmlFragment, bound to Tiptap. */
export const BODY = "body";

export const diagnosticRegistries = ["actors", "needs", "findings", "trends", "sources"] as const;
export type DiagnosticRegistry = (typeof diagnosticRegistries)[number];
/** The diagnostic's other arrays of Y.Map: its meeting log and its retained themes. */
export const diagnosticExtras = ["meetings", "themes"] as const;

export const boardTypes = { columns: "columns", cards: "cards" } as const;

export const documentAccesses = ["edit", "view"] as const;
export type DocumentAccess = (typeof documentAccesses)[number];

/**
 * WebSocket close codes the server sends so the client can say why it was cut off.
 * 4000–4999 is the range RFC 6455 leaves to applications; y-websocket's client treats
 * 4400–4499 as final (no reconnection), like HTTP's 4xx, and reconnects after any other.
 */
export const closeCodes = {
  /** The person lost the right to read the document (removed from the pôle or circle). */
  accessRevoked: 4403,
  /** The session the connection was opened under ended (logout, expiry, password change). */
  sessionEnded: 4401,
  /** The right changed (edit ↔ view): reconnecting picks up the new one. */
  accessChanged: 4001,
  /** A frame could not be decoded or broke a rule of the protocol. */
  badMessage: 4400,
  /** The connection sent more than its share of messages. */
  rateLimited: 4429,
  /** The server is shutting down; reconnect later. */
  goingAway: 1001,
} as const;
