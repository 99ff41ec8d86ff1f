import { describe, expect, it } from "vitest";
import type { InterestLevel } from "./collective";
import type { CircleRole, PoleRole } from "./permissions";
import { circlesToSuggest, type SuggestedCircles, turnsObserverIntoEditor } from "./suggestions";

const circles = [
  { id: "core", kind: "core" },
  { id: "steering", kind: "steering" },
  { id: "theme-a", kind: "thematic" },
  { id: "theme-b", kind: "thematic" },
  { id: "project-a", kind: "project" },
] as const;

/** interest, chosen, already contributes in → suggested circles or the error shown. */
const table: Array<[InterestLevel, string[], string[], SuggestedCircles]> = [
  ["founder", [], [], { circleIds: ["core"] }],
  ["founder", ["theme-a"], [], { circleIds: ["core"] }],
  ["founder", [], ["core"], { circleIds: [] }],
  ["territory", [], [], { circleIds: ["steering"] }],
  ["territory", [], ["core"], { circleIds: ["steering"] }],
  ["territory", [], ["steering"], { circleIds: [] }],
  ["theme", ["theme-a"], [], { circleIds: ["theme-a"] }],
  ["theme", ["theme-a", "theme-b", "theme-a"], [], { circleIds: ["theme-a", "theme-b"] }],
  ["theme", ["theme-a", "theme-b"], ["theme-b"], { circleIds: ["theme-a"] }],
  ["theme", [], [], { error: "Choisissez au moins un groupe thématique qui vous intéresse." }],
  ["theme", ["project-a"], [], { error: "Ce cercle n'est pas un groupe thématique de ce pôle." }],
  ["theme", ["elsewhere"], [], { error: "Ce cercle n'est pas un groupe thématique de ce pôle." }],
  ["project", ["project-a"], [], { circleIds: ["project-a"] }],
  ["project", ["project-a"], ["project-a"], { circleIds: [] }],
  ["project", [], [], { error: "Choisissez au moins un groupe projet qui vous intéresse." }],
  ["project", ["theme-a"], [], { error: "Ce cercle n'est pas un groupe projet de ce pôle." }],
];

describe("circles suggested to a newcomer", () => {
  it.each(table)("%s, chose %j, contributes in %j", (interest, chosen, contributesIn, expected) => {
    expect(circlesToSuggest({ interest, circles, chosen, contributesIn })).toEqual(expected);
  });
});

describe("a confirmation that turns an observer into an editor", () => {
  const cases: Array<[PoleRole, CircleRole | null, CircleRole, boolean]> = [
    ["member", "observer", "member", true],
    ["member", "observer", "facilitator", true],
    ["member", "observer", "observer", false],
    ["member", null, "member", false],
    ["member", "member", "facilitator", false],
    ["coordinator", "observer", "member", true],
    ["observer", "observer", "member", false],
  ];
  it.each(cases)("pôle %s seated %s, placed as %s: %s", (poleRole, seat, role, turns) => {
    const circles = seat ? [{ circleId: "c", role: seat }] : [];
    expect(turnsObserverIntoEditor({ poleRole, circles }, { circleId: "c", role })).toBe(turns);
  });
});
