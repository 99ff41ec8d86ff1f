import { describe, expect, it } from "vitest";
import {
  type AnswerRecord,
  figureOf,
  groupResults,
  indicatorResults,
  objectiveResults,
  priorities,
  trendOf,
} from "./aggregates";
import type { Indicator, Rating } from "./referentiel";

const indicators: Indicator[] = [
  { id: "a1", objective: "a", label: "Lieu" },
  { id: "a2", objective: "a", label: "Milieu" },
  { id: "b1", objective: "b", label: "Ressources" },
];

const answer = (
  userId: string,
  indicatorId: string,
  importance: Rating | null,
  standing: Rating | null,
): AnswerRecord => ({ userId, indicatorId, importance, standing });

describe("figureOf: mean, spread and the anonymity threshold", () => {
  it.each([
    { values: [], count: 0, mean: null, spread: null },
    { values: [5], count: 1, mean: null, spread: null },
    { values: [5, 1], count: 2, mean: null, spread: null },
    { values: [4, 4, 4], count: 3, mean: 4, spread: 0 },
    { values: [1, 2, 6], count: 3, mean: 3, spread: 2.16 },
    { values: [6, 6, 5, 5], count: 4, mean: 5.5, spread: 0.5 },
    { values: [1, 1, 1, 1, 6], count: 5, mean: 2, spread: 2 },
  ])("$values → count $count, mean $mean, spread $spread", ({ values, count, mean, spread }) => {
    expect(figureOf(values)).toEqual({ count, mean, spread });
  });

  it("counts people, not ratings: three ratings by two people stay withheld", () => {
    expect(figureOf([4, 5, 6], 2)).toEqual({ count: 2, mean: null, spread: null });
  });
});

describe("indicatorResults", () => {
  it("gives each indicator its own figures, skipping ratings left blank", () => {
    const results = indicatorResults(indicators, [
      answer("u1", "a1", 6, 2),
      answer("u2", "a1", 5, null),
      answer("u3", "a1", 4, 3),
      answer("u4", "a1", null, 4),
      answer("u1", "b1", 3, 3),
    ]);
    expect(results).toEqual([
      {
        indicatorId: "a1",
        importance: { count: 3, mean: 5, spread: 0.82 },
        standing: { count: 3, mean: 3, spread: 0.82 },
      },
      {
        indicatorId: "a2",
        importance: { count: 0, mean: null, spread: null },
        standing: { count: 0, mean: null, spread: null },
      },
      {
        indicatorId: "b1",
        importance: { count: 1, mean: null, spread: null },
        standing: { count: 1, mean: null, spread: null },
      },
    ]);
  });
});

describe("objectiveResults", () => {
  it("pools an objective's indicators and counts distinct people", () => {
    const [a, b] = objectiveResults(indicators, [
      answer("u1", "a1", 6, 2),
      answer("u1", "a2", 4, 4),
      answer("u2", "a1", 5, 3),
      answer("u2", "a2", 5, 3),
    ]);
    // Four ratings, but two people: withheld.
    expect(a.standing).toEqual({ count: 2, mean: null, spread: null });
    expect(b.importance.count).toBe(0);
    const withThird = objectiveResults(indicators, [
      answer("u1", "a1", 6, 2),
      answer("u2", "a2", 4, 4),
      answer("u3", "a1", 5, 3),
    ]);
    expect(withThird[0].standing).toEqual({ count: 3, mean: 3, spread: 0.82 });
    expect(withThird).toHaveLength(9);
  });
});

describe("priorities: important where the pôle stands low, largest gap first", () => {
  const figure = (mean: number | null) => ({ count: mean === null ? 2 : 5, mean, spread: 0 });
  const result = (indicatorId: string, importance: number | null, standing: number | null) => ({
    indicatorId,
    importance: figure(importance),
    standing: figure(standing),
  });
  it.each([
    { name: "important and low", rows: [result("a1", 5.5, 2)], listed: ["a1"] },
    { name: "not important enough", rows: [result("a1", 3.9, 1)], listed: [] },
    { name: "standing as high as importance", rows: [result("a1", 5, 5)], listed: [] },
    { name: "withheld importance", rows: [result("a1", null, 1)], listed: [] },
    { name: "withheld standing", rows: [result("a1", 6, null)], listed: [] },
    {
      name: "largest gap first",
      rows: [result("a1", 5, 4), result("a2", 6, 2), result("b1", 4, 3.5)],
      listed: ["a2", "a1", "b1"],
    },
    {
      name: "equal gaps: most important first, then the référentiel's order",
      rows: [result("a1", 4, 3), result("a2", 5, 4), result("b1", 5, 4)],
      listed: ["a2", "b1", "a1"],
    },
  ])("$name", ({ rows, listed }) => {
    expect(priorities(rows).map((p) => p.indicatorId)).toEqual(listed);
  });

  it("gives the gap", () => {
    expect(priorities([result("a1", 5.33, 2.67)])[0]).toEqual({
      indicatorId: "a1",
      importance: 5.33,
      standing: 2.67,
      gap: 2.66,
    });
  });
});

describe("groupResults: by circle or kind of structure, each group under the threshold", () => {
  it("shows a group of three and withholds a group of two", () => {
    const answers = [
      answer("u1", "a1", 6, 2),
      answer("u2", "a1", 6, 3),
      answer("u3", "a1", 6, 4),
      answer("u4", "a1", 1, 1),
    ];
    const groups = new Map([
      ["u1", ["steering", "thematic"]],
      ["u2", ["steering"]],
      ["u3", ["steering", "thematic"]],
      ["u4", []],
    ]);
    const [steering, thematic] = groupResults(indicators, answers, groups);
    expect(steering.key).toBe("steering");
    expect(steering.respondents).toBe(3);
    expect(steering.objectives[0].standing).toEqual({ count: 3, mean: 3, spread: 0.82 });
    expect(thematic.key).toBe("thematic");
    expect(thematic.respondents).toBe(2);
    expect(thematic.objectives[0].standing.mean).toBeNull();
  });
});

describe("trendOf", () => {
  it.each([
    { now: 4, before: 3, trend: "up" },
    { now: 3, before: 4, trend: "down" },
    { now: 4.05, before: 4, trend: "same" },
    { now: 4.1, before: 4, trend: "up" },
    { now: null, before: 4, trend: null },
    { now: 4, before: null, trend: null },
    { now: 4, before: undefined, trend: null },
  ])("$now against $before → $trend", ({ now, before, trend }) => {
    expect(trendOf(now, before)).toBe(trend);
  });
});
