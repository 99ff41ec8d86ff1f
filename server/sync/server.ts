/** What the sync layer offers the rest of the server, and what it needs from it. */
import type { WebSocketLike } from "@hono/node-server";
import type SQLite from "better-sqlite3";
import type { WSEvents } from "hono/ws";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type * as Y from "yjs";
import type { DocumentAccess } from "../../shared/documents";
import type { Database } from "../db/schema";
import type { DocumentStore } from "../storage";
import type { Visitor } from "./connection";
import type { Fanout } from "./fanout";
import type { RateLimits } from "./limits";

export interface SyncServerOptions {
  db: Kysely<Database>;
  /**
   * The raw handle of the same database, when there is one: updates are then written
   * through prepared statements, synchronously, instead of through Kysely.
   */
  sqlite?: SQLite.Database;
  /** Where documents are stored (default: the SQLite store over `db`, or `sqlite`). */
  store?: DocumentStore;
  /** How updates and presence reach other instances (default: none, one instance alone). */
  fanout?: Fanout;
  logger: Logger;
  /** The current right of a person over a document, null when they have none any more. */
  accessOf(userId: string, documentId: string): Promise<DocumentAccess | null>;
  /** A session's current expiry, null when it no longer exists. */
  sessionExpiry(sessionId: string): Promise<number | null>;
  /** How often sessions past their expiry are checked (default 1000 ms). */
  sessionCheckMs?: number;
  /** Connections one person may hold to one document (default 8); more are refused. */
  connectionsPerPerson?: number;
  /** A document is stored and unloaded this long after its last connection leaves. */
  unloadDelayMs: number;
  /** Log rows after which a loaded document's state is rewritten (default 500). */
  compactAfter?: number;
  /** onStored is called at most this long after a change is stored (default 1000). */
  storeDebounceMs?: number;
  /** Keepalive ping period (default 30000); a socket silent for a whole period is cut. */
  pingIntervalMs?: number;
  /** Per-connection message and presence caps (defaults in limits.ts); over them, closed. */
  rates?: Partial<RateLimits>;
  /**
   * Read projections hook: after changes (debounced) and at unload, unless the document was
   * only read since it was loaded. The Y.Doc must only be read, and not kept after the
   * promise settles. Errors are logged, never thrown.
   */
  onStored?(documentId: string, doc: Y.Doc): void | Promise<void>;
  /** A person's update to a document was accepted (called for each one: keep it cheap). */
  onEdited?(documentId: string, userId: string): void;
}

export interface SyncServer {
  /** Events for one connection that the HTTP layer already authenticated and authorised. */
  connection(documentId: string, visitor: Visitor, access: DocumentAccess): WSEvents<WebSocketLike>;
  /**
   * Re-checks every open connection of this person (a membership changed): closes with
   * closeCodes.accessRevoked those with no right any more, with closeCodes.accessChanged
   * those whose right changed (edit <-> view) so the client reconnects.
   */
  recheckUser(userId: string): Promise<void>;
  /** Re-checks, the same way, every open connection to a document (it moved to another circle). */
  recheckDocument(documentId: string): Promise<void>;
  /** Closes with closeCodes.sessionEnded the connections made under these sessions. */
  endSessions(sessionIds: readonly string[]): void;
  /** Closes likewise every connection of a person but those of session `except`. */
  endUserSessions(userId: string, except: string | null): void;
  /**
   * The server's own forward edit of a document (a restore, an adopted amendment): runs
   * `change` on its loaded Y.Doc, loading it first if needed, in one transaction; what it
   * changed is stored, then relayed to every open connection. Resolves with `change`'s
   * answer once stored. `change` is synchronous and must not keep the Y.Doc; it may also
   * only read it (the document as every connection sees it).
   */
  edit<T>(documentId: string, change: (doc: Y.Doc) => T): Promise<T>;
  /** Graceful shutdown: close connections with 1001, flush, compact and store every loaded document. */
  close(): Promise<void>;
  /** For tests/benchmarks: loaded documents, open connections, loads since start. */
  stats(): SyncStats;
}

export interface SyncStats {
  /** Documents loaded now. */
  documents: number;
  /** Of those, documents whose Y.Doc had to be decoded (the others are only read). */
  decoded: number;
  connections: number;
  /** Documents loaded from the database since start. */
  loads: number;
}
