import * as decoding from "lib0/decoding";
import type { Logger } from "pino";
import * as syncProtocol from "y-protocols/sync";
import { closeCodes } from "../../shared/documents";
import type { Connection } from "./connection";
import type { SharedDocument } from "./document";
import {
  awarenessFrame,
  awarenessUpdateFrame,
  messageAuth,
  messageAwareness,
  messageQueryAwareness,
  messageSync,
  updateFrame,
} from "./frames";
import type { Refusal, UpdateGuard } from "./guard";
import { awarenessLimits, standardCloseCodes } from "./limits";

/** Where accepted updates go: stored first, relayed after (see writer.ts). */
export interface UpdateSink {
  accept(doc: SharedDocument, update: Uint8Array, frame: Uint8Array, origin: Connection): void;
  sendWhenStored(doc: SharedDocument, connection: Connection, frame: Uint8Array): void;
}

export interface ProtocolContext {
  sink: UpdateSink;
  logger: Logger;
  guard: UpdateGuard;
  /** Ends a hold; once none is left, replays what the connection sent meanwhile. */
  release(connection: Connection): void;
  /**
   * Y.applyUpdate threw on an update the guard let through: the Y.Doc may hold part of
   * it, so it must not be stored nor served any more.
   */
  quarantine(doc: SharedDocument, error: unknown): void;
}

/** A message that breaks the protocol; anything else thrown is a decoding failure. */
class ProtocolError extends Error {}

/**
 * Handles one frame of the y-websocket protocol from `connection`. Never throws: a frame
 * that cannot be handled closes that connection only, and nothing of it is stored.
 */
export function handleMessage(
  context: ProtocolContext,
  doc: SharedDocument,
  connection: Connection,
  message: Uint8Array,
): void {
  try {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case messageSync:
        handleSync(context, doc, connection, message, decoder);
        break;
      case messageAwareness: {
        if (!connection.awarenessRate.take(Date.now())) {
          rateLimited(context, connection, "awareness");
          return;
        }
        const update = decoding.readVarUint8Array(decoder);
        if (update.byteLength > awarenessLimits.maxBytes) {
          throw new ProtocolError("awareness update too large");
        }
        const applied = doc.applyAwareness(update, connection);
        if (connection.clientIds.length > awarenessLimits.maxClientsPerConnection) {
          // A browser tab presents one client; the states it brought go with it.
          throw new ProtocolError("too many awareness clients");
        }
        if (applied) {
          // To everyone, the sender included, as the reference server does: y-websocket
          // clients reconnect after 30 s without a message, and their own presence
          // renewal (every 15 s) is what a lone client hears.
          doc.broadcast(awarenessUpdateFrame(applied), null);
        }
        break;
      }
      case messageAuth:
        break;
      case messageQueryAwareness:
        connection.send(awarenessFrame(doc.awareness, Array.from(doc.awareness.states.keys())));
        break;
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
  } catch (error) {
    context.logger.warn(
      { err: error, documentId: doc.id, userId: connection.userId, bytes: message.byteLength },
      "closing a sync connection that sent a bad message",
    );
    connection.close(closeCodes.badMessage, "bad message");
  }
}

function handleSync(
  context: ProtocolContext,
  doc: SharedDocument,
  connection: Connection,
  message: Uint8Array,
  decoder: decoding.Decoder,
): void {
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case syncProtocol.messageYjsSyncStep1: {
      const clientVector = decoding.readVarUint8Array(decoder);
      const frame = doc.answer(clientVector);
      // The answer carries the document as held in memory: it must not reveal
      // updates that are not stored yet.
      context.sink.sendWhenStored(doc, connection, frame);
      return;
    }
    case syncProtocol.messageYjsSyncStep2:
    case syncProtocol.messageYjsUpdate: {
      const update = decoding.readVarUint8Array(decoder);
      // Read-only is enforced here, whatever the client believes it may do. An empty
      // update (a fresh client's answer to our step 1) changes nothing.
      if (connection.access !== "edit" || isEmptyUpdate(update)) return;
      // An update message is relayed as received (minus any trailing bytes); a step 2
      // becomes an update, since step 2 tells a client that its initial sync is done.
      const relayed =
        type === syncProtocol.messageYjsUpdate ? message.subarray(0, decoder.pos) : null;
      if (!context.guard.needsWorker(update)) {
        settleUpdate(
          context,
          doc,
          connection,
          update,
          relayed,
          context.guard.inspect(update, doc.ydoc),
        );
        return;
      }
      // Frames that follow wait, in order, for the verdict.
      connection.hold();
      void context.guard.inspectOffThread(update, doc.ydoc).then((refusal) => {
        if (!connection.closed) settleUpdate(context, doc, connection, update, relayed, refusal);
        context.release(connection);
      });
      return;
    }
    default:
      throw new ProtocolError(`unknown sync message type ${type}`);
  }
}

/** Applies and accepts an inspected update, or closes the connection that sent it. */
function settleUpdate(
  context: ProtocolContext,
  doc: SharedDocument,
  connection: Connection,
  update: Uint8Array,
  relayed: Uint8Array | null,
  refusal: Refusal,
): void {
  if (refusal || doc.destroyed) {
    context.logger.warn(
      { documentId: doc.id, userId: connection.userId, bytes: update.byteLength, refusal },
      "closing a sync connection that sent an update it may not",
    );
    if (refusal?.retry)
      connection.close(standardCloseCodes.tryAgainLater, "update refused for now");
    else connection.close(closeCodes.badMessage, "bad update");
    return;
  }
  let changed: boolean;
  try {
    changed = doc.apply(update, connection);
  } catch (error) {
    connection.close(closeCodes.badMessage, "bad update");
    context.quarantine(doc, error);
    return;
  }
  if (changed) context.sink.accept(doc, update, relayed ?? updateFrame(update), connection);
}

/** No structs and no deletions: what Y.encodeStateAsUpdate gives when there is nothing new. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}

/** Closes a connection that sent more than its share. */
export function rateLimited(context: ProtocolContext, connection: Connection, what: string): void {
  context.logger.warn(
    { documentId: connection.documentId, userId: connection.userId, what },
    "closing a sync connection over its rate",
  );
  connection.close(closeCodes.rateLimited, "rate limited");
}
