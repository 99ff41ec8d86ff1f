/**
 * The Redis fan-out between two instances' buses, on a private redis-server: what a
 * receiver hears, and when it must catch up from the database because messages may have
 * been lost.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Instances } from "../../server/scale/instances";
import { RedisBus } from "../../server/scale/redis-bus";
import { RedisFanout } from "../../server/scale/redis-fanout";
import type { FanoutListener } from "../../server/sync/fanout";
import { startRedis, type TestRedis } from "../helpers/scale";
import { waitFor } from "../helpers/sync-client";

type Heard = Array<[keyof FanoutListener, ...unknown[]]>;

function recorder(heard: Heard): FanoutListener {
  return {
    remoteUpdates: (documentId, updates, lastId) =>
      heard.push(["remoteUpdates", documentId, updates.length, lastId]),
    remotePresence: (documentId) => heard.push(["remotePresence", documentId]),
    presenceWanted: (documentId) => heard.push(["presenceWanted", documentId]),
    instanceGone: (instanceId) => heard.push(["instanceGone", instanceId]),
    catchUp: (documentId) => heard.push(["catchUp", documentId]),
  };
}

let redis: TestRedis;
const buses: RedisBus[] = [];

async function instance(heard: Heard, projectionLeaseMs?: number) {
  const bus = await RedisBus.connect(redis.url, (error) => {
    throw error;
  });
  buses.push(bus);
  const fanout = new RedisFanout(bus, new Instances(bus), projectionLeaseMs);
  fanout.listen(recorder(heard));
  return fanout;
}

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  await Promise.all(buses.map((bus) => bus.close()));
  await redis?.stop();
});

const has = (heard: Heard, ...entry: unknown[]) =>
  heard.some((item) => JSON.stringify(item) === JSON.stringify(entry));

describe("the Redis fan-out", { timeout: 60_000 }, () => {
  it("relays stored updates, asks for presence, and catches up after a gap or a reconnection", async () => {
    const heardA: Heard = [];
    const heardB: Heard = [];
    const a = await instance(heardA);
    const b = await instance(heardB);
    await a.follow("doc");
    await b.follow("doc");
    await waitFor(() => has(heardA, "presenceWanted", "doc"), "B's presence query on A", 30_000);

    a.stored("doc", [new Uint8Array([1])], 10);
    await waitFor(
      () => has(heardB, "remoteUpdates", "doc", 1, 10),
      "A's first update on B",
      30_000,
    );
    expect(has(heardB, "catchUp", "doc")).toBe(false);

    // B misses A's second message (it was not listening), then hears the third: a gap.
    b.unfollow("doc");
    a.stored("doc", [new Uint8Array([2])], 11);
    await b.follow("doc");
    a.stored("doc", [new Uint8Array([3]), new Uint8Array([4])], 13);
    await waitFor(() => has(heardB, "remoteUpdates", "doc", 2, 13), "A's third message", 30_000);
    expect(has(heardB, "catchUp", "doc")).toBe(true);

    await redis.stop();
    await redis.start();
    await waitFor(() => has(heardB, "catchUp", null), "B to catch up after reconnecting", 30_000);
  });

  it("gives a document's projections to one instance at a time, until it lets go or its claim runs out", async () => {
    const lease = 1500;
    const a = await instance([], lease);
    const b = await instance([], lease);
    await a.follow("projected");
    await b.follow("projected");
    expect(await a.claimProjection("projected")).toEqual({ granted: true });
    const refused = await b.claimProjection("projected");
    expect(refused.granted).toBe(false);
    if (!refused.granted) {
      expect(refused.retryInMs).toBeGreaterThan(0);
      expect(refused.retryInMs).toBeLessThanOrEqual(lease);
    }
    // A keeps it while it keeps refreshing, and lets go when it stops following.
    expect(await a.claimProjection("projected")).toEqual({ granted: true });
    expect((await b.claimProjection("projected")).granted).toBe(false);
    a.unfollow("projected");
    await waitFor(
      async () => (await b.claimProjection("projected")).granted,
      "B to take what A let go",
      30_000,
    );
    // B does not refresh any more (say it died): A gets it back once B's claim ran out.
    await a.follow("projected");
    expect((await a.claimProjection("projected")).granted).toBe(false);
    await waitFor(
      async () => (await a.claimProjection("projected")).granted,
      "A to take it once B's claim ran out",
      30_000,
    );
    // Without Redis, an instance refreshes (twice is some work; never would lose changes).
    await redis.stop();
    expect(await b.claimProjection("projected")).toEqual({ granted: true });
    await redis.start();
  });
});
