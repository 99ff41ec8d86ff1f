import { describe, expect, it } from "vitest";
import type { Member } from "../permissions";
import {
  type CampaignState,
  campaignState,
  canAnswer,
  canManageCampaigns,
  canReadResults,
  canSetMarkerLevels,
} from "./rules";

const steeringId = "steering";
const people: Record<string, Member | null> = {
  outsider: null,
  coordinator: { poleRole: "coordinator", circles: [] },
  member: { poleRole: "member", circles: [] },
  observer: { poleRole: "observer", circles: [] },
  steeringMember: { poleRole: "member", circles: [{ circleId: steeringId, role: "member" }] },
  steeringObserver: { poleRole: "member", circles: [{ circleId: steeringId, role: "observer" }] },
};

describe("campaignState", () => {
  const campaign = { opensOn: "2026-12-01", closesOn: "2026-12-31", closedAt: null };
  it.each([
    { today: "2026-11-30", closedAt: null, state: "scheduled" },
    { today: "2026-12-01", closedAt: null, state: "open" },
    { today: "2026-12-31", closedAt: null, state: "open" },
    { today: "2027-01-01", closedAt: null, state: "closed" },
    { today: "2026-12-10", closedAt: 1, state: "closed" },
  ])("$today, closed at $closedAt → $state", ({ today, closedAt, state }) => {
    expect(campaignState({ ...campaign, closedAt }, today)).toBe(state);
  });
});

type Row = [
  person: string,
  manage: boolean,
  answerOpen: boolean,
  resultsOpen: boolean,
  resultsClosed: boolean,
  markers: boolean,
];

describe("who may do what", () => {
  const table: Row[] = [
    ["outsider", false, false, false, false, false],
    ["coordinator", true, true, true, true, true],
    ["member", false, true, false, true, false],
    ["observer", false, false, false, true, false],
    ["steeringMember", false, true, false, true, true],
    ["steeringObserver", false, true, false, true, false],
  ];
  it.each(table)("%s", (person, manage, answerOpen, resultsOpen, resultsClosed, markers) => {
    const member = people[person];
    expect(canManageCampaigns(member)).toBe(manage);
    expect(canAnswer(member, true, "open")).toBe(answerOpen);
    expect(canReadResults(member, "open")).toBe(resultsOpen);
    expect(canReadResults(member, "closed")).toBe(resultsClosed);
    expect(canSetMarkerLevels(member, steeringId)).toBe(markers);
  });

  it.each<CampaignState>(["scheduled", "closed"])("nobody answers a %s campaign", (state) => {
    for (const member of Object.values(people)) expect(canAnswer(member, true, state)).toBe(false);
  });

  it("nobody answers a campaign they were not asked to", () => {
    for (const member of Object.values(people))
      expect(canAnswer(member, false, "open")).toBe(false);
  });
});
