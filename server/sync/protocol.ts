import * as decoding from "lib0/decoding";
import type { Logger } from "pino";
import * as syncProtocol from "y-protocols/sync";
import { closeCodes } from "../../shared/documents";
import type { Connection } from "./connection";
import type { SharedDocument } from "./document";
import {
  awarenessFrame,
  messageAuth,
  messageAwareness,
  messageQueryAwareness,
  messageSync,
  syncStep2Frame,
  updateFrame,
} from "./frames";
import { refuseUpdate } from "./guard";

/** Where accepted updates go: stored first, relayed after (see writer.ts). */
export interface UpdateSink {
  accept(doc: SharedDocument, update: Uint8Array, frame: Uint8Array, origin: Connection): void;
  sendWhenStored(doc: SharedDocument, connection: Connection, frame: Uint8Array): void;
}

export interface ProtocolContext {
  sink: UpdateSink;
  logger: Logger;
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
        if (doc.applyAwareness(update, connection)) {
          // To everyone, the sender included, as the reference server does: y-websocket
          // clients reconnect after 30 s without a message, and their own presence
          // renewal (every 15 s) is what a lone client hears.
          doc.broadcast(message.subarray(0, decoder.pos), null);
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
      const frame = syncStep2Frame(doc.ydoc, decoding.readVarUint8Array(decoder));
      // The answer carries the document as held in memory: it must not reveal
      // updates that are not stored yet.
      context.sink.sendWhenStored(doc, connection, frame);
      return;
    }
    case syncProtocol.messageYjsSyncStep2:
    case syncProtocol.messageYjsUpdate: {
      const update = decoding.readVarUint8Array(decoder);
      // Read-only is enforced here, whatever the client believes it may do.
      if (connection.access !== "edit") return;
      const refusal = refuseUpdate(update);
      if (refusal) throw new ProtocolError(refusal);
      if (!doc.apply(update, connection)) return;
      // An update message is relayed as received (minus any trailing bytes); a step 2
      // becomes an update, since step 2 tells a client that its initial sync is done.
      const frame =
        type === syncProtocol.messageYjsUpdate
          ? message.subarray(0, decoder.pos)
          : updateFrame(update);
      context.sink.accept(doc, update, frame, connection);
      return;
    }
    default:
      throw new ProtocolError(`unknown sync message type ${type}`);
  }
}

/** Closes a connection that sent more than its share. */
export function rateLimited(context: ProtocolContext, connection: Connection, what: string): void {
  context.logger.warn(
    { documentId: connection.documentId, userId: connection.userId, what },
    "closing a sync connection over its rate",
  );
  connection.close(closeCodes.rateLimited, "rate limited");
}
