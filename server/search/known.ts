/**
 * What the last refresh of each recently indexed source stored (each entry's version), kept
 * in memory so that a refresh of a large document, edited again and again, neither reads its
 * digests back nor hashes its unchanged entries. Only a hint: it is trusted only while the
 * source still holds as many entries as it remembers and lives in the same place (circle,
 * kind); otherwise the refresh compares the stored digests.
 */

/** The documents being edited at any moment: a pôle's busy ones, not all of them. */
const SOURCES = 64;

interface Known {
  place: string;
  versions: Map<string, string>;
}

const known = new Map<string, Known>();

export function recall(source: string, place: string, stored: number): Map<string, string> | null {
  const entry = known.get(source);
  if (!entry || entry.place !== place || entry.versions.size !== stored) return null;
  // Most recently used last: the oldest goes first when the map is full.
  known.delete(source);
  known.set(source, entry);
  return entry.versions;
}

export function remember(source: string, place: string, versions: Map<string, string>): void {
  known.delete(source);
  known.set(source, { place, versions });
  if (known.size > SOURCES) {
    const oldest = known.keys().next().value;
    if (oldest !== undefined) known.delete(oldest);
  }
}

export function forget(source: string): void {
  known.delete(source);
}
