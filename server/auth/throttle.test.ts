import { describe, expect, it } from "vitest";
import { createGrowingDelay, createWindowLimit } from "./throttle";

/** A clock the test moves by hand. */
function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("growing delays", () => {
  const settings = { free: 5, baseMs: 1000, capMs: 8000, forgetMs: 60_000 };

  it("waits nothing for the first failures, then 1 s, 2 s, 4 s… up to the cap", async () => {
    const time = clock();
    const throttle = createGrowingDelay(settings, time.now);
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      await throttle.record("k");
      waits.push(await throttle.retryAfter("k"));
    }
    expect(waits).toEqual([0, 0, 0, 0, 1000, 2000, 4000, 8000, 8000]);
    time.advance(8000);
    expect(await throttle.retryAfter("k")).toBe(0);
  });

  it("forgets a key left alone, and one that was reset; keys are apart", async () => {
    const time = clock();
    const throttle = createGrowingDelay(settings, time.now);
    for (let i = 0; i < 6; i++) await throttle.record("a");
    expect(await throttle.retryAfter("b")).toBe(0);
    time.advance(60_000);
    await throttle.record("a");
    expect(await throttle.retryAfter("a")).toBe(0);
    for (let i = 0; i < 6; i++) await throttle.record("a");
    await throttle.reset("a");
    expect(await throttle.retryAfter("a")).toBe(0);
  });
});

describe("window limits", () => {
  it("allows `limit` events per window, counting several at once", async () => {
    const time = clock();
    const limit = createWindowLimit({ limit: 10, windowMs: 60_000 }, time.now);
    await limit.record("k", 6);
    time.advance(10_000);
    await limit.record("k", 3);
    expect(await limit.retryAfter("k", 1)).toBe(0);
    // Two more need the first six to leave the window, 50 s from now.
    expect(await limit.retryAfter("k", 2)).toBe(50_000);
    expect(await limit.retryAfter("k", 11)).toBe(60_000);
    time.advance(50_000);
    expect(await limit.retryAfter("k", 7)).toBe(0);
    expect(await limit.retryAfter("other", 10)).toBe(0);
  });
});
