/**
 * Moving a planned meeting (date, length, place, video link) or cancelling it. Each such
 * change raises the meeting's `.ics` SEQUENCE, so that calendars holding the invitation
 * replace it rather than add a second entry.
 */
import { sql } from "kysely";
import type { RescheduleBody } from "../../shared/api/meeting-calendar";
import { meetingTimesError } from "../../shared/meetings";
import type { MeetingRow } from "../db/schema";
import { audit } from "./audit";
import { DomainError } from "./errors";
import { invalid, type MeetingContext, runnableMeeting } from "./meeting-access";

const MINUTE_MS = 60 * 1000;

/** The meeting's times and place once `change` is applied to it. */
function rescheduled(meeting: MeetingRow, change: RescheduleBody) {
  const startsAt = change.startsAt ? Date.parse(change.startsAt) : meeting.starts_at;
  const endsAt = change.endsAt
    ? Date.parse(change.endsAt)
    : change.durationMinutes
      ? startsAt + change.durationMinutes * MINUTE_MS
      : startsAt + (meeting.ends_at - meeting.starts_at);
  return {
    starts_at: startsAt,
    ends_at: endsAt,
    place: change.place ?? meeting.place,
    video_url: change.videoUrl ?? meeting.video_url,
  };
}

/** Applies the change; answers whether anything a calendar shows changed. */
export async function rescheduleMeeting(
  { db, poleEvents }: MeetingContext,
  actorId: string,
  { meetingId, ...change }: { meetingId: string } & RescheduleBody,
  now = Date.now(),
): Promise<boolean> {
  const { meeting } = await runnableMeeting(db, actorId, meetingId);
  const next = rescheduled(meeting, change);
  const moved = next.starts_at !== meeting.starts_at || next.ends_at !== meeting.ends_at;
  if (moved) {
    const error = meetingTimesError({ startsAt: next.starts_at, endsAt: next.ends_at }, now);
    if (error) throw invalid(error);
  }
  if (!moved && next.place === meeting.place && next.video_url === meeting.video_url) return false;
  await db
    .updateTable("meetings")
    .set({ ...next, sequence: sql<number>`sequence + 1` })
    .where("id", "=", meeting.id)
    .execute();
  await audit(
    db,
    {
      poleId: meeting.pole_id,
      actorId,
      action: "meeting.rescheduled",
      target: meeting.id,
      details: {
        title: meeting.title,
        startsAt: new Date(next.starts_at).toISOString(),
        place: next.place,
      },
    },
    now,
  );
  poleEvents.publish(meeting.pole_id, { type: "meeting", id: meeting.id });
  return true;
}

/** Cancels a planned meeting once; its minutes and agenda stay, to be read. */
export async function cancelMeeting(
  { db, poleEvents }: MeetingContext,
  actorId: string,
  { meetingId }: { meetingId: string },
  now = Date.now(),
): Promise<void> {
  const { meeting } = await runnableMeeting(db, actorId, meetingId);
  const cancelled = await db
    .updateTable("meetings")
    .set({ state: "cancelled", sequence: sql<number>`sequence + 1` })
    .where("id", "=", meeting.id)
    .where("state", "=", "planned")
    .executeTakeFirst();
  if (cancelled.numUpdatedRows !== 1n) {
    throw new DomainError(
      "conflict",
      "Cette réunion n'est plus prévue : elle ne peut pas être annulée.",
    );
  }
  await audit(
    db,
    {
      poleId: meeting.pole_id,
      actorId,
      action: "meeting.cancelled",
      target: meeting.id,
      details: { title: meeting.title },
    },
    now,
  );
  poleEvents.publish(meeting.pole_id, { type: "meeting", id: meeting.id });
}
