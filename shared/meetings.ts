/**
 * Meetings of a circle (CONTRACT.md "Meetings"): their states, the kinds of agenda items,
 * the answers to an invitation, and the agenda each kind of circle usually starts from.
 */
import type { CircleKind } from "./permissions";

export const meetingStates = ["planned", "closed", "cancelled"] as const;
export type MeetingState = (typeof meetingStates)[number];

export const agendaItemKinds = ["information", "discussion", "decision"] as const;
export type AgendaItemKind = (typeof agendaItemKinds)[number];

/** présent·e, excusé·e, représenté·e par un autre membre du cercle. */
export const attendanceStatuses = ["present", "excused", "represented"] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

export interface AgendaTemplateItem {
  title: string;
  kind: AgendaItemKind;
  durationMinutes: number;
}

/** Every meeting opens on the follow-up of the last one and closes on the next dates. */
const opening: AgendaTemplateItem = {
  title: "Approbation du compte rendu précédent",
  kind: "decision",
  durationMinutes: 10,
};
const closing: AgendaTemplateItem = {
  title: "Prochaines dates",
  kind: "information",
  durationMinutes: 5,
};

/** The usual agenda of each kind of circle (DOMAIN.md: the COPIL's, a thematic group's…). */
export const agendaTemplates: Record<CircleKind, readonly AgendaTemplateItem[]> = {
  core: [
    opening,
    { title: "Vie du pôle et de ses membres", kind: "information", durationMinutes: 20 },
    { title: "Décisions", kind: "decision", durationMinutes: 30 },
    closing,
  ],
  steering: [
    opening,
    { title: "Nouvelles des groupes thématiques", kind: "information", durationMinutes: 30 },
    { title: "Décisions", kind: "decision", durationMinutes: 30 },
    closing,
  ],
  thematic: [
    opening,
    { title: "Avancement des projets", kind: "discussion", durationMinutes: 40 },
    { title: "Décisions", kind: "decision", durationMinutes: 20 },
    closing,
  ],
  project: [
    opening,
    { title: "Où en est le projet", kind: "discussion", durationMinutes: 30 },
    { title: "Décisions", kind: "decision", durationMinutes: 15 },
    closing,
  ],
};

/** A meeting lasts an hour and a half unless its end is given. */
export const DEFAULT_DURATION_MINUTES = 90;

/** Why a new meeting's times cannot be kept, or null when they can. */
export function meetingTimesError(
  { startsAt, endsAt }: { startsAt: number; endsAt: number },
  now: number,
): string | null {
  if (startsAt < now) return "La réunion ne peut pas commencer dans le passé.";
  if (endsAt <= startsAt) return "La fin de la réunion doit venir après son début.";
  return null;
}

/** A task is overdue once its day has passed without it being done (days in UTC). */
export const isOverdue = (task: { dueOn: string | null; done: boolean }, today: string) =>
  !task.done && task.dueOn !== null && task.dueOn < today;
