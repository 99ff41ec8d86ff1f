import type { WebSocketLike } from "@hono/node-server";
import type { WSContext, WSEvents } from "hono/ws";
import { WebSocket } from "ws";
import type * as Y from "yjs";
import { closeCodes, type DocumentAccess } from "../../shared/documents";
import { createKyselyStore, createSqliteStore, type DocumentStore } from "../storage";
import { Connection, type Visitor } from "./connection";
import type { SharedDocument } from "./document";
import { editLoaded } from "./edits";
import { type Fanout, localFanout } from "./fanout";
import { UpdateGuard } from "./guard";
import { defaults, type RateLimits, rates, standardCloseCodes } from "./limits";
import { Outbox } from "./outbox";
import { handleMessage, type ProtocolContext, rateLimited } from "./protocol";
import { DocumentRegistry } from "./registry";
import { RemoteInstances } from "./remote";
import type { SyncServer, SyncServerOptions, SyncStats } from "./server";
import { SessionWatch } from "./sessions";
import { adoptSocket, type SocketOwner, socketPeer, startKeepalive } from "./socket";
import { UpdateWriter } from "./writer";

/** Ties sockets to documents: the implementation behind `createSyncServer`. */
export class SyncHub implements SyncServer {
  private readonly connections = new Set<Connection>();
  private readonly byUser = new Map<string, Set<Connection>>();
  /**
   * Bumped by each re-check (of a person or a document) and each end of sessions: a
   * connection authorised before the bump, and opened after it, is re-checked as it opens.
   */
  private generation = 0;
  private readonly sessions: SessionWatch;
  private readonly writer: UpdateWriter;
  private readonly registry: DocumentRegistry;
  private readonly protocol: ProtocolContext;
  private readonly stopKeepalive: () => void;
  private readonly rates: RateLimits;
  private readonly outbox = new Outbox();
  private readonly guard = new UpdateGuard();
  private closing: Promise<void> | null = null;
  /** How updates and presence reach other instances (none: one instance alone). */
  private readonly fanout: Fanout;
  /** Shared by every connection, rather than closures made for each. */
  private readonly forgetEnded = (ended: Connection) => this.forget(ended);
  private readonly sockets: SocketHandler = {
    open: (connection) => this.open(connection),
    receive: (connection, data) => this.receive(connection, data),
    socketError: (connection, error) => this.socketError(connection, error),
  };

  constructor(private readonly options: SyncServerOptions) {
    const store = options.store ?? defaultStore(options);
    const fanout = options.fanout ?? localFanout;
    this.fanout = fanout;
    this.rates = { ...rates, ...options.rates };
    this.writer = new UpdateWriter(
      store,
      options.logger,
      (doc, updates, lastId) => {
        this.registry.stored(doc);
        fanout.stored(doc.id, updates, lastId);
      },
      this.outbox,
    );
    this.registry = new DocumentRegistry({
      store,
      fanout,
      writer: this.writer,
      logger: options.logger,
      unloadDelayMs: options.unloadDelayMs,
      compactAfter: options.compactAfter ?? defaults.compactAfter,
      storeDebounceMs: options.storeDebounceMs ?? defaults.storeDebounceMs,
      onStored: options.onStored,
    });
    const writer = this.writer;
    this.protocol = {
      // Who changed a document is told on (the activity feed), after the update is taken.
      sink: {
        accept(doc, update, frame, origin) {
          writer.accept(doc, update, frame, origin);
          options.onEdited?.(doc.id, origin.userId);
        },
        sendWhenStored: (doc, connection, frame) => writer.sendWhenStored(doc, connection, frame),
      },
      logger: options.logger,
      guard: this.guard,
      release: (connection) => this.release(connection),
      quarantine: (doc, error) => this.quarantine(doc, error),
    };
    this.sessions = new SessionWatch(
      options.sessionExpiry,
      (sessionId) => this.endSessions([sessionId]),
      (error, sessionId) =>
        options.logger.error({ err: error, sessionId }, "checking a session failed"),
      options.sessionCheckMs ?? defaults.sessionCheckMs,
    );
    this.stopKeepalive = startKeepalive(
      options.pingIntervalMs ?? defaults.pingIntervalMs,
      this.connections,
    );
    fanout.listen(new RemoteInstances(this.registry, this.writer, store, options.logger, fanout));
  }

  connection(
    documentId: string,
    visitor: Visitor,
    access: DocumentAccess,
  ): WSEvents<WebSocketLike> {
    const connection = new Connection(
      documentId,
      visitor,
      access,
      this.generation,
      this.forgetEnded,
      this.rates,
      this.outbox,
    );
    return new ConnectionEvents(connection, this.sockets);
  }

  recheckUser(userId: string): Promise<void> {
    this.generation++;
    return this.recheckEach(this.byUser.get(userId) ?? []);
  }

