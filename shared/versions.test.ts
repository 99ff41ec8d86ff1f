import { describe, expect, it } from "vitest";
import {
  AUTO_VERSION_INTERVAL_MS,
  autoVersionDue,
  type VersionAge,
  type VersionKind,
  versionsToThin,
} from "./versions";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** A Monday noon, UTC, far from the epoch. */
const now = Date.UTC(2026, 11, 7, 12);

const version = (
  id: string,
  ageMs: number,
  kind: VersionKind = "auto",
  referenced = false,
): VersionAge => ({ id, kind, createdAt: now - ageMs, referenced });

describe("autoVersionDue", () => {
  it.each([
    ["no version yet", null, true],
    ["the last one just taken", now - 1000, false],
    ["the last one 9 minutes old", now - 9 * 60 * 1000, false],
    ["the last one exactly 10 minutes old", now - AUTO_VERSION_INTERVAL_MS, true],
    ["the last one a day old", now - DAY, true],
  ])("%s → %s", (_case, lastAutoAt, due) => {
    expect(autoVersionDue(lastAutoAt, now)).toBe(due);
  });
});

describe("versionsToThin", () => {
  it.each<[string, VersionAge[], string[]]>([
    ["nothing at all", [], []],
    [
      "keeps every version of the last day",
      [version("a", 1000), version("b", HOUR), version("c", 23 * HOUR)],
      [],
    ],
    [
      "keeps the newest of a day between one day and a month",
      [version("old", 3 * DAY + 3 * HOUR), version("new", 3 * DAY + HOUR)],
      ["old"],
    ],
    [
      "keeps one per day on different days",
      [version("a", 2 * DAY), version("b", 3 * DAY), version("c", 4 * DAY)],
      [],
    ],
    [
      "keeps the newest of a week after a month",
      [version("w1", 60 * DAY), version("w2", 60 * DAY + HOUR), version("w3", 60 * DAY + 2 * HOUR)],
      ["w2", "w3"],
    ],
    [
      "never thins named, adopted, pre-restore or minutes versions",
      (["named", "adopted", "pre_restore", "minutes"] as const).flatMap((kind) => [
        version(`${kind}1`, 60 * DAY, kind),
        version(`${kind}2`, 60 * DAY + HOUR, kind),
      ]),
      [],
    ],
    [
      "never thins a version a decision points at",
      [version("kept", 60 * DAY + HOUR, "auto", true), version("newest", 60 * DAY)],
      [],
    ],
  ])("%s", (_case, versions, thinned) => {
    expect(versionsToThin(versions, now).sort()).toEqual(thinned.sort());
  });

  it("leaves, out of a year of hourly versions, the last day, ~30 days and ~48 weeks", () => {
    const hourly = Array.from({ length: 365 * 24 }, (_, i) => version(`v${i}`, i * HOUR));
    const left = hourly.length - versionsToThin(hourly, now).length;
    expect(left).toBeGreaterThanOrEqual(24 + 29 + 47);
    expect(left).toBeLessThanOrEqual(24 + 31 + 49);
  });

  it("thins the same way when asked again later (stable buckets)", () => {
    const versions = Array.from({ length: 40 * 24 }, (_, i) => version(`v${i}`, i * HOUR));
    const first = new Set(versionsToThin(versions, now));
    const left = versions.filter((v) => !first.has(v.id));
    expect(versionsToThin(left, now)).toEqual([]);
  });
});
