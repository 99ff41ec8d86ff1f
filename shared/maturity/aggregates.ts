/**
 * What a campaign's answers add up to, and nothing that would show one person's answers:
 * every figure computed from fewer than ANONYMITY_THRESHOLD people is withheld ("pas assez
 * de réponses"). Pure, so the results page, the dashboard and the funders' report say the
 * same thing, and aggregates.test.ts checks it as tables.
 */
import type { Indicator, ObjectiveKey, Rating } from "./referentiel";
import { objectiveKeys } from "./referentiel";

export const ANONYMITY_THRESHOLD = 3;

/** An importance considered "plutôt important" or more on the 2012 scale. */
export const IMPORTANT_FROM = 4;

/** Differences of means smaller than this read as "no change" between two campaigns. */
export const TREND_STEP = 0.1;

export interface AnswerRecord {
  userId: string;
  indicatorId: string;
  importance: Rating | null;
  standing: Rating | null;
}

/**
 * One rated quantity over a set of people. `count` is always given (how many answered);
 * `mean` and `spread` (standard deviation) are null below the anonymity threshold.
 */
export interface Figure {
  count: number;
  mean: number | null;
  spread: number | null;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** `values` holds one number per rating; `people` how many distinct people gave them. */
export function figureOf(values: readonly number[], people = values.length): Figure {
  if (people < ANONYMITY_THRESHOLD || values.length === 0) {
    return { count: people, mean: null, spread: null };
  }
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length;
  return { count: people, mean: round2(mean), spread: round2(Math.sqrt(variance)) };
}

export interface Pair {
  importance: Figure;
  standing: Figure;
}

/** The figures of a set of answers, counting people rather than ratings. */
function pairOf(answers: readonly AnswerRecord[]): Pair {
  const of = (key: "importance" | "standing") => {
    const rated = answers.filter((a) => a[key] !== null);
    return figureOf(
      rated.map((a) => a[key] as number),
      new Set(rated.map((a) => a.userId)).size,
    );
  };
  return { importance: of("importance"), standing: of("standing") };
}

export interface IndicatorResult extends Pair {
  indicatorId: string;
}

export interface ObjectiveResult extends Pair {
  objective: ObjectiveKey;
}

export function indicatorResults(
  indicators: readonly Indicator[],
  answers: readonly AnswerRecord[],
): IndicatorResult[] {
  return indicators.map((indicator) => ({
    indicatorId: indicator.id,
    ...pairOf(answers.filter((a) => a.indicatorId === indicator.id)),
  }));
}

/** Per objective, every rating of its indicators pooled; the count is of people. */
export function objectiveResults(
  indicators: readonly Indicator[],
  answers: readonly AnswerRecord[],
): ObjectiveResult[] {
  const objectiveOf = new Map(indicators.map((i) => [i.id, i.objective]));
  return objectiveKeys.map((objective) => ({
    objective,
    ...pairOf(answers.filter((a) => objectiveOf.get(a.indicatorId) === objective)),
  }));
}

export interface Priority {
  indicatorId: string;
  importance: number;
  standing: number;
  /** Importance minus standing: the larger, the more urgent. */
  gap: number;
}

/**
 * The indicators rated important (mean ≥ IMPORTANT_FROM) where the pôle stands lower than
 * it rates them: largest gap first, then most important, then in the référentiel's order.
 */
export function priorities(results: readonly IndicatorResult[]): Priority[] {
  const listed: Priority[] = [];
  for (const r of results) {
    const importance = r.importance.mean;
    const standing = r.standing.mean;
    if (importance === null || standing === null) continue;
    if (importance < IMPORTANT_FROM || standing >= importance) continue;
    listed.push({
      indicatorId: r.indicatorId,
      importance,
      standing,
      gap: round2(importance - standing),
    });
  }
  const order = new Map(results.map((r, index) => [r.indicatorId, index]));
  return listed.sort(
    (x, y) =>
      y.gap - x.gap ||
      y.importance - x.importance ||
      (order.get(x.indicatorId) ?? 0) - (order.get(y.indicatorId) ?? 0),
  );
}

export interface GroupResult {
  key: string;
  /** How many of the group's people answered at least one indicator. */
  respondents: number;
  objectives: ObjectiveResult[];
}

/**
 * The objectives' figures within groups of people (circles, kinds of structure). A person
 * may sit in several groups; a group of fewer than the threshold shows counts only.
 */
export function groupResults(
  indicators: readonly Indicator[],
  answers: readonly AnswerRecord[],
  groupsOf: ReadonlyMap<string, readonly string[]>,
): GroupResult[] {
  const members = new Map<string, Set<string>>();
  for (const [userId, keys] of groupsOf) {
    for (const key of keys) {
      const set = members.get(key) ?? new Set<string>();
      set.add(userId);
      members.set(key, set);
    }
  }
  return Array.from(members, ([key, people]) => {
    const own = answers.filter((a) => people.has(a.userId));
    return {
      key,
      respondents: new Set(own.map((a) => a.userId)).size,
      objectives: objectiveResults(indicators, own),
    };
  });
}

export type Trend = "up" | "down" | "same";

/** Where a mean went since the previous campaign; null when either is withheld. */
export function trendOf(now: number | null, before: number | null | undefined): Trend | null {
  if (now === null || before === null || before === undefined) return null;
  const delta = round2(now - before);
  if (delta >= TREND_STEP) return "up";
  if (delta <= -TREND_STEP) return "down";
  return "same";
}
