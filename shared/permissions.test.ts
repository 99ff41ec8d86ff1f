import { describe, expect, it } from "vitest";
import { type DocumentAccess, type DocumentKind, documentKinds } from "./documents";
import {
  amendmentAccess,
  type CircleRole,
  canAnswerAttendance,
  canAnswerStructureRequest,
  canChangePoleRole,
  canComment,
  canCreateCircle,
  canCreatePage,
  canCreateStructure,
  canDecideSuggestion,
  canEditCircleDetails,
  canEditPerson,
  canEditPoleProfile,
  canEditStructure,
  canFollowNewcomers,
  canInvite,
  canManageCircle,
  canProposeAmendment,
  canReadAudit,
  canRemovePeople,
  canResetPasswords,
  canRunMeeting,
  canSeeEmails,
  canTurnTaskIntoCard,
  canWithdrawAmendment,
  circleRoles,
  documentAccess,
  joinsStructureDirectly,
  type Member,
  minutesAccess,
  type PoleRole,
  poleRoles,
} from "./permissions";

const governing = { coreId: "core", steeringId: "steering" };
const circleOf: Record<DocumentKind, string> = {
  diagnostic: "steering",
  charter: "core",
  board: "thematic",
  project: "project",
  page: "thematic",
  amendment: "core",
  minutes: "thematic",
};
/** Where a person may sit: nowhere, or in one of the pôle's circles with a role. */
const seats: Array<{ circleId: string; role: CircleRole } | null> = [
  null,
  ...["core", "steering", "thematic", "project", "other"].flatMap((circleId) =>
    circleRoles.map((role) => ({ circleId, role })),
  ),
];

/** The rules of CONTRACT.md, written independently of the implementation. */
function expected(
  poleRole: PoleRole | null,
  seat: (typeof seats)[number],
  kind: DocumentKind,
): DocumentAccess | null {
  if (poleRole === null) return null;
  if (poleRole === "coordinator") return "edit";
  if (poleRole === "observer" || poleRole === "commenter") return "view";
  if (!seat || seat.role === "observer" || seat.role === "commenter") return "view";
  if (kind === "diagnostic" || kind === "charter" || kind === "amendment") {
    return seat.circleId === "core" || seat.circleId === "steering" ? "edit" : "view";
  }
  return seat.circleId === circleOf[kind] ? "edit" : "view";
}

const cases = [...poleRoles, null].flatMap((poleRole) =>
  seats.flatMap((seat) => documentKinds.map((kind) => ({ poleRole, seat, kind }))),
);

describe("documentAccess: the full table", () => {
  it.each(cases)("$poleRole seated $seat reading a $kind", ({ poleRole, seat, kind }) => {
    const member: Member | null = poleRole ? { poleRole, circles: seat ? [seat] : [] } : null;
    const access = documentAccess(member, { kind, circleId: circleOf[kind] }, governing);
    expect(access).toBe(expected(poleRole, seat, kind));
  });

  it("counts 735 combinations", () => expect(cases.length).toBe(5 * 21 * 7));

  it("gives the best of several seats", () => {
    const member: Member = {
      poleRole: "member",
      circles: [
        { circleId: "core", role: "observer" },
        { circleId: "steering", role: "member" },
      ],
    };
    expect(documentAccess(member, { kind: "diagnostic", circleId: "steering" }, governing)).toBe(
      "edit",
    );
    expect(documentAccess(member, { kind: "page", circleId: "core" }, governing)).toBe("view");
  });
});

describe("canComment: commenters read and comment, never edit", () => {
  const commentCases = [...poleRoles, null].flatMap((poleRole) =>
    seats.flatMap((seat) => documentKinds.map((kind) => ({ poleRole, seat, kind }))),
  );
  /** Editors comment; so do commenters of the pôle or of the document's circle. */
  function expectedComment(
    poleRole: PoleRole | null,
    seat: (typeof seats)[number],
    kind: DocumentKind,
  ): boolean {
    if (poleRole === null || poleRole === "observer") return false;
    if (poleRole === "commenter") return true;
    if (seat?.role === "commenter" && seat.circleId === circleOf[kind]) return true;
    return expected(poleRole, seat, kind) === "edit";
  }

  it.each(commentCases)("$poleRole seated $seat on a $kind", ({ poleRole, seat, kind }) => {
    const member: Member | null = poleRole ? { poleRole, circles: seat ? [seat] : [] } : null;
    const doc = { kind, circleId: circleOf[kind] };
    expect(canComment(member, doc, governing)).toBe(expectedComment(poleRole, seat, kind));
  });
});

