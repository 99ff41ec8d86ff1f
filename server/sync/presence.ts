/**
 * Presence belongs to its connection (CONTRACT.md, "Real-time sync"): of an awareness
 * update a connection sends, only the entries for client ids it may speak for are kept,
 * and the name they show is its session's person, whatever the client announced.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A presence state showing `name` as its person (null, a removal, stays null). */
function named(state: unknown, name: string): unknown {
  if (!isRecord(state)) return state;
  return { ...state, user: { ...(isRecord(state.user) ? state.user : {}), name } };
}

/**
 * The update re-encoded with the entries `mayUse` allows, each carrying `name`; null when
 * none is left. Throws on bytes that are not an awareness update.
 */
export function ownPresence(
  update: Uint8Array,
  mayUse: (clientId: number) => boolean,
  name: string,
): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: PresenceEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    if (mayUse(clientId)) kept.push([clientId, clock, JSON.stringify(named(state, name))]);
  }
  return kept.length > 0 ? encodePresence(kept) : null;
}

/** One entry of an awareness update: a client's state, as JSON, at a clock. */
export type PresenceEntry = [clientId: number, clock: number, json: string];

/** An awareness update of these entries (y-protocols' encoding). */
export function encodePresence(entries: readonly PresenceEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const [clientId, clock, json] of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}
