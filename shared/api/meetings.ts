/**
 * Meetings over HTTP (CONTRACT.md "Meetings"): request bodies and answers, defined once.
 * The server validates bodies and checks its answers against these types; the client
 * parses what it receives with the same schemas.
 */
import { z } from "zod/mini";
import { decisionMethods, decisionOutcomes, decisionStates } from "../decisions";
import { agendaItemKinds, attendanceStatuses, meetingStates } from "../meetings";
import { id, text } from "./fields";

const filled = (max: number, missing: string) =>
  z
    .string()
    .check(z.trim(), z.minLength(1, missing), z.maxLength(max, `${max} caractères au plus.`));
const instant = (what: string) =>
  z.iso.datetime({ offset: true, error: `${what} invalide : une date et une heure ISO 8601.` });
const minutes = (what: string) =>
  z
    .int({ error: `${what} : un nombre entier de minutes.` })
    .check(
      z.gte(1, `${what} : au moins une minute.`),
      z.lte(24 * 60, `${what} : une journée au plus.`),
    );
const day = z.iso.date({ error: "Échéance invalide : une date AAAA-MM-JJ." });
const title = filled(300, "Le titre est requis.");
const agendaKind = z.enum(agendaItemKinds, {
  error: `Type de point inconnu : ${agendaItemKinds.join(", ")}.`,
});

export const PlanMeetingBody = z.object({
  circleId: id,
  title,
  startsAt: instant("Début"),
  /** Beyond the contract: its end, or its length (an hour and a half when neither). */
  endsAt: z.optional(instant("Fin")),
  durationMinutes: z.optional(minutes("La durée")),
  place: z.optional(text(300)),
  videoUrl: z.optional(
    z.union([z.literal(""), z.url({ protocol: /^https?$/, error: "Lien de visio invalide." })]),
  ),
});
export type PlanMeetingBody = z.infer<typeof PlanMeetingBody>;

export const PlannedMeeting = z.object({ id: z.string(), documentId: z.string() });
export type PlannedMeeting = z.infer<typeof PlannedMeeting>;

export const AgendaItemBody = z.object({
  title,
  kind: agendaKind,
  durationMinutes: z.optional(z.nullable(minutes("La durée"))),
  presenterId: z.optional(z.nullable(id)),
});
export type AgendaItemBody = z.infer<typeof AgendaItemBody>;

export const AgendaItemPatch = z.partial(AgendaItemBody);
export type AgendaItemPatch = z.infer<typeof AgendaItemPatch>;

export const AgendaOrderBody = z.object({ itemIds: z.array(id) });
export type AgendaOrderBody = z.infer<typeof AgendaOrderBody>;

export const AttendanceBody = z.object({
  /** Whom the answer is for: oneself when absent. */
  userId: z.optional(id),
  status: z.enum(attendanceStatuses, {
    error: `Réponse inconnue : ${attendanceStatuses.join(", ")}.`,
  }),
  proxyId: z.optional(z.nullable(id)),
});
export type AttendanceBody = z.infer<typeof AttendanceBody>;

export const TaskBody = z.object({
  title,
  assigneeId: id,
  dueOn: z.optional(z.nullable(day)),
});
export type TaskBody = z.infer<typeof TaskBody>;

export const TaskPatch = z.object({ done: z.boolean({ error: "done : vrai ou faux." }) });
export type TaskPatch = z.infer<typeof TaskPatch>;

export const ItemDecisionBody = z.object({
  method: z.enum(decisionMethods, {
    error: `Méthode inconnue : choisissez ${decisionMethods.join(", ")}.`,
  }),
  text: z.optional(text(20_000)),
  closesAt: z.optional(z.nullable(instant("Date de clôture"))),
});
export type ItemDecisionBody = z.infer<typeof ItemDecisionBody>;

export const TaskView = z.object({
  id: z.string(),
  title: z.string(),
  assigneeId: z.string(),
  assigneeName: z.string(),
  dueOn: z.nullable(z.string()),
  done: z.boolean(),
  overdue: z.boolean(),
  circleId: z.string(),
  meetingId: z.nullable(z.string()),
  /** The board card it was turned into. */
  card: z.nullable(z.object({ boardId: z.string(), cardId: z.string() })),
});
export type TaskView = z.infer<typeof TaskView>;
export const TaskList = z.array(TaskView);

export const AgendaItemView = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(agendaItemKinds),
  durationMinutes: z.nullable(z.number()),
  presenterId: z.nullable(z.string()),
  decisionId: z.optional(z.string()),
  /** Where the decision opened from this item stands. */
  decision: z.optional(
    z.object({
      state: z.enum(decisionStates),
      outcome: z.nullable(z.enum(decisionOutcomes)),
    }),
  ),
});
export type AgendaItemView = z.infer<typeof AgendaItemView>;

export const AttendanceView = z.object({
  userId: z.string(),
  name: z.string(),
  status: z.nullable(z.enum(attendanceStatuses)),
  proxyId: z.nullable(z.string()),
});

export const MeetingSummary = z.object({
  id: z.string(),
  circleId: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  state: z.enum(meetingStates),
  documentId: z.string(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;
export const MeetingList = z.array(MeetingSummary);

export const MeetingView = z.extend(MeetingSummary, {
  place: z.string(),
  videoUrl: z.string(),
  minutesVersionId: z.nullable(z.string()),
  agenda: z.array(AgendaItemView),
  /** The circle's people (and anyone who answered), each with their answer or null. */
  attendance: z.array(AttendanceView),
  tasks: z.array(TaskView),
  /** Whether the caller plans, edits and closes it. */
  canRun: z.boolean(),
});
export type MeetingView = z.infer<typeof MeetingView>;
