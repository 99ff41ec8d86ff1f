/**
 * The calendar of a pôle as one person sees it: the coming meetings of the circles they
 * sit in, and the same as a feed that calendar applications subscribe to, at an address
 * holding a secret token. Only the token's hash is stored; issuing a new one (rotating)
 * or revoking it makes the old address answer 404.
 */
import type { UpcomingMeeting } from "../../shared/api/meeting-calendar";
import { generateSessionToken, hashToken } from "../auth/sessions";
import type { DB } from "../db/database";
import type { Ctx } from "./context";
import { notFound } from "./errors";
import { readableMeeting } from "./meeting-access";
import { type IcsMeeting, icsMeetingOf, icsMeetings, meetingsCalendar } from "./meeting-ics";
import { isPoleMember, requireMember } from "./members";

/** The feed also keeps the last months' meetings, so that calendars do not drop them at once. */
const FEED_PAST_MS = 90 * 24 * 60 * 60 * 1000;

const seatedMeetings = (
  db: DB,
  { poleId, userId }: { poleId: string; userId: string },
  from: number,
) =>
  icsMeetings(db, (query) =>
    query
      .where("meetings.pole_id", "=", poleId)
      .where("meetings.ends_at", ">=", from)
      .where("meetings.circle_id", "in", (eb) =>
        eb.selectFrom("circle_members").select("circle_id").where("user_id", "=", userId),
      ),
  );

/** The coming meetings (cancelled ones included, marked) of the circles the person sits in. */
export async function upcomingMeetings(
  { db }: Ctx,
  actorId: string,
  { poleId }: { poleId: string },
  now = Date.now(),
): Promise<UpcomingMeeting[]> {
  await requireMember(db, { poleId, userId: actorId });
  const meetings = await seatedMeetings(db, { poleId, userId: actorId }, now);
  return meetings
    .filter((meeting) => meeting.state !== "closed")
    .map((meeting) => ({
      id: meeting.id,
      circleId: meeting.circleId,
      circleName: meeting.circleName,
      title: meeting.title,
      startsAt: new Date(meeting.startsAt).toISOString(),
      endsAt: new Date(meeting.endsAt).toISOString(),
      state: meeting.state,
      documentId: meeting.documentId,
      place: meeting.place,
      videoUrl: meeting.videoUrl,
    }));
}

export async function feedStatus({ db }: Ctx, actorId: string, { poleId }: { poleId: string }) {
  await requireMember(db, { poleId, userId: actorId });
  const feed = await db
    .selectFrom("calendar_feeds")
    .select("created_at")
    .where("pole_id", "=", poleId)
    .where("user_id", "=", actorId)
    .executeTakeFirst();
  return {
    active: feed !== undefined,
    createdAt: feed ? new Date(feed.created_at).toISOString() : null,
  };
}

export const feedUrl = (publicUrl: string, token: string) =>
  new URL(`/calendar/${token}.ics`, publicUrl).toString();

/** A new secret address for the person's feed; the previous one, if any, stops working. */
export async function issueFeed(
  { db, publicUrl }: Ctx<"publicUrl">,
  actorId: string,
  { poleId }: { poleId: string },
  now = Date.now(),
): Promise<{ url: string }> {
  await requireMember(db, { poleId, userId: actorId });
  const token = generateSessionToken();
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom("calendar_feeds")
      .where("pole_id", "=", poleId)
      .where("user_id", "=", actorId)
      .execute();
    await trx
      .insertInto("calendar_feeds")
      .values({ pole_id: poleId, user_id: actorId, token_hash: hashToken(token), created_at: now })
      .execute();
  });
  return { url: feedUrl(publicUrl, token) };
}

export async function revokeFeed({ db }: Ctx, actorId: string, { poleId }: { poleId: string }) {
  await requireMember(db, { poleId, userId: actorId });
  await db
    .deleteFrom("calendar_feeds")
    .where("pole_id", "=", poleId)
    .where("user_id", "=", actorId)
    .execute();
}

/** The feed a token opens, without a session: unknown, revoked or replaced tokens are 404. */
export async function feedCalendar(
  { db, publicUrl }: Ctx<"publicUrl">,
  { token }: { token: string },
  now = Date.now(),
): Promise<string> {
  const feed = await db
    .selectFrom("calendar_feeds")
    .innerJoin("poles", "poles.id", "calendar_feeds.pole_id")
    .select(["calendar_feeds.pole_id", "calendar_feeds.user_id", "poles.name"])
    .where("token_hash", "=", hashToken(token))
    .executeTakeFirst();
  // Someone who left the pôle no longer sees its meetings, even through an old address.
  if (!feed || !(await isPoleMember(db, { poleId: feed.pole_id, userId: feed.user_id }))) {
    throw notFound("Agenda");
  }
  const meetings = await seatedMeetings(
    db,
    { poleId: feed.pole_id, userId: feed.user_id },
    now - FEED_PAST_MS,
  );
  return meetingsCalendar(meetings, { publicUrl, name: `Réunions — ${feed.name}` });
}

/** One meeting as a file to import, for those who read it. */
export async function meetingIcs(
  { db, publicUrl }: Ctx<"publicUrl">,
  actorId: string,
  { meetingId }: { meetingId: string },
): Promise<{ meeting: IcsMeeting; ics: string }> {
  const { meeting } = await readableMeeting(db, actorId, meetingId);
  const ics = await icsMeetingOf(db, meeting);
  if (!ics) throw notFound("Réunion");
  return { meeting: ics, ics: meetingsCalendar([ics], { publicUrl, name: meeting.title }) };
}
