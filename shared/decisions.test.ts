import { describe, expect, it } from "vitest";
import {
  type College,
  type CollegeVote,
  choicesFor,
  collegeWeightsError,
  type DecisionMethod,
  type DecisionOutcome,
  outcomeOf,
  tallyOf,
  type VoteChoice,
  weighColleges,
} from "./decisions";

/** "3f 1a 2x" → three for, one against, two abstentions; "2c 1o" → consents, objections. */
function ballots(spec: string): VoteChoice[] {
  const letters: Record<string, VoteChoice> = {
    f: "for",
    a: "against",
    x: "abstain",
    c: "consent",
    o: "objection",
  };
  return spec
    .split(" ")
    .filter(Boolean)
    .flatMap((part) => {
      const choice = letters[part.slice(-1)];
      if (!choice) throw new Error(`bad spec ${part}`);
      return Array.from({ length: Number(part.slice(0, -1)) }, () => choice);
    });
}

interface Case {
  name: string;
  method: Exclude<DecisionMethod, "colleges">;
  electorate: number;
  votes: string;
  quorum?: number;
  threshold?: number | null;
  outcome: DecisionOutcome;
}

const cases: Case[] = [
  // majority: for > against, abstentions do not count
  { name: "clear majority", method: "majority", electorate: 5, votes: "3f 1a", outcome: "adopted" },
  { name: "tie", method: "majority", electorate: 4, votes: "2f 2a", outcome: "rejected" },
  {
    name: "abstentions do not count",
    method: "majority",
    electorate: 6,
    votes: "1f 4x",
    outcome: "adopted",
  },
  { name: "only abstentions", method: "majority", electorate: 3, votes: "3x", outcome: "rejected" },
  {
    name: "nobody voted, no quorum asked",
    method: "majority",
    electorate: 3,
    votes: "",
    outcome: "rejected",
  },
  // quorum first: voters (abstentions included) < quorum × electorate
  {
    name: "below quorum",
    method: "majority",
    electorate: 10,
    votes: "4f",
    quorum: 0.5,
    outcome: "no_quorum",
  },
  {
    name: "quorum reached exactly",
    method: "majority",
    electorate: 10,
    votes: "4f 1a",
    quorum: 0.5,
    outcome: "adopted",
  },
  {
    name: "abstentions count for quorum",
    method: "majority",
    electorate: 4,
    votes: "1f 1x",
    quorum: 0.5,
    outcome: "adopted",
  },
  {
    name: "quorum beats consent",
    method: "consent",
    electorate: 4,
    votes: "1c",
    quorum: 0.5,
    outcome: "no_quorum",
  },
  {
    name: "full quorum",
    method: "unanimity",
    electorate: 3,
    votes: "2f",
    quorum: 1,
    outcome: "no_quorum",
  },
  // qualified: for / (for + against) ≥ threshold
  {
    name: "two thirds reached",
    method: "qualified",
    electorate: 6,
    votes: "4f 2a",
    threshold: 2 / 3,
    outcome: "adopted",
  },
  {
    name: "two thirds missed",
    method: "qualified",
    electorate: 7,
    votes: "4f 3a",
    threshold: 2 / 3,
    outcome: "rejected",
  },
  {
    name: "threshold reached exactly",
    method: "qualified",
    electorate: 4,
    votes: "3f 1a",
    threshold: 0.75,
    outcome: "adopted",
  },
  {
    name: "abstentions outside the ratio",
    method: "qualified",
    electorate: 9,
    votes: "3f 1a 5x",
    threshold: 0.75,
    outcome: "adopted",
  },
  {
    name: "default threshold is two thirds",
    method: "qualified",
    electorate: 3,
    votes: "2f 1a",
    threshold: null,
    outcome: "adopted",
  },
  {
    name: "nobody took a side",
    method: "qualified",
    electorate: 3,
    votes: "2x",
    threshold: 0.5,
    outcome: "rejected",
  },
  // unanimity: nobody against, at least one for
  { name: "all for", method: "unanimity", electorate: 3, votes: "3f", outcome: "adopted" },
  { name: "one against", method: "unanimity", electorate: 3, votes: "2f 1a", outcome: "rejected" },
  {
    name: "for and abstentions",
    method: "unanimity",
    electorate: 3,
    votes: "1f 2x",
    outcome: "adopted",
  },
  { name: "all abstain", method: "unanimity", electorate: 3, votes: "3x", outcome: "rejected" },
  // consent: adopted unless an objection stands
  { name: "all consent", method: "consent", electorate: 3, votes: "3c", outcome: "adopted" },
  { name: "one objection", method: "consent", electorate: 5, votes: "4c 1o", outcome: "rejected" },
  { name: "silence is consent", method: "consent", electorate: 5, votes: "", outcome: "adopted" },
];

describe("outcomeOf: every method but colleges", () => {
  it.each(cases)("$method — $name → $outcome", (row) => {
    const tally = tallyOf(row.electorate, ballots(row.votes));
    const outcome = outcomeOf({
      method: row.method,
      quorum: row.quorum ?? 0,
      threshold: row.threshold ?? null,
      tally,
    });
    expect(outcome).toBe(row.outcome);
  });
});

describe("tallyOf", () => {
  it("counts every choice and the voters", () => {
    expect(tallyOf(7, ballots("2f 1a 1x"))).toEqual({
      electorate: 7,
      voted: 4,
      for: 2,
      against: 1,
      abstain: 1,
      consent: 0,
      objection: 0,
    });
  });

  it.each([
    ["consent", ["consent", "objection"]],
    ["majority", ["for", "against", "abstain"]],
    ["colleges", ["for", "against", "abstain"]],
  ] as const)("%s offers %j", (method, choices) => {
    expect(choicesFor(method)).toEqual(choices);
  });
});

