/**
 * Who may open, vote on, close and read decisions, and set the pôle's voting colleges.
 * Pure functions over plain data, like permissions.ts, checked as a table in the tests.
 */
import { type CircleRole, type Member, readsOnly } from "./permissions";

/** Facilitators and members of a circle take part in its decisions; commenters and observers only read. */
export const votesIn = (role: CircleRole) => role === "facilitator" || role === "member";

const seatIn = (member: Member, circleId: string) =>
  member.circles.find((seat) => seat.circleId === circleId)?.role;

/** A decision opens in a circle: its facilitators and members, or a coordinator. */
export function canOpenDecision(member: Member | null, circleId: string): boolean {
  if (member === null || readsOnly(member.poleRole)) return false;
  if (member.poleRole === "coordinator") return true;
  const role = seatIn(member, circleId);
  return role !== undefined && votesIn(role);
}

/** Every member of the pôle reads its decision log, observers included. */
export const canReadDecisions = (member: Member | null) => member !== null;

export interface DecisionRef {
  circleId: string;
  authorId: string | null;
}

/** Its author, the circle's facilitators and coordinators close a decision. */
export function canCloseDecision(
  member: Member | null,
  userId: string,
  decision: DecisionRef,
): boolean {
  if (member === null) return false;
  if (member.poleRole === "coordinator") return true;
  if (readsOnly(member.poleRole)) return false;
  return decision.authorId === userId || seatIn(member, decision.circleId) === "facilitator";
}

/** The electorate was frozen at opening: only those in it vote, whatever they became since. */
export const canVote = (inElectorate: boolean, state: "open" | "closed") =>
  inElectorate && state === "open";

/** Colleges are the statutes' business: coordinators set them, every member reads them. */
export const canEditColleges = (member: Member | null) => member?.poleRole === "coordinator";
export const canReadColleges = (member: Member | null) => member !== null;
