/**
 * How a collective decides (CONTRACT.md "Governance"): the methods, the choices a vote
 * may carry, and the outcome rules as pure functions. The server computes every result
 * with them; the client only shows what the server answered.
 */

export const decisionMethods = [
  "consent",
  "majority",
  "qualified",
  "unanimity",
  "colleges",
] as const;
export type DecisionMethod = (typeof decisionMethods)[number];

export const decisionStates = ["open", "closed"] as const;
export type DecisionState = (typeof decisionStates)[number];

export const decisionOutcomes = ["adopted", "rejected", "no_quorum"] as const;
export type DecisionOutcome = (typeof decisionOutcomes)[number];

export const consentChoices = ["consent", "objection"] as const;
export const ballotChoices = ["for", "against", "abstain"] as const;
export const voteChoices = [...consentChoices, ...ballotChoices] as const;
export type VoteChoice = (typeof voteChoices)[number];

/** Consent asks for consent or an objection; every other method for, against or abstain. */
export const choicesFor = (method: DecisionMethod): readonly VoteChoice[] =>
  method === "consent" ? consentChoices : ballotChoices;

/** A qualified majority without a stated threshold asks for two thirds of the votes cast. */
export const DEFAULT_THRESHOLD = 2 / 3;

export interface Tally {
  /** How many people may vote (frozen at opening). */
  electorate: number;
  /** How many cast a vote, abstentions included. */
  voted: number;
  for: number;
  against: number;
  abstain: number;
  consent: number;
  objection: number;
}

export function tallyOf(electorate: number, choices: readonly VoteChoice[]): Tally {
  const tally: Tally = {
    electorate,
    voted: choices.length,
    for: 0,
    against: 0,
    abstain: 0,
    consent: 0,
    objection: 0,
  };
  for (const choice of choices) tally[choice] += 1;
  return tally;
}

export interface College {
  id: string;
  name: string;
  /** The configured share of the votes, in percent. */
  weight: number;
}

export interface CollegeResult extends College {
  for: number;
  against: number;
  abstain: number;
  /** for / (for + against) among the college's own voters; null when nobody took a side. */
  result: number | null;
}

export interface CollegeVote {
  collegeId: string | null;
  choice: VoteChoice;
}

export interface WeightedResult {
  colleges: CollegeResult[];
  /** Σ result × renormalised weight / 100; null when no college took a side. */
  weightedResult: number | null;
}

/**
 * One member, one vote inside a college; each college weighs its configured share. The
 * colleges where nobody voted for or against are left out and the others' weights scaled
 * back to 100, so that an absent college neither adopts nor rejects.
 */
export function weighColleges(
  colleges: readonly College[],
  votes: readonly CollegeVote[],
): WeightedResult {
  const results = colleges.map((college): CollegeResult => {
    const own = votes.filter((vote) => vote.collegeId === college.id);
    const count = (choice: VoteChoice) => own.filter((vote) => vote.choice === choice).length;
    const inFavour = count("for");
    const opposed = count("against");
    return {
      ...college,
      for: inFavour,
      against: opposed,
      abstain: count("abstain"),
      result: inFavour + opposed === 0 ? null : inFavour / (inFavour + opposed),
    };
  });
  const counted = results.filter((college) => college.result !== null);
  const totalWeight = counted.reduce((sum, college) => sum + college.weight, 0);
  if (counted.length === 0 || totalWeight === 0) return { colleges: results, weightedResult: null };
  const weighted = counted.reduce(
    (sum, college) => sum + (college.result ?? 0) * ((college.weight / totalWeight) * 100),
    0,
  );
  return { colleges: results, weightedResult: weighted / 100 };
}

export interface OutcomeInput {
  method: DecisionMethod;
  /** Fraction of the electorate that must have voted (0–1). */
  quorum: number;
  /** Fraction of for / (for + against) that a qualified majority needs (0–1). */
  threshold: number | null;
  tally: Tally;
  /** Only for `colleges`. */
  weightedResult?: number | null;
}

/** CONTRACT.md's rules, quorum first. */
export function outcomeOf(input: OutcomeInput): DecisionOutcome {
  const { tally } = input;
  if (tally.voted < input.quorum * tally.electorate) return "no_quorum";
  const adopted = (() => {
    switch (input.method) {
      case "majority":
        return tally.for > tally.against;
      case "qualified": {
        const cast = tally.for + tally.against;
        return cast > 0 && tally.for / cast >= (input.threshold ?? DEFAULT_THRESHOLD);
      }
      case "unanimity":
        return tally.against === 0 && tally.for > 0;
      case "consent":
        return tally.objection === 0;
      case "colleges":
        return (input.weightedResult ?? 0) > 0.5;
    }
  })();
  return adopted ? "adopted" : "rejected";
}

/** The SCIC rules on colleges (DOMAIN.md): at least three, each 10–50 %, 100 % in all. */
export const COLLEGE_RULES = { min: 3, minWeight: 10, maxWeight: 50, total: 100 } as const;

const percent = (value: number) =>
  `${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 }).format(value)} %`;

/** The first broken rule, said in French, or null when the colleges are valid. */
export function collegeWeightsError(colleges: ReadonlyArray<Omit<College, "id">>): string | null {
  if (colleges.length < COLLEGE_RULES.min) {
    return `Il faut au moins ${COLLEGE_RULES.min} collèges de vote (règle des SCIC) : il y en a ${colleges.length}.`;
  }
  const outside = colleges.find(
    (college) =>
      college.weight < COLLEGE_RULES.minWeight || college.weight > COLLEGE_RULES.maxWeight,
  );
  if (outside) {
    return `Chaque collège détient entre ${COLLEGE_RULES.minWeight} % et ${COLLEGE_RULES.maxWeight} % des voix (règle des SCIC) : « ${outside.name} » en a ${percent(outside.weight)}.`;
  }
  const total = colleges.reduce((sum, college) => sum + college.weight, 0);
  if (Math.abs(total - COLLEGE_RULES.total) > 0.001) {
    return `Les poids des collèges doivent faire ${COLLEGE_RULES.total} % au total : ils font ${percent(total)}.`;
  }
  const names = new Set<string>();
  for (const college of colleges) {
    const key = college.name.trim().toLocaleLowerCase("fr");
    if (names.has(key)) return `Deux collèges portent le nom « ${college.name} ».`;
    names.add(key);
  }
  return null;
}
