/**
 * Meetings in calendars and series over HTTP: changing a meeting's date or place,
 * cancelling it, the series' rule, the next meeting, items covered or not, the pôle's
 * calendar and each person's secret feed. Beyond CONTRACT.md's "Meetings" table.
 */
import { z } from "zod/mini";
import { weekdayRanks } from "../meeting-series";
import { agendaItemKinds } from "../meetings";
import { MeetingSummary, PlanMeetingBody, TaskView } from "./meetings";

/** A new date, length, place or video link; whatever is left out stays. */
export const RescheduleBody = z.partial(
  z.pick(PlanMeetingBody, {
    startsAt: true,
    endsAt: true,
    durationMinutes: true,
    place: true,
    videoUrl: true,
  }),
);
export type RescheduleBody = z.infer<typeof RescheduleBody>;

export const SeriesRule = z.discriminatedUnion(
  "every",
  [
    z.object({
      every: z.literal("weeks"),
      interval: z
        .int({ error: "Intervalle : un nombre entier de semaines." })
        .check(
          z.gte(1, "Au moins une semaine d'écart."),
          z.lte(12, "Douze semaines d'écart au plus."),
        ),
    }),
    z.object({
      every: z.literal("month"),
      rank: z.union(
        weekdayRanks.map((rank) => z.literal(rank)),
        { error: "Rang inconnu : 1, 2, 3, 4 ou -1 (le dernier)." },
      ),
      weekday: z
        .int({ error: "Jour de la semaine : de 0 (dimanche) à 6 (samedi)." })
        .check(
          z.gte(0, "Jour de la semaine : de 0 (dimanche) à 6 (samedi)."),
          z.lte(6, "Jour de la semaine : de 0 (dimanche) à 6 (samedi)."),
        ),
    }),
  ],
  { error: "Règle inconnue : « weeks » (toutes les N semaines) ou « month » (un jour du mois)." },
);
export type SeriesRuleBody = z.infer<typeof SeriesRule>;

export const SeriesBody = z.object({ rule: SeriesRule });
export type SeriesBody = z.infer<typeof SeriesBody>;

/** Without a date, the next meeting is set by its series' rule. */
export const NextMeetingBody = z.partial(z.pick(PlanMeetingBody, { startsAt: true }));
export type NextMeetingBody = z.infer<typeof NextMeetingBody>;

export const CoverageBody = z.object({ covered: z.boolean({ error: "covered : vrai ou faux." }) });
export type CoverageBody = z.infer<typeof CoverageBody>;

export const BacklogItemView = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(agendaItemKinds),
});

/** What a meeting page shows of its calendar, series and follow-up. */
export const MeetingFollowUp = z.object({
  /** The meeting as an `.ics` file, for those who read it. */
  icsUrl: z.string(),
  /** Whether invitations go out by e-mail (SMTP configured); otherwise the file is shared by hand. */
  emailed: z.boolean(),
  series: z.nullable(z.object({ id: z.string(), rule: SeriesRule })),
  /** When the series' next meeting would be, after this one. */
  nextStartsAt: z.nullable(z.string()),
  /** The agenda items marked not covered. */
  notCovered: z.array(z.string()),
  /** The series' items waiting for a meeting. */
  backlog: z.array(BacklogItemView),
  /** The meeting before this one (of its series, else of its circle), with its tasks. */
  previous: z.nullable(
    z.object({ id: z.string(), title: z.string(), startsAt: z.string(), tasks: z.array(TaskView) }),
  ),
});
export type MeetingFollowUp = z.infer<typeof MeetingFollowUp>;

export const UpcomingMeeting = z.extend(MeetingSummary, {
  circleName: z.string(),
  place: z.string(),
  videoUrl: z.string(),
});
export type UpcomingMeeting = z.infer<typeof UpcomingMeeting>;
export const UpcomingMeetings = z.array(UpcomingMeeting);

export const CalendarFeedView = z.object({
  active: z.boolean(),
  createdAt: z.nullable(z.string()),
});
export type CalendarFeedView = z.infer<typeof CalendarFeedView>;

/** A new feed address: shown once, its token is not kept. */
export const IssuedFeed = z.object({ url: z.string() });
export type IssuedFeed = z.infer<typeof IssuedFeed>;
