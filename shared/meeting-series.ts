/**
 * Recurring meetings ("toutes les deux semaines", "tous les premiers mardis"): the rule of
 * a series and the date of its next meeting. Dates are reckoned on the clock of the pôles
 * (Europe/Paris), so that a meeting at 18 h stays at 18 h across the change of hour.
 */

export const POLE_TIME_ZONE = "Europe/Paris";

/** 1 to 4: the first to fourth such weekday of the month; -1: the last. */
export const weekdayRanks = [1, 2, 3, 4, -1] as const;
export type WeekdayRank = (typeof weekdayRanks)[number];

export type SeriesRule =
  | { every: "weeks"; interval: number }
  /** `weekday`: 0 for Sunday to 6 for Saturday, as `Date` counts them. */
  | { every: "month"; rank: WeekdayRank; weekday: number };

interface WallClock {
  year: number;
  /** 1 to 12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const clock = new Intl.DateTimeFormat("en-GB", {
  timeZone: POLE_TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  hourCycle: "h23",
});

function wallClockOf(instant: number): WallClock {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(clock.formatToParts(instant).find((p) => p.type === type)?.value);
  return {
    year: part("year"),
    month: part("month"),
    day: part("day"),
    hour: part("hour"),
    minute: part("minute"),
  };
}

const asUtc = (wall: WallClock) =>
  Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);

/** The instant the pôles' clocks show `wall` (the offset is re-read once across a change). */
function instantOf(wall: WallClock): number {
  const guess = asUtc(wall);
  const first = guess - (asUtc(wallClockOf(guess)) - guess);
  return guess - (asUtc(wallClockOf(first)) - first);
}

/** The day of the month of the `rank`-th `weekday` of that month (`month` 1 to 12). */
export function nthWeekday(year: number, month: number, rank: WeekdayRank, weekday: number) {
  if (rank === -1) {
    const last = new Date(Date.UTC(year, month, 0));
    return last.getUTCDate() - ((last.getUTCDay() - weekday + 7) % 7);
  }
  const firstDay = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return 1 + ((weekday - firstDay + 7) % 7) + (rank - 1) * 7;
}

/** When the meeting after the one starting at `previous` starts, at the same time of day. */
export function nextOccurrence(rule: SeriesRule, previous: number): number {
  const wall = wallClockOf(previous);
  if (rule.every === "weeks") {
    const day = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + 7 * rule.interval));
    return instantOf({
      ...wall,
      year: day.getUTCFullYear(),
      month: day.getUTCMonth() + 1,
      day: day.getUTCDate(),
    });
  }
  const month = wall.month === 12 ? 1 : wall.month + 1;
  const year = wall.month === 12 ? wall.year + 1 : wall.year;
  return instantOf({ ...wall, year, month, day: nthWeekday(year, month, rule.rank, rule.weekday) });
}

/** The first item of a meeting planned after another: the follow-up of its tasks. */
export const followUpItem = {
  title: "Suivi des tâches de la réunion précédente",
  kind: "information",
  durationMinutes: 10,
} as const;
