/**
 * Who may do what in a pôle. Pure functions over plain data: the server enforces them,
 * the client renders with them, and permissions.test.ts checks them as a full table.
 */
import { type AmendmentState, isDraft } from "./amendments";
import type { DocumentAccess, DocumentKind } from "./documents";

/** A `commenter` reads and comments, never edits; an `observer` only reads. */
export const poleRoles = ["coordinator", "member", "commenter", "observer"] as const;
export type PoleRole = (typeof poleRoles)[number];

export const circleRoles = ["facilitator", "member", "commenter", "observer"] as const;
export type CircleRole = (typeof circleRoles)[number];

export const circleKinds = ["core", "steering", "thematic", "project"] as const;
export type CircleKind = (typeof circleKinds)[number];

/** A person as seen from one pôle: their pôle role and their seats in its circles. */
export interface Member {
  poleRole: PoleRole;
  circles: ReadonlyArray<{ circleId: string; role: CircleRole }>;
}

/** A document as far as rights go: its kind, the circle it belongs to, whether archived. */
export interface DocumentRef {
  kind: DocumentKind;
  circleId: string | null;
  /** Archived documents are read-only for everyone until a coordinator restores them. */
  archived?: boolean;
}

/** The pôle's governing circles, whose members co-write the diagnostic and the charter. */
export interface GoverningCircles {
  coreId: string;
  steeringId: string;
}

const contributes = (role: CircleRole) => role === "facilitator" || role === "member";

/** Pôle roles that never edit nor decide anything, whatever their seats. */
export const readsOnly = (role: PoleRole) => role === "observer" || role === "commenter";

function roleIn(member: Member, circleId: string | null): CircleRole | undefined {
  if (circleId === null) return undefined;
  return member.circles.find((seat) => seat.circleId === circleId)?.role;
}

export function isCoordinator(member: Member | null): boolean {
  return member?.poleRole === "coordinator";
}

/**
 * The right of a person over a document. `null` means none at all: people outside the
 * pôle see nothing of it. Every member of the pôle reads every document; who edits
 * depends on the document's circle.
 */
export function documentAccess(
  member: Member | null,
  doc: DocumentRef,
  governing: GoverningCircles,
): DocumentAccess | null {
  if (member === null) return null;
  if (doc.archived) return "view";
  if (member.poleRole === "coordinator") return "edit";
  if (readsOnly(member.poleRole)) return "view";
  if (doc.kind === "diagnostic" || doc.kind === "charter" || doc.kind === "amendment") {
    const core = roleIn(member, governing.coreId);
    const steering = roleIn(member, governing.steeringId);
    return (core && contributes(core)) || (steering && contributes(steering)) ? "edit" : "view";
  }
  const role = roleIn(member, doc.circleId);
  return role && contributes(role) ? "edit" : "view";
}

/** An amendment as far as rights go: who proposed it and where it stands. */
export interface AmendmentRef {
  authorId: string | null;
  state: AmendmentState;
}

/** Coordinators and members propose amendments to the charter (CONTRACT.md); commenters and observers do not. */
export const canProposeAmendment = (member: Member | null) =>
  member?.poleRole === "coordinator" || member?.poleRole === "member";

/** Its author and the coordinators withdraw an amendment. */
export const canWithdrawAmendment = (member: Member | null, isAuthor: boolean) =>
  member !== null && (member.poleRole === "coordinator" || isAuthor);

/**
 * The right over an amendment's document: a draft is edited by those who edit the charter
 * and by its author; once a decision opens on it, its text is frozen (`view`) for everyone.
 */
export function amendmentAccess(
  member: Member | null,
  userId: string,
  amendment: AmendmentRef,
  governing: GoverningCircles,
): DocumentAccess | null {
  const charter = documentAccess(member, { kind: "charter", circleId: null }, governing);
  if (charter === null) return null;
  if (!isDraft(amendment.state)) return "view";
  if (charter === "edit") return "edit";
  return amendment.authorId === userId && canProposeAmendment(member) ? "edit" : "view";
}

/**
 * The right over a meeting's minutes: those who edit its circle's documents co-write them
 * while the meeting is planned or running; once it is closed they are frozen (`view`).
 */
export function minutesAccess(
  member: Member | null,
  meeting: { circleId: string; closed: boolean },
  governing: GoverningCircles,
): DocumentAccess | null {
  const right = documentAccess(member, { kind: "minutes", circleId: meeting.circleId }, governing);
  return right === null || meeting.closed ? right && "view" : right;
}

/** Whoever may add a page to a circle plans, edits and closes its meetings. */
export const canRunMeeting = (member: Member | null, circleId: string) =>
  canCreatePage(member, circleId);

/** Each person answers for themselves; whoever runs the meeting ticks for them on arrival. */
export const canAnswerAttendance = (member: Member | null, circleId: string, isSelf: boolean) =>
  member !== null &&
  ((isSelf && member.poleRole !== "observer") || canRunMeeting(member, circleId));