describe("circle and pôle rights", () => {
  const member = (poleRole: PoleRole, role?: CircleRole): Member => ({
    poleRole,
    circles: role ? [{ circleId: "c", role }] : [],
  });

  it.each([
    ["coordinator", undefined, true, true, true],
    ["member", "facilitator", true, true, false],
    ["member", "member", true, false, false],
    ["member", "observer", false, false, false],
    ["member", undefined, false, false, false],
    ["member", "commenter", false, false, false],
    ["commenter", "facilitator", false, false, false],
    ["observer", "facilitator", false, false, false],
  ] as const)(
    "%s seated as %s: page %s, manage %s, invite %s",
    (poleRole, role, page, manage, invite) => {
      const m = member(poleRole, role);
      expect(canCreatePage(m, "c")).toBe(page);
      expect(canManageCircle(m, "c")).toBe(manage);
      expect(canInvite(m)).toBe(invite);
      expect(canCreateCircle(m)).toBe(invite);
    },
  );

  it("refuses everything to people outside the pôle", () => {
    expect(canCreatePage(null, "c")).toBe(false);
    expect(canManageCircle(null, "c")).toBe(false);
    expect(canInvite(null)).toBe(false);
  });
});

describe("the collective's rules", () => {
  const as = (poleRole: PoleRole, role?: CircleRole): Member => ({
    poleRole,
    circles: role ? [{ circleId: "c", role }] : [],
  });

  it.each([
    // poleRole, seat, own profile, other's profile, own structure, other structure, circle details
    ["coordinator", undefined, true, true, true, true, true],
    ["member", "facilitator", true, false, true, false, true],
    ["member", "member", true, false, true, false, false],
    ["member", undefined, true, false, true, false, false],
    ["commenter", "facilitator", true, false, false, false, false],
    ["observer", "facilitator", true, false, false, false, false],
  ] as const)(
    "%s seated as %s",
    (poleRole, role, ownProfile, otherProfile, ownStructure, otherStructure, details) => {
      const m = as(poleRole, role);
      expect(canEditPerson(m, true)).toBe(ownProfile);
      expect(canEditPerson(m, false)).toBe(otherProfile);
      expect(canEditStructure(m, true)).toBe(ownStructure);
      expect(canEditStructure(m, false)).toBe(otherStructure);
      expect(canEditCircleDetails(m, "c")).toBe(details);
      expect(canCreateStructure(m)).toBe(true);
      const coordinator = poleRole === "coordinator";
      expect(canAnswerStructureRequest(m, true)).toBe(ownStructure);
      expect(canAnswerStructureRequest(m, false)).toBe(otherStructure);
      for (const rule of [
        canEditPoleProfile,
        canReadAudit,
        canFollowNewcomers,
        canChangePoleRole,
        canRemovePeople,
        canResetPasswords,
        canSeeEmails,
      ]) {
        expect(rule(m)).toBe(coordinator);
      }
    },
  );

  it("refuses everything to people outside the pôle", () => {
    for (const rule of [
      canEditPoleProfile,
      canReadAudit,
      canFollowNewcomers,
      canChangePoleRole,
      canRemovePeople,
      canResetPasswords,
      canCreateStructure,
      canSeeEmails,
    ]) {
      expect(rule(null)).toBe(false);
    }
    expect(canDecideSuggestion(null, { suggestedId: "c", targetId: "c" })).toBe(false);
    expect(canEditPerson(null, true)).toBe(false);
    expect(canEditStructure(null, true)).toBe(false);
    expect(canEditCircleDetails(null, "c")).toBe(false);
  });
});

describe("joining a structure and deciding a suggestion", () => {
  const seated = (poleRole: PoleRole, seats: Array<[string, CircleRole]>): Member => ({
    poleRole,
    circles: seats.map(([circleId, role]) => ({ circleId, role })),
  });

  it.each([
    ["coordinator", 3, true],
    ["coordinator", 0, true],
    ["member", 0, true],
    ["member", 1, false],
    ["observer", 0, true],
    ["observer", 2, false],
  ] as const)("a %s joins a structure of %i people directly: %s", (poleRole, count, direct) => {
    expect(joinsStructureDirectly(seated(poleRole, []), count)).toBe(direct);
  });

  it.each([
    // poleRole, seats, target circle, decides
    ["coordinator", [], "x", true],
    ["coordinator", [], "y", true],
    ["member", [["x", "facilitator"]], "x", true],
    ["member", [["x", "facilitator"]], "y", false],
    ["member", [["y", "facilitator"]], "y", false],
    [
      "member",
      [
        ["x", "facilitator"],
        ["y", "facilitator"],
      ],
      "y",
      true,
    ],
    ["member", [["x", "member"]], "x", false],
    ["observer", [["x", "facilitator"]], "x", false],
  ] as const)(
    "a %s seated %j decides a suggestion for x placed in %s: %s",
    (poleRole, seats, targetId, decides) => {
      const member = seated(
        poleRole,
        seats.map(([c, r]) => [c, r] as [string, CircleRole]),
      );
      expect(canDecideSuggestion(member, { suggestedId: "x", targetId })).toBe(decides);
    },
  );
});