  recheckDocument(documentId: string): Promise<void> {
    this.generation++;
    return this.recheckEach(
      Array.from(this.connections).filter((open) => open.documentId === documentId),
    );
  }

  endSessions(sessionIds: readonly string[]): void {
    this.generation++;
    this.closeWhere(
      (open) => sessionIds.includes(open.visitor.sessionId),
      closeCodes.sessionEnded,
      "session ended",
    );
  }

  endUserSessions(userId: string, except: string | null): void {
    this.generation++;
    this.closeWhere(
      (open) => open.userId === userId && open.visitor.sessionId !== except,
      closeCodes.sessionEnded,
      "session ended",
    );
  }

  private closeWhere(matches: (open: Connection) => boolean, code: number, reason: string) {
    for (const open of Array.from(this.connections)) if (matches(open)) open.close(code, reason);
  }

  /** Re-checks connections, one question per person and document. */
  private async recheckEach(connections: Iterable<Connection>): Promise<void> {
    const groups = new Map<string, Connection[]>();
    for (const connection of connections) {
      const key = `${connection.userId} ${connection.documentId}`;
      const group = groups.get(key);
      if (group) group.push(connection);
      else groups.set(key, [connection]);
    }
    await Promise.all(
      Array.from(groups.values(), (group) =>
        this.recheck(group[0].userId, group[0].documentId, group),
      ),
    );
  }

  edit<T>(documentId: string, change: (doc: Y.Doc) => T): Promise<T> {
    return editLoaded(this.registry, this.writer, documentId, change);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.stopKeepalive();
      this.sessions.stop();
      for (const connection of Array.from(this.connections)) {
        connection.close(closeCodes.goingAway, "server shutting down");
      }
      this.writer.stop();
      await this.registry.close();
      await this.writer.flush();
      await this.fanout.close();
      this.guard.close();
    })();
    return this.closing;
  }

  stats(): SyncStats {
    return {
      documents: this.registry.size,
      decoded: this.registry.decodedCount,
      connections: this.connections.size,
      loads: this.registry.loads,
    };
  }

  private open(connection: Connection): void {
    if (this.closing) {
      connection.close(closeCodes.goingAway, "server shutting down");
      return;
    }
    const mine = this.byUser.get(connection.userId);
    if (this.full(connection, mine)) {
      connection.close(closeCodes.rateLimited, "too many connections");
      return;
    }
    this.connections.add(connection);
    if (mine) mine.add(connection);
    else this.byUser.set(connection.userId, new Set([connection]));
    this.sessions.add(connection.visitor.sessionId, connection.visitor.sessionExpiresAt);
    if (this.generation !== connection.generation) {
      // Rights or sessions changed between the HTTP check and now.
      void this.recheck(connection.userId, connection.documentId, [connection], connection);
    }
    this.registry.acquire(connection.documentId).then(
      (doc) => {
        if (connection.closed) {
          this.registry.release(doc);
          return;
        }
        connection.attach(doc);
        this.release(connection);
      },
      (error: unknown) => {
        this.options.logger.error(
          { err: error, documentId: connection.documentId },
          "loading a document failed",
        );
        connection.close(this.closing ? closeCodes.goingAway : 1011, "document unavailable");
      },
    );
  }

  /**
   * Whether this person already holds `connectionsPerPerson` connections to the document.
   * Counted per document because presence is: each connection may bring its entries, so
   * the cap bounds what one person shows on a page, however many pages they open. The
   * newcomer is refused rather than the oldest closed, which would only make the tabs
   * over the cap evict each other in turn; dead sockets free their place at the
   * keepalive.
   */
  private full(connection: Connection, mine: Set<Connection> | undefined): boolean {
    if (!mine) return false;
    const cap = this.options.connectionsPerPerson ?? defaults.connectionsPerPerson;
    let same = 0;
    for (const open of mine) if (open.documentId === connection.documentId) same++;
    return same >= cap;
  }

  private receive(connection: Connection, data: unknown): void {
    if (connection.closed) return;
    connection.alive = true;
    if (!connection.messageRate.take(Date.now())) {
      rateLimited(this.protocol, connection, "messages");
      return;
    }
    const message = binaryFrame(data);
    if (!message) {
      this.options.logger.warn(
        { documentId: connection.documentId, userId: connection.userId },
        "closing a sync connection that sent a text frame",
      );
      connection.close(closeCodes.badMessage, "binary frames only");
      return;
    }
    if (connection.held) {
      if (!connection.defer(message)) {
        rateLimited(this.protocol, connection, "bytes before the document loaded");
      }
    } else if (connection.doc) handleMessage(this.protocol, connection.doc, connection, message);
  }

  /** Ends a hold; once none is left, handles in order the frames held meanwhile. */
  private release(connection: Connection): void {
    const doc = connection.doc;
    connection.release((frame) => {
      if (doc) handleMessage(this.protocol, doc, connection, frame);
    });
  }

  private quarantine(doc: SharedDocument, error: unknown): void {
    this.options.logger.error(
      { err: error, documentId: doc.id },
      "an update failed half-way: reloading the document from the database",
    );
    this.registry.discard(doc);
    // Their clients reconnect (1011 is not final) and resync against the stored state.
    for (const connection of Array.from(this.connections)) {
      if (connection.doc === doc) {
        connection.close(standardCloseCodes.internalError, "document reloaded");
      }
    }
  }

  private socketError(connection: Connection, error: unknown): void {
    this.options.logger.debug(
      { err: error, documentId: connection.documentId, userId: connection.userId },
      "sync socket error",
    );
  }

  /** Runs once per connection, whoever closed it. */
  private forget(connection: Connection): void {
    if (!this.connections.delete(connection)) {
      // Closed before it opened (shutdown): nothing was registered.
      return;
    }
    const mine = this.byUser.get(connection.userId);
    mine?.delete(connection);
    if (mine?.size === 0) this.byUser.delete(connection.userId);
    this.sessions.remove(connection.visitor.sessionId);
    const doc = connection.doc;
    if (doc) {
      doc.detach(connection);
      this.registry.release(doc);
    }
  }

  /**
   * The connections are held from the moment the change is announced (the domain does so
   * right after its commit) until the verdict: nothing they send after a removal is
   * applied, stored or relayed; if their right is unchanged, their frames are replayed.
   * `opening`, a connection authorised before the change, also has its session checked.
   */
  private async recheck(
    userId: string,
    documentId: string,
    connections: Connection[],
    opening: Connection | null = null,
  ) {
    for (const connection of connections) connection.hold();
    let access: DocumentAccess | null | undefined;
    let sessionLive = true;
    try {
      access = await this.options.accessOf(userId, documentId);
      if (opening) {
        const expiresAt = await this.options.sessionExpiry(opening.visitor.sessionId);
        sessionLive = expiresAt !== null && expiresAt > Date.now();
      }
    } catch (error) {
      this.options.logger.error({ err: error, userId, documentId }, "re-checking access failed");
      access = undefined;
    }
    for (const connection of connections) {
      // Reconnecting goes through the HTTP checks again.
      if (!sessionLive) connection.close(closeCodes.sessionEnded, "session ended");
      else if (access === undefined) connection.close(closeCodes.accessChanged, "access changed");
      else if (access === null) connection.close(closeCodes.accessRevoked, "access revoked");
      else if (access !== connection.access) {
        connection.close(closeCodes.accessChanged, "access changed");
      }
      this.release(connection);
    }
  }
}