/** A meeting's task becomes a card of its circle's board for those who edit that board. */
export const canTurnTaskIntoCard = (member: Member | null, circleId: string) =>
  canCreatePage(member, circleId);

export const canRead = (member: Member | null, doc: DocumentRef, governing: GoverningCircles) =>
  documentAccess(member, doc, governing) !== null;

export const canEdit = (member: Member | null, doc: DocumentRef, governing: GoverningCircles) =>
  documentAccess(member, doc, governing) === "edit";

/**
 * Comments on a document: whoever edits it, and commenters (of the pôle, or seated as such
 * in its circle). Observers only read.
 */
export function canComment(
  member: Member | null,
  doc: DocumentRef,
  governing: GoverningCircles,
): boolean {
  if (member === null || member.poleRole === "observer") return false;
  if (member.poleRole === "commenter" || roleIn(member, doc.circleId) === "commenter") return true;
  return canEdit(member, doc, governing);
}

/** Free pages go in a circle; whoever edits that circle's documents may add one. */
export function canCreatePage(member: Member | null, circleId: string): boolean {
  if (member === null || readsOnly(member.poleRole)) return false;
  if (member.poleRole === "coordinator") return true;
  const role = roleIn(member, circleId);
  return role !== undefined && contributes(role);
}

/** Coordinators place anyone; a circle's facilitators place people in their own circle. */
export function canManageCircle(member: Member | null, circleId: string): boolean {
  if (member === null) return false;
  if (member.poleRole === "coordinator") return true;
  if (readsOnly(member.poleRole)) return false;
  return roleIn(member, circleId) === "facilitator";
}

export const canCreateCircle = (member: Member | null) => isCoordinator(member);

/** Founding another pôle: anyone signed in, or only coordinators when the instance says so. */
export const canFoundPole = ({
  allowPoleCreation,
  coordinatesAPole,
}: {
  allowPoleCreation: boolean;
  coordinatesAPole: boolean;
}) => allowPoleCreation || coordinatesAPole;
export const canInvite = (member: Member | null) => isCoordinator(member);

// The collective (pôle profile, people, structures, onboarding, audit).

/** The pôle's profile is read by every member and written by its coordinators. */
export const canEditPoleProfile = (member: Member | null) => isCoordinator(member);

/** Who did what: the audit log, and newcomers' progress, are the coordinators' tools. */
export const canReadAudit = (member: Member | null) => isCoordinator(member);
export const canFollowNewcomers = (member: Member | null) => isCoordinator(member);
export const canChangePoleRole = (member: Member | null) => isCoordinator(member);
/** Removing someone from the pôle, and giving them a link to reset a forgotten password. */
export const canRemovePeople = (member: Member | null) => isCoordinator(member);
export const canResetPasswords = (member: Member | null) => isCoordinator(member);

/** People's e-mail addresses, in every answer that lists people: the coordinators' only. */
export const canSeeEmails = (member: Member | null) => isCoordinator(member);

/** Each person edits their own profile; coordinators keep everyone's up to date. */
export function canEditPerson(member: Member | null, isSelf: boolean): boolean {
  if (member === null) return false;
  return isSelf || member.poleRole === "coordinator";
}

/** Anyone in the pôle may add their structure; its own people and coordinators edit it. */
export const canCreateStructure = (member: Member | null) => member !== null;
export function canEditStructure(member: Member | null, belongsToIt: boolean): boolean {
  if (member === null) return false;
  return member.poleRole === "coordinator" || (belongsToIt && !readsOnly(member.poleRole));
}

/** A request to join a structure is answered by those who edit that structure. */
export const canAnswerStructureRequest = canEditStructure;

/**
 * Joining a structure without a request: a coordinator placing someone, or the first
 * person of a structure that has nobody yet (nobody could answer the request; the journal
 * shows it to the coordinators, who can undo it).
 */
export const joinsStructureDirectly = (actor: Member, structureHeadcount: number) =>
  actor.poleRole === "coordinator" || structureHeadcount === 0;

/**
 * An onboarding suggestion places a newcomer: it is decided by those who place people in
 * the suggested circle (coordinators, its facilitators), and moved to another circle only
 * by someone who places people in that one too.
 */
export const canDecideSuggestion = (
  member: Member | null,
  { suggestedId, targetId }: { suggestedId: string; targetId: string },
) => canManageCircle(member, suggestedId) && canManageCircle(member, targetId);

/** Renaming a group: whoever places people in it. Archiving, deleting, restoring: coordinators. */
export const canRenameCircle = canManageCircle;
export const canArchiveCircle = (member: Member | null) => isCoordinator(member);

/** A circle's theme and description: whoever places people in it. */
export const canEditCircleDetails = canManageCircle;
