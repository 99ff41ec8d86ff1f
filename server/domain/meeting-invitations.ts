/**
 * Invitations to a meeting by e-mail, each with the meeting as an `.ics` file: sent to the
 * circle's people when it is planned, again when its date or place changes (a higher
 * SEQUENCE, the same UID: calendars move the entry) and when it is cancelled
 * (METHOD:CANCEL: calendars remove it). Without SMTP nothing is sent: the meeting page
 * offers the file to download and its link to copy.
 */
import { POLE_TIME_ZONE } from "../../shared/meeting-series";
import type { Ctx } from "./context";
import { sendEach } from "./mailer";
import { type IcsMeeting, icsMeetingOf, meetingPageUrl, meetingsCalendar } from "./meeting-ics";

export type MeetingChange = "planned" | "rescheduled" | "cancelled";

const subjects: Record<MeetingChange, (title: string) => string> = {
  planned: (title) => `Invitation : ${title}`,
  rescheduled: (title) => `Réunion modifiée : ${title}`,
  cancelled: (title) => `Réunion annulée : ${title}`,
};
const openings: Record<MeetingChange, string> = {
  planned: "Vous êtes invité·e à la réunion",
  rescheduled: "La date ou le lieu de cette réunion a changé :",
  cancelled: "Cette réunion est annulée :",
};

/** On the pôles' clock, whatever the server's. */
const day = (instant: number) =>
  new Intl.DateTimeFormat("fr-FR", { dateStyle: "full", timeZone: POLE_TIME_ZONE }).format(instant);
const time = (instant: number) =>
  new Intl.DateTimeFormat("fr-FR", { timeStyle: "short", timeZone: POLE_TIME_ZONE }).format(
    instant,
  );

export function invitationMailText(
  meeting: IcsMeeting,
  change: MeetingChange,
  publicUrl: string,
): { subject: string; text: string } {
  const where = [meeting.place, meeting.videoUrl ? `en visio : ${meeting.videoUrl}` : ""]
    .filter(Boolean)
    .join(", ");
  return {
    subject: subjects[change](meeting.title),
    text: [
      "Bonjour,",
      "",
      `${openings[change]} « ${meeting.title} » (${meeting.circleName}),`,
      `le ${day(meeting.startsAt)}, de ${time(meeting.startsAt)} à ${time(meeting.endsAt)} (heure de Paris)${where ? `, ${where}` : ""}.`,
      "",
      change === "cancelled"
        ? "Le fichier joint la retire de votre agenda."
        : "Le fichier joint l'ajoute à votre agenda. L'ordre du jour et vos réponses (présent·e, excusé·e, représenté·e) sont sur la page de la réunion :",
      meetingPageUrl(publicUrl, meeting),
      "",
      "— Maillage",
    ].join("\n"),
  };
}

/**
 * E-mails the circle's people about a change to the meeting; answers how many were sent.
 * A failed send is reported through `onError` and does not undo the change.
 */
export async function mailMeetingInvitations(
  { db, mailer, publicUrl }: Ctx<"mailer" | "publicUrl">,
  {
    meetingId,
    change,
    onError,
  }: { meetingId: string; change: MeetingChange; onError: (error: unknown) => void },
): Promise<number> {
  if (!mailer) return 0;
  const meeting = await icsMeetingOf(db, { id: meetingId });
  if (!meeting) return 0;
  const people = await db
    .selectFrom("meetings")
    .innerJoin("circle_members", "circle_members.circle_id", "meetings.circle_id")
    .innerJoin("users", "users.id", "circle_members.user_id")
    .select(["users.name", "users.email"])
    .where("meetings.id", "=", meetingId)
    .orderBy("users.email")
    .execute();
  const text = invitationMailText(meeting, change, publicUrl);
  const method = change === "cancelled" ? "cancel" : "request";
  return sendEach(
    people,
    (person) =>
      mailer.sendMeetingMail({
        to: person.email,
        ...text,
        attachments: [
          {
            fileName: change === "cancelled" ? "annulation.ics" : "invitation.ics",
            contentType: `text/calendar; charset=utf-8; method=${method.toUpperCase()}`,
            content: meetingsCalendar([meeting], {
              publicUrl,
              name: meeting.title,
              method,
              attendee: person,
            }),
          },
        ],
      }),
    onError,
  );
}