/** The SQLite store, on the raw handle when there is one. */
function defaultStore(options: SyncServerOptions): DocumentStore {
  return options.sqlite
    ? createSqliteStore(options.db, options.sqlite)
    : createKyselyStore(options.db);
}

/** What the hub does with sockets: what they report, and opening their connection. */
interface SocketHandler extends SocketOwner {
  open(connection: Connection): void;
}

/**
 * The adapter's events for one connection, as methods on a prototype: the adapter calls
 * them on this object, and thousands of connections share their code.
 */
class ConnectionEvents implements WSEvents<WebSocketLike> {
  /** Only for sockets other than `ws`'s (tests' fakes), which are not taken over. */
  onMessage?: WSEvents<WebSocketLike>["onMessage"];

  constructor(
    private readonly connection: Connection,
    private readonly hub: SocketHandler,
  ) {}

  onOpen(_event: Event, ws: WSContext<WebSocketLike>): void {
    const { connection, hub } = this;
    const raw = ws.raw;
    if (!raw) {
      ws.close(1011, "no socket");
      return;
    }
    if (raw instanceof WebSocket) connection.peer = adoptSocket(raw, connection, hub);
    else {
      connection.peer = socketPeer(raw, connection);
      this.onMessage = (event) => hub.receive(connection, event.data);
    }
    hub.open(connection);
  }

  onClose(): void {
    this.connection.ended();
  }

  onError(event: Event): void {
    // Node has no global ErrorEvent; @hono/node-server's own carries `error`.
    this.hub.socketError(this.connection, "error" in event ? event.error : event);
  }
}

/**
 * A received binary frame as bytes of its own, null for a text frame. `ws` hands out views
 * into its read buffers, which Yjs could keep alive (binary content is not copied): the
 * few bytes of a frame are cheaper to copy than a retained 64 KiB chunk.
 */
function binaryFrame(data: unknown): Uint8Array | null {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (data instanceof Uint8Array) return new Uint8Array(data);
  if (Array.isArray(data) && data.every((part) => part instanceof Uint8Array)) {
    return new Uint8Array(Buffer.concat(data));
  }
  return null;
}
