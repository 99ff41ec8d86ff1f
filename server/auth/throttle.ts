/**
 * Throttles and rate limits: how long a key (an account, a person, an address…) must wait
 * before acting again. Kept in this process's memory behind a small asynchronous interface,
 * so that a shared store (several instances) can take its place without touching callers.
 * A restart forgiving old failures is acceptable.
 */
export interface Throttle {
  /** Milliseconds to wait before `count` more events are allowed, or 0 when they are now. */
  retryAfter(key: string, count?: number): Promise<number>;
  /** Counts `count` events (failures, e-mails sent…) for the key. */
  record(key: string, count?: number): Promise<void>;
  /** Forgets the key (a successful sign-in). */
  reset(key: string): Promise<void>;
}

export type Clock = () => number;

/**
 * Growing delays: the first `free` failures cost nothing; after that each attempt waits
 * `baseMs`, then twice as long after each further failure, up to `capMs`. A key left
 * alone for `forgetMs` starts again from nothing. Nobody is walled off for long: the right
 * password works again after at most `capMs`.
 */
export function createGrowingDelay(
  {
    free,
    baseMs,
    capMs,
    forgetMs,
  }: { free: number; baseMs: number; capMs: number; forgetMs: number },
  now: Clock = Date.now,
): Throttle {
  const failures = new Map<string, { count: number; last: number }>();
  const current = (key: string, at: number) => {
    const entry = failures.get(key);
    if (entry && at - entry.last >= forgetMs) {
      failures.delete(key);
      return undefined;
    }
    return entry;
  };
  const delayAfter = (count: number) =>
    count < free ? 0 : Math.min(capMs, baseMs * 2 ** (count - free));
  return {
    async retryAfter(key) {
      const at = now();
      const entry = current(key, at);
      return entry ? Math.max(0, entry.last + delayAfter(entry.count) - at) : 0;
    },
    async record(key, count = 1) {
      const at = now();
      failures.set(key, { count: (current(key, at)?.count ?? 0) + count, last: at });
    },
    async reset(key) {
      failures.delete(key);
    },
  };
}

/** At most `limit` events per key within any `windowMs` (e-mails sent, pôles founded…). */
export function createWindowLimit(
  { limit, windowMs }: { limit: number; windowMs: number },
  now: Clock = Date.now,
): Throttle {
  const events = new Map<string, number[]>();
  const recent = (key: string, at: number) => {
    const times = (events.get(key) ?? []).filter((t) => at - t < windowMs);
    if (times.length === 0) events.delete(key);
    else events.set(key, times);
    return times;
  };
  return {
    async retryAfter(key, count = 1) {
      const at = now();
      const times = recent(key, at);
      if (count > limit) return windowMs;
      const over = times.length + count - limit;
      // The window must first let go of the `over` oldest events.
      return over <= 0 ? 0 : windowMs - (at - times[over - 1]);
    },
    async record(key, count = 1) {
      const at = now();
      events.set(key, [...recent(key, at), ...Array<number>(count).fill(at)]);
    },
    async reset(key) {
      events.delete(key);
    },
  };
}
