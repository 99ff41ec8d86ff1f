import type { WebSocketLike } from "@hono/node-server";
import type { WSEvents } from "hono/ws";
import { closeCodes, type DocumentAccess } from "../../shared/documents";
import { Connection } from "./connection";
import type { SyncServer, SyncServerOptions } from "./index";
import { defaults, MAX_BACKLOG_BYTES } from "./limits";
import { handleMessage, type ProtocolContext, rateLimited } from "./protocol";
import { DocumentRegistry } from "./registry";
import { socketPeer, startKeepalive } from "./socket";
import { createKyselyStore, type DocumentStore } from "./store";
import { UpdateWriter } from "./writer";

/** Ties sockets to documents: the implementation behind `createSyncServer`. */
export class SyncHub implements SyncServer {
  private readonly connections = new Set<Connection>();
  private readonly byUser = new Map<string, Set<Connection>>();
  /** Bumped by each recheckUser: a connection authorised before the bump is re-checked. */
  private readonly epochs = new Map<string, number>();
  private readonly writer: UpdateWriter;
  private readonly registry: DocumentRegistry;
  private readonly protocol: ProtocolContext;
  private readonly stopKeepalive: () => void;
  private closing: Promise<void> | null = null;

  constructor(
    private readonly options: SyncServerOptions,
    store: DocumentStore = createKyselyStore(options.db),
  ) {
    this.writer = new UpdateWriter(store, options.logger, (doc) => this.registry.stored(doc));
    this.registry = new DocumentRegistry({
      store,
      writer: this.writer,
      logger: options.logger,
      unloadDelayMs: options.unloadDelayMs,
      compactAfter: options.compactAfter ?? defaults.compactAfter,
      storeDebounceMs: options.storeDebounceMs ?? defaults.storeDebounceMs,
      onStored: options.onStored,
    });
    this.protocol = { sink: this.writer, logger: options.logger };
    this.stopKeepalive = startKeepalive(
      options.pingIntervalMs ?? defaults.pingIntervalMs,
      this.connections,
    );
  }

  connection(documentId: string, userId: string, access: DocumentAccess): WSEvents<WebSocketLike> {
    const connection = new Connection(
      documentId,
      userId,
      access,
      this.epochs.get(userId) ?? 0,
      (ended) => this.forget(ended),
    );
    return {
      onOpen: (_event, ws) => {
        if (!ws.raw) {
          ws.close(1011, "no socket");
          return;
        }
        connection.peer = socketPeer(ws.raw, connection);
        this.open(connection);
      },
      onMessage: (event) => this.receive(connection, event.data),
      onClose: () => connection.ended(),
      onError: (event) => {
        // Node has no global ErrorEvent; @hono/node-server's own carries `error`.
        const error = "error" in event ? event.error : event;
        this.options.logger.debug({ err: error, documentId, userId }, "sync socket error");
      },
    };
  }

  async recheckUser(userId: string): Promise<void> {
    this.epochs.set(userId, (this.epochs.get(userId) ?? 0) + 1);
    const open = this.byUser.get(userId);
    if (!open) return;
    const byDocument = new Map<string, Connection[]>();
    for (const connection of open) {
      const list = byDocument.get(connection.documentId);
      if (list) list.push(connection);
      else byDocument.set(connection.documentId, [connection]);
    }
    await Promise.all(
      Array.from(byDocument, ([documentId, connections]) =>
        this.recheck(userId, documentId, connections),
      ),
    );
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.stopKeepalive();
      for (const connection of Array.from(this.connections)) {
        connection.close(closeCodes.goingAway, "server shutting down");
      }
      this.writer.stop();
      await this.registry.close();
      await this.writer.flush();
    })();
    return this.closing;
  }

  stats(): { documents: number; connections: number } {
    return { documents: this.registry.size, connections: this.connections.size };
  }

  private open(connection: Connection): void {
    if (this.closing) {
      connection.close(closeCodes.goingAway, "server shutting down");
      return;
    }
    this.connections.add(connection);
    const mine = this.byUser.get(connection.userId);
    if (mine) mine.add(connection);
    else this.byUser.set(connection.userId, new Set([connection]));
    if ((this.epochs.get(connection.userId) ?? 0) !== connection.epoch) {
      // Memberships changed between the HTTP check and now.
      void this.recheck(connection.userId, connection.documentId, [connection]);
    }
    this.registry.acquire(connection.documentId).then(
      (doc) => {
        if (connection.closed) {
          this.registry.release(doc);
          return;
        }
        doc.attach(connection);
        const backlog = connection.backlog ?? [];
        connection.backlog = null;
        for (const message of backlog) {
          if (connection.closed) break;
          handleMessage(this.protocol, doc, connection, message);
        }
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

  private receive(connection: Connection, data: unknown): void {
    if (connection.closed) return;
    connection.alive = true;
    if (!connection.messageRate.take(Date.now())) {
      rateLimited(this.protocol, connection, "messages");
      return;
    }
    if (!(data instanceof ArrayBuffer)) {
      this.options.logger.warn(
        { documentId: connection.documentId, userId: connection.userId },
        "closing a sync connection that sent a text frame",
      );
      connection.close(closeCodes.badMessage, "binary frames only");
      return;
    }
    const message = new Uint8Array(data);
    if (connection.backlog) {
      connection.backlogBytes += message.byteLength;
      if (connection.backlogBytes > MAX_BACKLOG_BYTES) {
        rateLimited(this.protocol, connection, "bytes before the document loaded");
        return;
      }
      connection.backlog.push(message);
    } else if (connection.doc) handleMessage(this.protocol, connection.doc, connection, message);
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
    const doc = connection.doc;
    if (doc) {
      doc.detach(connection);
      this.registry.release(doc);
    }
  }

  private async recheck(userId: string, documentId: string, connections: Connection[]) {
    let access: DocumentAccess | null;
    try {
      access = await this.options.accessOf(userId, documentId);
    } catch (error) {
      this.options.logger.error({ err: error, userId, documentId }, "re-checking access failed");
      // Reconnecting goes through the HTTP checks again.
      for (const connection of connections) {
        connection.close(closeCodes.accessChanged, "access changed");
      }
      return;
    }
    for (const connection of connections) {
      if (access === null) connection.close(closeCodes.accessRevoked, "access revoked");
      else if (access !== connection.access) {
        connection.close(closeCodes.accessChanged, "access changed");
      }
    }
  }
}
