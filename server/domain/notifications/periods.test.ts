import { describe, expect, it } from "vitest";
import { digestMoment } from "./periods";

const at = (iso: string) => Date.parse(iso);

describe("digest moments", () => {
  it.each([
    ["daily", "2026-12-06T08:00:00Z", 7, "daily:2026-12-06", "2026-12-06T07:00:00.000Z"],
    ["daily", "2026-12-06T06:59:59Z", 7, "daily:2026-12-05", "2026-12-05T07:00:00.000Z"],
    ["daily", "2026-12-06T00:00:00Z", 0, "daily:2026-12-06", "2026-12-06T00:00:00.000Z"],
    // 2026-12-07 is a Monday.
    ["weekly", "2026-12-09T12:00:00Z", 7, "weekly:2026-12-07", "2026-12-07T07:00:00.000Z"],
    ["weekly", "2026-12-07T06:00:00Z", 7, "weekly:2026-11-30", "2026-11-30T07:00:00.000Z"],
    ["weekly", "2026-12-13T23:00:00Z", 7, "weekly:2026-12-07", "2026-12-07T07:00:00.000Z"],
  ] as const)("%s at %s (hour %i) → %s", (period, now, hour, key, moment) => {
    const found = digestMoment(period, at(now), hour);
    expect(found.key).toBe(key);
    expect(new Date(found.at).toISOString()).toBe(moment);
  });
});
