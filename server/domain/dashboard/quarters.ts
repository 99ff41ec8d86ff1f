/** Calendar quarters, the unit the dashboard counts over time in ("2026-T4", UTC). */

export function quarterOf(at: number): string {
  const date = new Date(at);
  return `${date.getUTCFullYear()}-T${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** Every quarter from the one holding `from` to the one holding `to`, oldest first. */
export function quartersBetween(from: number, to: number): string[] {
  const start = new Date(from);
  let year = start.getUTCFullYear();
  let quarter = Math.floor(start.getUTCMonth() / 3);
  const last = quarterOf(to);
  const list: string[] = [];
  for (;;) {
    const key = `${year}-T${quarter + 1}`;
    list.push(key);
    if (key === last || list.length > 400) return list;
    quarter = (quarter + 1) % 4;
    if (quarter === 0) year++;
  }
}

/** Running totals per quarter of things that each appeared at one instant. */
export function cumulative(quarters: readonly string[], instants: readonly number[]): number[] {
  const added = new Map<string, number>();
  for (const at of instants) added.set(quarterOf(at), (added.get(quarterOf(at)) ?? 0) + 1);
  let total = 0;
  return quarters.map((quarter) => {
    total += added.get(quarter) ?? 0;
    return total;
  });
}

/** How many things happened in each quarter with at least one, oldest first. */
export function perQuarter(instants: readonly number[]): Array<{ quarter: string; count: number }> {
  const counts = new Map<string, number>();
  for (const at of instants) counts.set(quarterOf(at), (counts.get(quarterOf(at)) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([quarter, count]) => ({ quarter, count }));
}
