/**
 * The instances' shared channel: one Redis connection to publish, one to receive (a
 * subscribed connection can do nothing else). ioredis reconnects and subscribes again by
 * itself; what was published meanwhile is lost, which is why a reconnection is announced
 * (documents then catch up from the database).
 */
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";

export type ChannelHandler = (message: Buffer) => void;

export class RedisBus {
  /** This process among the instances. */
  readonly instanceId = randomUUID();
  readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly handlers = new Map<string, ChannelHandler>();
  private readonly reconnected = new Set<() => void>();

  private constructor(
    url: string,
    private readonly onBadMessage: (error: unknown, channel: string) => void,
  ) {
    // Nothing is queued while Redis is away: a message published then is lost (receivers
    // catch up from the database), a throttle check fails rather than waits.
    this.publisher = new Redis(url, { lazyConnect: true, enableOfflineQueue: false });
    this.subscriber = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null });
    // Errors are retried by ioredis; a lasting outage shows as a reconnection later.
    this.publisher.on("error", () => {});
    this.subscriber.on("error", () => {});
    this.subscriber.on("messageBuffer", (channel: Buffer, message: Buffer) => {
      try {
        this.handlers.get(channel.toString())?.(message);
      } catch (error) {
        // A message that cannot be read is dropped; what it carried is in the database.
        this.onBadMessage(error, channel.toString());
      }
    });
  }

  /** Connects both connections, or fails with the reason (an unreachable REDIS_URL). */
  static async connect(
    url: string,
    onBadMessage: (error: unknown, channel: string) => void,
  ): Promise<RedisBus> {
    const bus = new RedisBus(url, onBadMessage);
    try {
      await Promise.all([bus.publisher.connect(), bus.subscriber.connect()]);
    } catch (error) {
      bus.publisher.disconnect();
      bus.subscriber.disconnect();
      throw new Error(`Redis unreachable at REDIS_URL: ${(error as Error).message}`);
    }
    // Any later "ready" follows a reconnection, after which ioredis has subscribed again.
    bus.subscriber.on("ready", () => {
      for (const listener of bus.reconnected) listener();
    });
    return bus;
  }

  async subscribe(channel: string, handler: ChannelHandler): Promise<void> {
    this.handlers.set(channel, handler);
    await this.subscriber.subscribe(channel);
  }

  unsubscribe(channel: string): void {
    this.handlers.delete(channel);
    this.subscriber.unsubscribe(channel).catch(() => {});
  }

  publish(channel: string, message: Uint8Array | string): void {
    const payload = typeof message === "string" ? message : Buffer.from(message);
    this.publisher.publish(channel, payload).catch(() => {});
  }

  /** Calls `listener` after each reconnection to Redis. */
  onReconnect(listener: () => void): void {
    this.reconnected.add(listener);
  }

  async close(): Promise<void> {
    this.reconnected.clear();
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()]);
  }
}
