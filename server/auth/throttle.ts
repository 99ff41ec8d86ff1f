/**
 * Login throttling: after `limit` failures within `windowMs` for one key (an account or
 * an address), further attempts are refused until the window has passed. Kept in memory:
 * one process serves the instance, and a restart forgiving old failures is acceptable.
 */
export interface Throttle {
  /** Milliseconds to wait before trying again, or 0 when the key may try now. */
  retryAfter(key: string, now?: number): number;
  fail(key: string, now?: number): void;
  reset(key: string): void;
}

export function createThrottle(limit: number, windowMs: number): Throttle {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => {
    const times = (failures.get(key) ?? []).filter((t) => now - t < windowMs);
    if (times.length === 0) failures.delete(key);
    else failures.set(key, times);
    return times;
  };
  return {
    retryAfter(key, now = Date.now()) {
      const times = recent(key, now);
      return times.length >= limit ? windowMs - (now - times[0]) : 0;
    },
    fail(key, now = Date.now()) {
      failures.set(key, [...recent(key, now), now]);
    },
    reset(key) {
      failures.delete(key);
    },
  };
}