const scic: College[] = [
  { id: "workers", name: "Salariés", weight: 40 },
  { id: "users", name: "Usagers", weight: 30 },
  { id: "partners", name: "Partenaires", weight: 30 },
];

/** "workers:2f1a" → votes in a college. */
function collegeVotes(spec: string): CollegeVote[] {
  return spec
    .split(" ")
    .filter(Boolean)
    .flatMap((part) => {
      const [collegeId, choices] = part.split(":");
      const id = collegeId === "none" ? null : collegeId;
      return ballots(choices.replace(/(\d+[a-z])/g, "$1 ").trim()).map((choice) => ({
        collegeId: id,
        choice,
      }));
    });
}

interface CollegeCase {
  name: string;
  votes: string;
  results: Array<number | null>;
  weighted: number | null;
  outcome: DecisionOutcome;
}

const collegeCases: CollegeCase[] = [
  {
    name: "all colleges for",
    votes: "workers:2f users:1f partners:3f",
    results: [1, 1, 1],
    weighted: 1,
    outcome: "adopted",
  },
  {
    name: "the heaviest college alone is not enough",
    votes: "workers:3f users:2a partners:1a",
    results: [1, 0, 0],
    weighted: 0.4,
    outcome: "rejected",
  },
  {
    name: "split inside colleges",
    votes: "workers:1f1a users:3f1a partners:1a",
    results: [0.5, 0.75, 0],
    weighted: 0.425,
    outcome: "rejected",
  },
  {
    name: "exactly one half is not a majority",
    votes: "workers:1f1a users:1f1a partners:1f1a",
    results: [0.5, 0.5, 0.5],
    weighted: 0.5,
    outcome: "rejected",
  },
  {
    name: "a silent college: weights renormalised (40→57.1, 30→42.9)",
    votes: "workers:1f users:1a",
    results: [1, 0, null],
    weighted: 40 / 70,
    outcome: "adopted",
  },
  {
    name: "an abstaining college is left out too",
    votes: "workers:1a users:1f partners:4x",
    results: [0, 1, null],
    weighted: 30 / 70,
    outcome: "rejected",
  },
  {
    name: "all abstain",
    votes: "workers:2x users:1x partners:1x",
    results: [null, null, null],
    weighted: null,
    outcome: "rejected",
  },
  {
    name: "votes outside any college count in no college",
    votes: "none:5a workers:1f",
    results: [1, null, null],
    weighted: 1,
    outcome: "adopted",
  },
];

describe("weighColleges and the colleges outcome", () => {
  it.each(collegeCases)("$name", (row) => {
    const votes = collegeVotes(row.votes);
    const weighed = weighColleges(scic, votes);
    expect(weighed.colleges.map((college) => college.result)).toEqual(row.results);
    if (row.weighted === null) expect(weighed.weightedResult).toBeNull();
    else expect(weighed.weightedResult).toBeCloseTo(row.weighted, 10);
    const tally = tallyOf(
      10,
      votes.map((vote) => vote.choice),
    );
    expect(
      outcomeOf({
        method: "colleges",
        quorum: 0,
        threshold: null,
        tally,
        weightedResult: weighed.weightedResult,
      }),
    ).toBe(row.outcome);
  });

  it("keeps the configured weight and counts abstentions per college", () => {
    const weighed = weighColleges(scic, collegeVotes("partners:1f2x"));
    expect(weighed.colleges[2]).toEqual({
      id: "partners",
      name: "Partenaires",
      weight: 30,
      for: 1,
      against: 0,
      abstain: 2,
      result: 1,
    });
  });

  it("applies the quorum before the colleges", () => {
    const votes = collegeVotes("workers:1f");
    const outcome = outcomeOf({
      method: "colleges",
      quorum: 0.5,
      threshold: null,
      tally: tallyOf(
        10,
        votes.map((vote) => vote.choice),
      ),
      weightedResult: weighColleges(scic, votes).weightedResult,
    });
    expect(outcome).toBe("no_quorum");
  });
});

const named = (...weights: number[]) =>
  weights.map((weight, index) => ({ name: `Collège ${index + 1}`, weight }));

describe("collegeWeightsError: the SCIC rules", () => {
  it.each([
    { weights: [40, 30, 30], error: null },
    { weights: [10, 40, 50], error: null },
    { weights: [25, 25, 25, 25], error: null },
    { weights: [33.33, 33.33, 33.34], error: null },
    { weights: [50, 50], error: "au moins 3 collèges" },
    { weights: [], error: "au moins 3 collèges" },
    { weights: [60, 20, 20], error: "« Collège 1 » en a 60 %" },
    { weights: [5, 45, 50], error: "entre 10 % et 50 %" },
    { weights: [40, 30, 20], error: "100 % au total : ils font 90 %" },
    { weights: [40, 40, 40], error: "ils font 120 %" },
  ])("$weights → $error", ({ weights, error }) => {
    const message = collegeWeightsError(named(...weights));
    if (error === null) expect(message).toBeNull();
    else expect(message).toContain(error);
  });

  it("refuses two colleges of the same name", () => {
    const colleges = [
      { name: "Salariés", weight: 40 },
      { name: "salariés ", weight: 30 },
      { name: "Usagers", weight: 30 },
    ];
    expect(collegeWeightsError(colleges)).toContain("Deux collèges portent le nom");
  });
});
