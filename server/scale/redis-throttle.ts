import type { Redis } from "ioredis";
import type { Throttle, ThrottleRule } from "../auth/throttle";

/**
 * The login throttle shared by every instance: one sorted set of failure times per key,
 * trimmed to the window and expiring with it.
 */
export function createRedisThrottle(
  redis: Redis,
  name: string,
  { limit, windowMs }: ThrottleRule,
): Throttle {
  const keyOf = (key: string) => `maillage:throttle:${name}:${key}`;
  return {
    async retryAfter(key, now = Date.now()) {
      const k = keyOf(key);
      const answers = await redis
        .multi()
        .zremrangebyscore(k, "-inf", now - windowMs)
        .zcard(k)
        .zrange(k, 0, 0, "WITHSCORES")
        .exec();
      const count = Number(answers?.[1]?.[1] ?? 0);
      const oldest = answers?.[2]?.[1];
      if (count < limit || !Array.isArray(oldest) || oldest.length < 2) return 0;
      return Math.max(1, windowMs - (now - Number(oldest[1])));
    },
    async fail(key, now = Date.now()) {
      const k = keyOf(key);
      await redis.multi().zadd(k, now, `${now}:${Math.random()}`).pexpire(k, windowMs).exec();
    },
    async reset(key) {
      await redis.del(keyOf(key));
    },
  };
}
