import { describe, expect, it } from "vitest";
import { cumulative, perQuarter, quarterOf, quartersBetween } from "./quarters";

const at = (iso: string) => Date.parse(iso);

describe("quarters", () => {
  it.each([
    ["2026-01-01T00:00:00Z", "2026-T1"],
    ["2026-03-31T23:59:59Z", "2026-T1"],
    ["2026-04-01T00:00:00Z", "2026-T2"],
    ["2026-12-31T12:00:00Z", "2026-T4"],
  ])("%s is in %s", (iso, quarter) => {
    expect(quarterOf(at(iso))).toBe(quarter);
  });

  it("lists the quarters across a new year", () => {
    expect(quartersBetween(at("2025-11-02T00:00:00Z"), at("2026-05-01T00:00:00Z"))).toEqual([
      "2025-T4",
      "2026-T1",
      "2026-T2",
    ]);
  });

  it("keeps running totals and counts per quarter", () => {
    const quarters = ["2026-T1", "2026-T2", "2026-T3"];
    const instants = [
      at("2026-01-05T00:00:00Z"),
      at("2026-02-05T00:00:00Z"),
      at("2026-08-01T00:00:00Z"),
    ];
    expect(cumulative(quarters, instants)).toEqual([2, 2, 3]);
    expect(perQuarter(instants)).toEqual([
      { quarter: "2026-T1", count: 2 },
      { quarter: "2026-T3", count: 1 },
    ]);
  });
});
