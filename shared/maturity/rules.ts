/**
 * Who may do what with self-assessment campaigns, and when a campaign takes answers. Pure
 * functions: the server enforces them, the client renders with them, rules.test.ts checks
 * them as a table.
 */
import { type Member, readsOnly } from "../permissions";

export const campaignStates = ["scheduled", "open", "closed"] as const;
export type CampaignState = (typeof campaignStates)[number];

/**
 * A campaign takes answers from its first day to its last (YYYY-MM-DD, inclusive) unless a
 * coordinator closed it earlier.
 */
export function campaignState(
  campaign: { opensOn: string; closesOn: string; closedAt: number | null },
  today: string,
): CampaignState {
  if (campaign.closedAt !== null || today > campaign.closesOn) return "closed";
  return today < campaign.opensOn ? "scheduled" : "open";
}

/** Coordinators open and close campaigns and shape the pôle's référentiel. */
export const canManageCampaigns = (member: Member | null) => member?.poleRole === "coordinator";

/** A person answers only the campaigns they were asked to, while those are open. */
export function canAnswer(
  member: Member | null,
  respondent: boolean,
  state: CampaignState,
): boolean {
  return member !== null && member.poleRole !== "observer" && respondent && state === "open";
}

/**
 * Aggregates (never anyone's answers): every member once a campaign is closed; coordinators
 * also while it runs, to follow it.
 */
export function canReadResults(member: Member | null, state: CampaignState): boolean {
  if (member === null) return false;
  return state === "closed" || member.poleRole === "coordinator";
}

/**
 * The maturity markers are argued by the steering committee: its facilitators and members,
 * and the coordinators, set their levels.
 */
export function canSetMarkerLevels(member: Member | null, steeringId: string): boolean {
  if (member === null || readsOnly(member.poleRole)) return false;
  if (member.poleRole === "coordinator") return true;
  const seat = member.circles.find((c) => c.circleId === steeringId);
  return seat?.role === "facilitator" || seat?.role === "member";
}

/** Who is asked to answer: the whole pôle, one circle, or people named one by one. */
export const audienceKinds = ["pole", "circle", "people"] as const;
export type AudienceKind = (typeof audienceKinds)[number];
