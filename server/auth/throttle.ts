/**
 * Throttles and rate limits: how long a key (an account, a person, an address…) must wait
 * before acting again. One instance keeps them in memory (a restart forgiving old failures
 * is acceptable); several share them in Redis (server/scale/redis-throttle.ts), so that no
 * instance is a way around them. The rules below are the same for both stores.
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
export interface GrowingDelayRule {
  free: number;
  baseMs: number;
  capMs: number;
  forgetMs: number;
}

/** At most `limit` events per key within any `windowMs` (e-mails sent, pôles founded…). */
export interface WindowRule {
  limit: number;
  windowMs: number;
}

/** What remains to wait after `count` failures, the last at `last`. */
export function growingDelayWait(
  { free, baseMs, capMs }: GrowingDelayRule,
  { count, last }: { count: number; last: number },
  at: number,
): number {
  const delay = count < free ? 0 : Math.min(capMs, baseMs * 2 ** (count - free));
  return Math.max(0, last + delay - at);
}

/** What remains to wait before `count` more events fit, given the window's `times` (oldest first). */
export function windowWait(
  { limit, windowMs }: WindowRule,
  times: readonly number[],
  count: number,
  at: number,
): number {
  if (count > limit) return windowMs;
  const over = times.length + count - limit;
  // The window must first let go of the `over` oldest events.
  return over <= 0 ? 0 : windowMs - (at - times[over - 1]);
}

/** Makes the throttles of one store, each under a name that keeps their keys apart. */
export interface ThrottleStore {
  growingDelay(name: string, rule: GrowingDelayRule): Throttle;
  windowLimit(name: string, rule: WindowRule): Throttle;
}

export function createGrowingDelay(rule: GrowingDelayRule, now: Clock = Date.now): Throttle {
  const failures = new Map<string, { count: number; last: number }>();
  const current = (key: string, at: number) => {
    const entry = failures.get(key);
    if (entry && at - entry.last >= rule.forgetMs) {
      failures.delete(key);
      return undefined;
    }
    return entry;
  };
  return {
    async retryAfter(key) {
      const at = now();
      const entry = current(key, at);
      return entry ? growingDelayWait(rule, entry, at) : 0;
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

export function createWindowLimit(rule: WindowRule, now: Clock = Date.now): Throttle {
  const events = new Map<string, number[]>();
  const recent = (key: string, at: number) => {
    const times = (events.get(key) ?? []).filter((t) => at - t < rule.windowMs);
    if (times.length === 0) events.delete(key);
    else events.set(key, times);
    return times;
  };
  return {
    async retryAfter(key, count = 1) {
      const at = now();
      return windowWait(rule, recent(key, at), count, at);
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

/** This process's memory: the single-instance store. */
export const memoryThrottles: ThrottleStore = {
  growingDelay: (_name, rule) => createGrowingDelay(rule),
  windowLimit: (_name, rule) => createWindowLimit(rule),
};
