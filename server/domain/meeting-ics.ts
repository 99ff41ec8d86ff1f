/**
 * Meetings as iCalendar (RFC 5545), written by ical-generator: one UID per meeting for
 * good, its SEQUENCE raised at each change of date or place and at cancellation, times in
 * UTC, the place (or the video link), the page of the meeting, and who planned it.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { MeetingState } from "../../shared/meetings";
import type { DB } from "../db/database";
import type { MeetingRow } from "../db/schema";

/** What a calendar entry says of a meeting. */
export interface IcsMeeting {
  id: string;
  poleId: string;
  circleId: string;
  documentId: string;
  title: string;
  circleName: string;
  startsAt: number;
  endsAt: number;
  place: string;
  videoUrl: string;
  sequence: number;
  state: MeetingState;
  organizer: { name: string; email: string } | null;
}

/** The meetings chosen by `where`, as calendars need them. */
export async function icsMeetings(
  db: DB,
  where: (query: ReturnType<typeof meetingsWithCircle>) => ReturnType<typeof meetingsWithCircle>,
): Promise<IcsMeeting[]> {
  const rows = await where(meetingsWithCircle(db)).orderBy("meetings.starts_at").execute();
  return rows.map((row) => ({
    id: row.id,
    poleId: row.pole_id,
    circleId: row.circle_id,
    documentId: row.document_id,
    title: row.title,
    circleName: row.circle_name,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    place: row.place,
    videoUrl: row.video_url,
    sequence: row.sequence,
    state: row.state,
    organizer:
      row.organizer_name && row.organizer_email
        ? { name: row.organizer_name, email: row.organizer_email }
        : null,
  }));
}

function meetingsWithCircle(db: DB) {
  return db
    .selectFrom("meetings")
    .innerJoin("circles", "circles.id", "meetings.circle_id")
    .leftJoin("users", "users.id", "meetings.created_by")
    .select([
      "meetings.id",
      "meetings.pole_id",
      "meetings.circle_id",
      "meetings.document_id",
      "meetings.title",
      "meetings.starts_at",
      "meetings.ends_at",
      "meetings.place",
      "meetings.video_url",
      "meetings.sequence",
      "meetings.state",
      "circles.name as circle_name",
      "users.name as organizer_name",
      "users.email as organizer_email",
    ]);
}

export const icsMeetingOf = async (db: DB, meeting: Pick<MeetingRow, "id">) =>
  (await icsMeetings(db, (query) => query.where("meetings.id", "=", meeting.id)))[0];

export const meetingPageUrl = (publicUrl: string, meeting: Pick<IcsMeeting, "id" | "poleId">) =>
  new URL(`/p/${meeting.poleId}/reunions/${meeting.id}`, publicUrl).toString();

/**
 * The calendar holding `meetings`. `method` is REQUEST or CANCEL in an e-mail, so that a
 * calendar adds, moves or removes the entry; absent from a downloaded file or a feed.
 */
export function meetingsCalendar(
  meetings: readonly IcsMeeting[],
  {
    publicUrl,
    name,
    method,
    attendee,
  }: {
    publicUrl: string;
    name: string;
    method?: "request" | "cancel";
    attendee?: { name: string; email: string };
  },
): string {
  const host = new URL(publicUrl).hostname;
  const calendar = ical({
    name,
    prodId: { company: "Maillage", product: "Maillage", language: "FR" },
    ...(method
      ? { method: method === "cancel" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST }
      : {}),
  });
  for (const meeting of meetings) {
    const url = meetingPageUrl(publicUrl, meeting);
    calendar.createEvent({
      id: `${meeting.id}@${host}`,
      start: new Date(meeting.startsAt),
      end: new Date(meeting.endsAt),
      summary: `${meeting.title} (${meeting.circleName})`,
      location: meeting.place || meeting.videoUrl || null,
      description: [meeting.videoUrl ? `Visio : ${meeting.videoUrl}` : "", `Réunion : ${url}`]
        .filter(Boolean)
        .join("\n"),
      url,
      sequence: meeting.sequence,
      status: meeting.state === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: meeting.organizer,
      attendees: attendee ? [{ ...attendee, rsvp: false }] : [],
    });
  }
  return calendar.toString();
}
