/**
 * Versions of a document (CONTRACT.md "Versions"): their kinds, when an automatic one is
 * taken, and which automatic ones thin out with age. Pure, tested as tables.
 */
export const versionKinds = ["auto", "named", "adopted", "pre_restore", "minutes"] as const;
export type VersionKind = (typeof versionKinds)[number];

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
const WEEK = 7 * DAY;

/** At most one automatic version per this much time of activity. */
export const AUTO_VERSION_INTERVAL_MS = 10 * MINUTE;

/**
 * Whether an automatic version is due when a changed document is stored: none yet, or
 * the last one is at least AUTO_VERSION_INTERVAL_MS old.
 */
export const autoVersionDue = (lastAutoAt: number | null, now: number) =>
  lastAutoAt === null || now - lastAutoAt >= AUTO_VERSION_INTERVAL_MS;

export interface VersionAge {
  id: string;
  kind: VersionKind;
  createdAt: number;
  /** A decision (or a meeting's minutes) points at it: kept forever. */
  referenced: boolean;
}

/**
 * The automatic versions to delete so that what is left is: every version of the last
 * day, the newest of each day for a month, the newest of each week after. Days and weeks
 * are counted from the epoch (UTC), so a version kept once is not dropped the next day
 * for falling into another bucket. Every other kind, and referenced versions, stay.
 */
export function versionsToThin(versions: readonly VersionAge[], now: number): string[] {
  const newestOf = new Map<string, VersionAge>();
  const candidates: VersionAge[] = [];
  for (const version of versions) {
    if (version.kind !== "auto" || version.referenced) continue;
    const age = now - version.createdAt;
    if (age < DAY) continue;
    const bucket =
      age < 30 * DAY
        ? `d${Math.floor(version.createdAt / DAY)}`
        : `w${Math.floor(version.createdAt / WEEK)}`;
    candidates.push(version);
    const newest = newestOf.get(bucket);
    if (!newest || newest.createdAt < version.createdAt) newestOf.set(bucket, version);
  }
  const kept = new Set(Array.from(newestOf.values(), (version) => version.id));
  return candidates.filter((version) => !kept.has(version.id)).map((version) => version.id);
}
