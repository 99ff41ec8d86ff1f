import { describe, expect, it } from "vitest";
import {
  canCloseDecision,
  canEditColleges,
  canOpenDecision,
  canReadColleges,
  canReadDecisions,
  canVote,
} from "./decision-permissions";
import { type CircleRole, circleRoles, type Member, type PoleRole, poleRoles } from "./permissions";

type Seat = CircleRole | "none";
const seatsInCircle: Seat[] = ["none", ...circleRoles];

const memberOf = (poleRole: PoleRole | null, seat: Seat): Member | null =>
  poleRole === null
    ? null
    : { poleRole, circles: seat === "none" ? [] : [{ circleId: "circle", role: seat }] };

const people = [...poleRoles, null].flatMap((poleRole) =>
  seatsInCircle.map((seat) => ({ poleRole, seat })),
);

/** The contract's rules, written independently of the implementation. */
const mayOpen = (poleRole: PoleRole | null, seat: Seat) =>
  poleRole === "coordinator" ||
  (poleRole === "member" && (seat === "facilitator" || seat === "member"));

const mayClose = (poleRole: PoleRole | null, seat: Seat, isAuthor: boolean) =>
  poleRole === "coordinator" || (poleRole === "member" && (isAuthor || seat === "facilitator"));

describe("decision rights: the full table", () => {
  it.each(people)("$poleRole seated $seat opens in the circle", ({ poleRole, seat }) => {
    expect(canOpenDecision(memberOf(poleRole, seat), "circle")).toBe(mayOpen(poleRole, seat));
    expect(canOpenDecision(memberOf(poleRole, seat), "elsewhere")).toBe(poleRole === "coordinator");
  });

  it.each(people.flatMap((person) => [true, false].map((isAuthor) => ({ ...person, isAuthor }))))(
    "$poleRole seated $seat, author: $isAuthor, closes",
    ({ poleRole, seat, isAuthor }) => {
      const decision = { circleId: "circle", authorId: isAuthor ? "me" : "someone" };
      expect(canCloseDecision(memberOf(poleRole, seat), "me", decision)).toBe(
        mayClose(poleRole, seat, isAuthor),
      );
    },
  );

  it.each(people)("$poleRole seated $seat reads decisions and colleges", ({ poleRole, seat }) => {
    const member = memberOf(poleRole, seat);
    expect(canReadDecisions(member)).toBe(poleRole !== null);
    expect(canReadColleges(member)).toBe(poleRole !== null);
    expect(canEditColleges(member)).toBe(poleRole === "coordinator");
  });

  it.each([
    { inElectorate: true, state: "open", may: true },
    { inElectorate: true, state: "closed", may: false },
    { inElectorate: false, state: "open", may: false },
    { inElectorate: false, state: "closed", may: false },
  ] as const)(
    "in electorate $inElectorate, $state → votes $may",
    ({ inElectorate, state, may }) => {
      expect(canVote(inElectorate, state)).toBe(may);
    },
  );
});
