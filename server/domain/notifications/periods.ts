/**
 * When digests go out: daily at `hour` (UTC), weekly on Mondays at that hour. A digest
 * carries what arrived before its moment; its key names the period, unique per person.
 */
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export type DigestPeriod = "daily" | "weekly";

/** The latest digest moment at or before `now`, and its key. */
export function digestMoment(
  period: DigestPeriod,
  now: number,
  hour: number,
): { key: string; at: number } {
  const dayStart = Math.floor((now - hour * HOUR_MS) / DAY_MS) * DAY_MS;
  // 1970-01-01 was a Thursday: Monday is 3 days later in the week's cycle.
  const start = period === "daily" ? dayStart : dayStart - ((dayStart / DAY_MS + 3) % 7) * DAY_MS;
  const day = new Date(start).toISOString().slice(0, 10);
  return { key: `${period}:${day}`, at: start + hour * HOUR_MS };
}
