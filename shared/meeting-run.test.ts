import { describe, expect, it } from "vitest";
import { elapsedOn, formatClock, overtime, stepTimer, type TimerState } from "./meeting-run";

const agenda = ["a", "b", "c"];
const state = (s: TimerState | { refused: string }): TimerState => {
  if ("refused" in s) throw new Error(`refused: ${s.refused}`);
  return s;
};

describe("the meeting timer", () => {
  it("starts on the first item, banks each stretch, moves on and resumes", () => {
    const started = state(stepTimer(null, { action: "start" }, agenda, 1000));
    expect(started).toEqual({ itemId: "a", runningSince: 1000, banked: {} });
    expect(elapsedOn(started, "a", 4000)).toBe(3000);
    const paused = state(stepTimer(started, { action: "pause" }, agenda, 5000));
    expect(paused).toEqual({ itemId: "a", runningSince: null, banked: { a: 4000 } });
    expect(elapsedOn(paused, "a", 9000)).toBe(4000);
    const resumed = state(stepTimer(paused, { action: "start" }, agenda, 10_000));
    const next = state(stepTimer(resumed, { action: "next" }, agenda, 11_000));
    expect(next).toEqual({ itemId: "b", runningSince: 11_000, banked: { a: 5000 } });
    const back = state(stepTimer(next, { action: "start", itemId: "a" }, agenda, 12_000));
    expect(back).toEqual({ itemId: "a", runningSince: 12_000, banked: { a: 5000, b: 1000 } });
  });

  it("refuses what cannot be done, saying why", () => {
    expect(stepTimer(null, { action: "start" }, [], 0)).toMatchObject({ refused: "invalid" });
    expect(stepTimer(null, { action: "pause" }, agenda, 0)).toMatchObject({ refused: "conflict" });
    expect(stepTimer(null, { action: "next" }, agenda, 0)).toMatchObject({ refused: "conflict" });
    expect(stepTimer(null, { action: "start", itemId: "z" }, agenda, 0)).toMatchObject({
      refused: "unknown_item",
    });
    const last = state(stepTimer(null, { action: "start", itemId: "c" }, agenda, 0));
    expect(stepTimer(last, { action: "next" }, agenda, 10)).toMatchObject({
      refused: "conflict",
      message: "C'est le dernier point de l'ordre du jour.",
    });
  });

  it("starts afresh when its item left the agenda, keeping what the others took", () => {
    const gone: TimerState = { itemId: "x", runningSince: 0, banked: { b: 700 } };
    expect(stepTimer(gone, { action: "start" }, agenda, 50)).toEqual({
      itemId: "a",
      runningSince: 50,
      banked: { b: 700 },
    });
    expect(stepTimer(gone, { action: "next" }, agenda, 50)).toMatchObject({ refused: "conflict" });
  });

  it("shows minutes and seconds, and how far past the planned length", () => {
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(65_400)).toBe("1:05");
    expect(formatClock(3_729_000)).toBe("1:02:09");
    expect(overtime(9 * 60_000, 10)).toBe(0);
    expect(overtime(12 * 60_000, 10)).toBe(2 * 60_000);
    expect(overtime(12 * 60_000, null)).toBe(0);
  });
});
