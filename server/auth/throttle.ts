/**
 * Login throttling: after `limit` failures within `windowMs` for one key (an account or
 * an address), further attempts are refused until the window has passed. One instance
 * keeps them in memory (a restart forgiving old failures is acceptable); several share
 * them in Redis (server/scale/redis-throttle.ts), so that no instance is a way around them.
 */
export interface Throttle {
  /** Milliseconds to wait before trying again, or 0 when the key may try now. */
  retryAfter(key: string, now?: number): Promise<number>;
  fail(key: string, now?: number): Promise<void>;
  reset(key: string): Promise<void>;
}

/** How many failures, over how long, before a key must wait. */
export interface ThrottleRule {
  limit: number;
  windowMs: number;
}

export function createThrottle({ limit, windowMs }: ThrottleRule): Throttle {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => {
    const times = (failures.get(key) ?? []).filter((t) => now - t < windowMs);
    if (times.length === 0) failures.delete(key);
    else failures.set(key, times);
    return times;
  };
  return {
    async retryAfter(key, now = Date.now()) {
      const times = recent(key, now);
      return times.length >= limit ? windowMs - (now - times[0]) : 0;
    },
    async fail(key, now = Date.now()) {
      failures.set(key, [...recent(key, now), now]);
    },
    async reset(key) {
      failures.delete(key);
    },
  };
}
