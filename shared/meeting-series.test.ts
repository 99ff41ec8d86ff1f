import { describe, expect, it } from "vitest";
import { nextOccurrence, nthWeekday, type SeriesRule } from "./meeting-series";

const paris = (iso: string) => Date.parse(iso);

describe("nthWeekday", () => {
  it.each([
    // December 2026 starts on a Tuesday.
    [2026, 12, 1, 2, 1],
    [2026, 12, 2, 2, 8],
    [2026, 12, 1, 1, 7],
    [2026, 12, -1, 2, 29],
    [2026, 12, -1, 4, 31],
    // February 2027 (28 days) starts on a Monday.
    [2027, 2, 4, 0, 28],
    [2027, 2, -1, 1, 22],
  ] as const)("%i-%i: rank %i of weekday %i is day %i", (year, month, rank, weekday, day) => {
    expect(nthWeekday(year, month, rank, weekday)).toBe(day);
  });
});

describe("nextOccurrence keeps the time of day on the pôles' clock", () => {
  const cases: Array<[string, SeriesRule, string, string]> = [
    [
      "every two weeks",
      { every: "weeks", interval: 2 },
      "2026-12-08T17:00:00Z",
      "2026-12-22T17:00:00Z",
    ],
    [
      "weekly across the year",
      { every: "weeks", interval: 1 },
      "2026-12-29T17:00:00Z",
      "2027-01-05T17:00:00Z",
    ],
    // 18 h in Paris is 17:00Z in winter and 16:00Z in summer (the clocks change on 28 March 2027).
    [
      "weekly across the change of hour",
      { every: "weeks", interval: 1 },
      "2027-03-23T17:00:00Z",
      "2027-03-30T16:00:00Z",
    ],
    [
      "first Tuesday of the month",
      { every: "month", rank: 1, weekday: 2 },
      "2026-12-01T17:00:00Z",
      "2027-01-05T17:00:00Z",
    ],
    [
      "last Thursday, December to January",
      { every: "month", rank: -1, weekday: 4 },
      "2026-12-31T09:30:00Z",
      "2027-01-28T09:30:00Z",
    ],
    [
      "first Tuesday into summer time",
      { every: "month", rank: 1, weekday: 2 },
      "2027-03-02T17:00:00Z",
      "2027-04-06T16:00:00Z",
    ],
  ];
  it.each(cases)("%s", (_name, rule, previous, next) => {
    expect(new Date(nextOccurrence(rule, paris(previous))).toISOString()).toBe(
      new Date(next).toISOString(),
    );
  });
});