describe("nested circles: rights do not flow between a thematic group and its projects", () => {
  const kinds = ["core", "steering", "thematic", "project"] as const;
  /** One circle of each kind; a project group sits under the thematic group. */
  const circleIdOf = {
    core: "core",
    steering: "steering",
    thematic: "thematic",
    project: "project",
  };
  const rows = kinds.flatMap((seatKind) =>
    circleRoles.flatMap((role) => kinds.map((docCircle) => ({ seatKind, role, docCircle }))),
  );

  it.each(rows)(
    "a $role of the $seatKind circle on a page of the $docCircle circle",
    ({ seatKind, role, docCircle }) => {
      const member: Member = {
        poleRole: "member",
        circles: [{ circleId: circleIdOf[seatKind], role }],
      };
      const access = documentAccess(
        member,
        { kind: "page", circleId: circleIdOf[docCircle] },
        governing,
      );
      const contributes = role === "facilitator" || role === "member";
      expect(access).toBe(contributes && seatKind === docCircle ? "edit" : "view");
    },
  );

  it("counts 64 combinations", () => expect(rows.length).toBe(4 * 4 * 4));
});

describe("amendments", () => {
  const as = (poleRole: PoleRole, circleId?: string, role?: CircleRole): Member => ({
    poleRole,
    circles: circleId && role ? [{ circleId, role }] : [],
  });
  const draft = (authorId: string | null) => ({ authorId, state: "draft" as const });

  it.each([
    // who, is the author, draft access, propose, withdraw
    ["coordinator", as("coordinator"), false, "edit", true, true],
    ["core member", as("member", "core", "member"), false, "edit", true, false],
    ["steering facilitator", as("member", "steering", "facilitator"), false, "edit", true, false],
    ["core observer", as("member", "core", "observer"), false, "view", true, false],
    ["member elsewhere", as("member", "thematic", "member"), false, "view", true, false],
    ["member elsewhere, author", as("member", "thematic", "member"), true, "edit", true, true],
    ["pôle observer", as("observer"), false, "view", false, false],
    ["pôle observer, author", as("observer"), true, "view", false, true],
    [
      "pôle commenter seated in the core",
      as("commenter", "core", "member"),
      false,
      "view",
      false,
      false,
    ],
    ["core commenter", as("member", "core", "commenter"), false, "view", true, false],
  ] as const)("%s", (_who, member, isAuthor, access, propose, withdraw) => {
    const amendment = draft(isAuthor ? "me" : "someone");
    expect(amendmentAccess(member, "me", amendment, governing)).toBe(access);
    expect(canProposeAmendment(member)).toBe(propose);
    expect(canWithdrawAmendment(member, isAuthor)).toBe(withdraw);
  });

  it.each(["voting", "adopted", "rejected", "withdrawn"] as const)(
    "freezes the text once %s, for everyone",
    (state) => {
      for (const member of [as("coordinator"), as("member", "core", "facilitator")]) {
        expect(amendmentAccess(member, "me", { authorId: "me", state }, governing)).toBe("view");
      }
    },
  );

  it("shows nothing to people outside the pôle", () => {
    expect(amendmentAccess(null, "me", draft("me"), governing)).toBeNull();
    expect(canProposeAmendment(null)).toBe(false);
    expect(canWithdrawAmendment(null, true)).toBe(false);
  });
});

describe("meetings", () => {
  const as = (poleRole: PoleRole, role?: CircleRole): Member => ({
    poleRole,
    circles: role ? [{ circleId: "thematic", role }] : [],
  });
  const meeting = (closed: boolean) => ({ circleId: "thematic", closed });

  it.each([
    // who, minutes while open, run it (agenda, timer, links, tasks), answer for oneself,
    // answer for another, turn a task into a card of the circle's board
    ["coordinator", as("coordinator"), "edit", true, true, true, true],
    ["facilitator", as("member", "facilitator"), "edit", true, true, true, true],
    ["circle member", as("member", "member"), "edit", true, true, true, true],
    ["circle commenter", as("member", "commenter"), "view", false, true, false, false],
    ["circle observer", as("member", "observer"), "view", false, true, false, false],
    ["member elsewhere", as("member"), "view", false, true, false, false],
    ["pôle commenter", as("commenter", "member"), "view", false, true, false, false],
    ["pôle observer", as("observer"), "view", false, false, false, false],
  ] as const)("%s", (_who, member, open, run, self, other, card) => {
    expect(minutesAccess(member, meeting(false), governing)).toBe(open);
    expect(minutesAccess(member, meeting(true), governing)).toBe("view");
    expect(canRunMeeting(member, "thematic")).toBe(run);
    expect(canAnswerAttendance(member, "thematic", true)).toBe(self);
    expect(canAnswerAttendance(member, "thematic", false)).toBe(other);
    expect(canTurnTaskIntoCard(member, "thematic")).toBe(card);
  });

  it("shows nothing to people outside the pôle", () => {
    expect(minutesAccess(null, meeting(false), governing)).toBeNull();
    expect(minutesAccess(null, meeting(true), governing)).toBeNull();
    expect(canRunMeeting(null, "thematic")).toBe(false);
    expect(canAnswerAttendance(null, "thematic", true)).toBe(false);
    expect(canTurnTaskIntoCard(null, "thematic")).toBe(false);
  });
});
