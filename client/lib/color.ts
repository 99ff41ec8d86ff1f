/**
 * A person's colour, derived from their id so that everyone sees the same one. Each is
 * light enough for dark text (initials, caret labels) at AA contrast and still visible
 * as a caret line on white.
 */
export const palette = [
  "#f4a261",
  "#e9c46a",
  "#8ecae6",
  "#90be6d",
  "#f28482",
  "#cdb4db",
  "#84dcc6",
  "#ffafcc",
  "#a3c4f3",
  "#ffd166",
  "#b5e48c",
  "#f6bd60",
] as const;

export function colorFor(id: string): string {
  let hash = 2166136261;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return palette[(hash >>> 0) % palette.length];
}

export function initials(name: string): string {
  const words = name
    .trim()
    .split(/[\s'-]+/)
    .filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters
    .map((word) => word[0]?.toLocaleUpperCase() ?? "")
    .join("")
    .slice(0, 2);
}
