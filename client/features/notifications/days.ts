/** Items grouped by the local day they happened on, newest day first, as they came. */
export function byDay<T extends { createdAt: string }>(items: readonly T[]) {
  const days = new Map<string, T[]>();
  for (const item of items) {
    const day = localDay(new Date(item.createdAt));
    days.set(day, [...(days.get(day) ?? []), item]);
  }
  return [...days.entries()].map(([day, entries]) => ({ day, entries }));
}

/** YYYY-MM-DD of a date, in the reader's time zone. */
export const localDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
