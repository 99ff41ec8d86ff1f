/**
 * The fan-out over Redis pub/sub: one channel per document. An instance publishes a
 * document's updates once they are stored (with the highest database id written), and
 * numbers its messages per document, so that a receiver that sees a number skipped —
 * Redis dropped a message, or the connection came back — catches up from the database.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { Fanout, FanoutListener, ProjectionClaim } from "../sync/fanout";
import type { Instances } from "./instances";
import type { RedisBus } from "./redis-bus";

const updatesMessage = 0;
const presenceMessage = 1;
const presenceQuery = 2;

const channelOf = (documentId: string) => `maillage:document:${documentId}`;
const projectorOf = (documentId: string) => `maillage:projector:${documentId}`;

/**
 * Takes or renews the lease when free, expired or already ours (0), else answers how many
 * milliseconds the other holder keeps it.
 */
const claimLease = `
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then return math.max(1, redis.call('PTTL', KEYS[1])) end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 0`;

const releaseLease = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 0`;

/** How long an instance keeps a document's projections after it last refreshed them. */
export const PROJECTION_LEASE_MS = 10_000;

export class RedisFanout implements Fanout {
  private listener: FanoutListener | null = null;
  /** Documents followed, with how many times (a reload may overlap an unload). */
  private readonly followed = new Map<string, number>();
  /** This instance's next message number, per document. */
  private readonly sent = new Map<string, number>();
  /** The last number received from each instance, per document. */
  private readonly received = new Map<string, Map<string, number>>();

  constructor(
    private readonly bus: RedisBus,
    instances: Instances,
    private readonly projectionLeaseMs = PROJECTION_LEASE_MS,
  ) {
    bus.onReconnect(() => this.listener?.catchUp(null));
    instances.onGone((instanceId) => {
      for (const senders of this.received.values()) senders.delete(instanceId);
      this.listener?.instanceGone(instanceId);
    });
  }

  listen(listener: FanoutListener): void {
    this.listener = listener;
  }

  async follow(documentId: string): Promise<void> {
    const count = this.followed.get(documentId) ?? 0;
    this.followed.set(documentId, count + 1);
    if (count > 0) return;
    this.received.set(documentId, new Map());
    await this.bus.subscribe(channelOf(documentId), (message) => this.receive(documentId, message));
    this.publish(documentId, presenceQuery, () => {});
  }

  unfollow(documentId: string): void {
    const count = (this.followed.get(documentId) ?? 0) - 1;
    if (count > 0) {
      this.followed.set(documentId, count);
      return;
    }
    this.followed.delete(documentId);
    this.sent.delete(documentId);
    this.received.delete(documentId);
    this.bus.unsubscribe(channelOf(documentId));
    this.bus.publisher
      .eval(releaseLease, 1, projectorOf(documentId), this.bus.instanceId)
      .catch(() => {});
  }

  /**
   * One instance at a time holds a document's projections, for `projectionLeaseMs` after
   * its last refresh: the others hear the same changes and leave them to it. Without Redis
   * the answer is yes: refreshing twice costs some work, never refreshing loses changes.
   */
  async claimProjection(documentId: string): Promise<ProjectionClaim> {
    try {
      const retryInMs = await this.bus.publisher.eval(
        claimLease,
        1,
        projectorOf(documentId),
        this.bus.instanceId,
        this.projectionLeaseMs,
      );
      return typeof retryInMs === "number" && retryInMs > 0
        ? { granted: false, retryInMs }
        : { granted: true };
    } catch {
      return { granted: true };
    }
  }

  stored(documentId: string, updates: readonly Uint8Array[], lastId: number): void {
    const number = (this.sent.get(documentId) ?? 0) + 1;
    this.sent.set(documentId, number);
    this.publish(documentId, updatesMessage, (encoder) => {
      encoding.writeVarUint(encoder, number);
      encoding.writeVarUint(encoder, lastId);
      encoding.writeVarUint(encoder, updates.length);
      for (const update of updates) encoding.writeVarUint8Array(encoder, update);
    });
  }

  presence(documentId: string, update: Uint8Array): void {
    this.publish(documentId, presenceMessage, (encoder) =>
      encoding.writeVarUint8Array(encoder, update),
    );
  }

  async close(): Promise<void> {
    this.listener = null;
  }

  private publish(
    documentId: string,
    type: number,
    write: (encoder: encoding.Encoder) => void,
  ): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, type);
    encoding.writeVarString(encoder, this.bus.instanceId);
    write(encoder);
    this.bus.publish(channelOf(documentId), encoding.toUint8Array(encoder));
  }

  private receive(documentId: string, message: Uint8Array): void {
    const listener = this.listener;
    if (!listener) return;
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    const sender = decoding.readVarString(decoder);
    if (sender === this.bus.instanceId) return;
    switch (type) {
      case updatesMessage: {
        const number = decoding.readVarUint(decoder);
        const lastId = decoding.readVarUint(decoder);
        const count = decoding.readVarUint(decoder);
        const updates: Uint8Array[] = [];
        for (let i = 0; i < count; i++) updates.push(decoding.readVarUint8Array(decoder));
        listener.remoteUpdates(documentId, updates, lastId);
        if (this.skipped(documentId, sender, number)) listener.catchUp(documentId);
        break;
      }
      case presenceMessage:
        listener.remotePresence(documentId, sender, decoding.readVarUint8Array(decoder));
        break;
      case presenceQuery:
        listener.presenceWanted(documentId);
        break;
    }
  }

  /**
   * Whether messages of `sender` before `number` may have been missed: a number skipped,
   * or a first message that is not its first on the document (it may have published
   * before this instance subscribed and after the load's snapshot).
   */
  private skipped(documentId: string, sender: string, number: number): boolean {
    const senders = this.received.get(documentId);
    if (!senders) return false;
    const previous = senders.get(sender);
    senders.set(sender, number);
    return previous === undefined ? number > 1 : number !== previous + 1;
  }
}
