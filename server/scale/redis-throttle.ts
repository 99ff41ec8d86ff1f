import type { Redis } from "ioredis";
import { growingDelayWait, type ThrottleStore, windowWait } from "../auth/throttle";

/**
 * The throttles shared by every instance, with the same rules as the memory store: a
 * hash (failure count, last failure) per key for growing delays, a sorted set of event
 * times per key for windows; each expires when it would be forgotten anyway.
 */
export function redisThrottles(redis: Redis): ThrottleStore {
  const keyOf = (name: string, key: string) => `maillage:throttle:${name}:${key}`;
  return {
    growingDelay(name, rule) {
      return {
        async retryAfter(key) {
          const [count, last] = await redis.hmget(keyOf(name, key), "count", "last");
          if (count === null || last === null) return 0;
          return growingDelayWait(rule, { count: Number(count), last: Number(last) }, Date.now());
        },
        async record(key, count = 1) {
          const k = keyOf(name, key);
          await redis
            .multi()
            .hincrby(k, "count", count)
            .hset(k, "last", Date.now())
            .pexpire(k, rule.forgetMs)
            .exec();
        },
        async reset(key) {
          await redis.del(keyOf(name, key));
        },
      };
    },
    windowLimit(name, rule) {
      return {
        async retryAfter(key, count = 1) {
          const k = keyOf(name, key);
          const at = Date.now();
          const answers = await redis
            .multi()
            .zremrangebyscore(k, "-inf", at - rule.windowMs)
            .zrange(k, 0, -1, "WITHSCORES")
            .exec();
          const flat = answers?.[1]?.[1];
          const times = Array.isArray(flat)
            ? flat.filter((_, i) => i % 2 === 1).map((score) => Number(score))
            : [];
          return windowWait(rule, times, count, at);
        },
        async record(key, count = 1) {
          // An invitation without an e-mail counts nothing, and ZADD wants a member.
          if (count < 1) return;
          const k = keyOf(name, key);
          const at = Date.now();
          const members = Array.from({ length: count }, (_, i) => [
            at,
            `${at}:${i}:${Math.random()}`,
          ]);
          await redis
            .multi()
            .zadd(k, ...members.flat())
            .pexpire(k, rule.windowMs)
            .exec();
        },
        async reset(key) {
          await redis.del(keyOf(name, key));
        },
      };
    },
  };
}
