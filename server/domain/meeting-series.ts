/**
 * Meetings that follow one another: a series and its rule ("toutes les deux semaines",
 * "tous les premiers mardis"), the next meeting planned from the last one (its agenda,
 * place and length, opened by the follow-up of its tasks), and the backlog: the items
 * marked not covered go to the series' backlog when the meeting closes, and into the
 * agenda of the next one.
 */
import type {
  MeetingFollowUp,
  NextMeetingBody,
  SeriesRuleBody,
} from "../../shared/api/meeting-calendar";
import { followUpItem, nextOccurrence, type SeriesRule } from "../../shared/meeting-series";
import { canRunMeeting } from "../../shared/permissions";
import type { DB } from "../db/database";
import type { MeetingRow } from "../db/schema";
import type { Ctx } from "./context";
import { forbidden, notFound } from "./errors";
import { newId } from "./ids";
import { invalid, type MeetingContext, readableMeeting, runnableMeeting } from "./meeting-access";
import { backlogOf, uncoveredItems } from "./meeting-backlog";
import { planMeeting } from "./meetings";
import { presentTasks } from "./tasks";

const parseRule = (json: string): SeriesRule => JSON.parse(json);

async function seriesOf(db: DB, meeting: Pick<MeetingRow, "series_id">) {
  if (!meeting.series_id) return null;
  const series = await db
    .selectFrom("meeting_series")
    .selectAll()
    .where("id", "=", meeting.series_id)
    .executeTakeFirst();
  return series ? { id: series.id, rule: parseRule(series.rule) } : null;
}

/** Makes the meeting the start of a series following `rule`, or changes its series' rule. */
export async function setSeriesRule(
  { db, poleEvents }: MeetingContext,
  actorId: string,
  { meetingId, rule }: { meetingId: string; rule: SeriesRuleBody },
  now = Date.now(),
): Promise<void> {
  const { meeting } = await runnableMeeting(db, actorId, meetingId);
  if (meeting.series_id) {
    await db
      .updateTable("meeting_series")
      .set({ rule: JSON.stringify(rule) })
      .where("id", "=", meeting.series_id)
      .execute();
  } else {
    const id = newId();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("meeting_series")
        .values({
          id,
          pole_id: meeting.pole_id,
          circle_id: meeting.circle_id,
          rule: JSON.stringify(rule),
          created_by: actorId,
          created_at: now,
        })
        .execute();
      await trx
        .updateTable("meetings")
        .set({ series_id: id })
        .where("id", "=", meeting.id)
        .execute();
    });
  }
  poleEvents.publish(meeting.pole_id, { type: "meeting", id: meeting.id });
}

/** Marks an agenda item covered or not, while the meeting is open. */
export async function setItemCovered(
  { db, poleEvents }: MeetingContext,
  actorId: string,
  { meetingId, itemId, covered }: { meetingId: string; itemId: string; covered: boolean },
): Promise<void> {
  const { meeting } = await runnableMeeting(db, actorId, meetingId);
  const updated = await db
    .updateTable("meeting_agenda_items")
    .set({ covered: covered ? 1 : 0 })
    .where("id", "=", itemId)
    .where("meeting_id", "=", meeting.id)
    .executeTakeFirst();
  if (updated.numUpdatedRows !== 1n) throw notFound("Point de l'ordre du jour");
  poleEvents.publish(meeting.pole_id, { type: "meeting", id: meeting.id });
}

/** The first start the rule gives after `previous` that is still to come. */
function nextFutureStart(rule: SeriesRule, previous: number, now: number) {
  let start = nextOccurrence(rule, previous);
  while (start < now) start = nextOccurrence(rule, start);
  return start;
}

/** The series' latest meeting: the next one follows it. */
const lastOfSeries = (db: DB, seriesId: string) =>
  db
    .selectFrom("meetings")
    .selectAll()
    .where("series_id", "=", seriesId)
    .orderBy("starts_at", "desc")
    .orderBy("id")
    .executeTakeFirstOrThrow();

/**
 * Plans the meeting after this one — in a series, after the series' latest — in the same
 * circle and series, at the given date or the series' next: its agenda opens on the
 * follow-up of the tasks, then that meeting's covered items, then what waits (the series'
 * backlog, or without a series the items not covered); place, video link and length are
 * kept.
 */
export async function planNextMeeting(
  ctx: MeetingContext,
  actorId: string,
  { meetingId, startsAt }: { meetingId: string } & NextMeetingBody,
  now = Date.now(),
): Promise<{ id: string; documentId: string }> {
  const asked = await readableMeeting(ctx.db, actorId, meetingId);
  if (!canRunMeeting(asked.member, asked.meeting.circle_id)) {
    throw forbidden("Seuls les membres du cercle et la coordination planifient ses réunions.");
  }
  const series = await seriesOf(ctx.db, asked.meeting);
  const meeting = series ? await lastOfSeries(ctx.db, series.id) : asked.meeting;
  const start = startsAt
    ? Date.parse(startsAt)
    : series
      ? nextFutureStart(series.rule, meeting.starts_at, now)
      : null;
  if (start === null) {
    throw invalid("Cette réunion n'est pas d'une série : indiquez la date de la suivante.");
  }
  const items = await ctx.db
    .selectFrom("meeting_agenda_items")
    .selectAll()
    .where("meeting_id", "=", meeting.id)
    .orderBy("position")
    .execute();
  const waiting = series
    ? await backlogOf(ctx.db, series.id)
    : items.filter((item) => item.covered === 0);
  const asItem = (item: (typeof waiting)[number]) => ({
    title: item.title,
    kind: item.kind,
    durationMinutes: item.duration_minutes,
    presenterId: item.presenter_id,
  });
  const kept = items.filter((item) => item.covered === 1 && item.title !== followUpItem.title);
  // What waits goes before the closing item ("Prochaines dates").
  const closing = kept.length > 1 ? kept.slice(-1) : [];
  const planned = await planMeeting(
    ctx,
    actorId,
    {
      poleId: meeting.pole_id,
      circleId: meeting.circle_id,
      title: meeting.title,
      startsAt: new Date(start).toISOString(),
      durationMinutes: Math.round((meeting.ends_at - meeting.starts_at) / 60000),
      place: meeting.place,
      videoUrl: meeting.video_url,
    },
    now,
    {
      seriesId: series?.id ?? null,
      agenda: [
        followUpItem,
        ...kept.slice(0, kept.length - closing.length).map(asItem),
        ...waiting.map(asItem),
        ...closing.map(asItem),
      ],
    },
  );
  if (series && waiting.length > 0) {
    await ctx.db
      .deleteFrom("meeting_backlog")
      .where(
        "id",
        "in",
        waiting.map((item) => item.id),
      )
      .execute();
  }
  return planned;
}

/** The meeting before this one: of its series when it has one, else of its circle. */
async function previousMeeting(db: DB, meeting: MeetingRow) {
  let query = db
    .selectFrom("meetings")
    .selectAll()
    .where("starts_at", "<", meeting.starts_at)
    .where("state", "!=", "cancelled");
  query = meeting.series_id
    ? query.where("series_id", "=", meeting.series_id)
    : query.where("circle_id", "=", meeting.circle_id);
  return query.orderBy("starts_at", "desc").orderBy("id").executeTakeFirst();
}

/** What the meeting page shows of its calendar, series, backlog and the tasks to follow up. */
export async function meetingFollowUp(
  { db, mailer }: Ctx<"mailer">,
  actorId: string,
  { meetingId }: { meetingId: string },
  now = Date.now(),
): Promise<MeetingFollowUp> {
  const { meeting } = await readableMeeting(db, actorId, meetingId);
  const series = await seriesOf(db, meeting);
  const previous = await previousMeeting(db, meeting);
  const previousTasks = previous
    ? await db
        .selectFrom("meeting_tasks")
        .selectAll()
        .where("meeting_id", "=", previous.id)
        .orderBy("created_at")
        .orderBy("id")
        .execute()
    : [];
  return {
    icsUrl: `/api/meetings/${encodeURIComponent(meeting.id)}/ics`,
    emailed: mailer !== null,
    series,
    nextStartsAt: series
      ? new Date(
          nextFutureStart(series.rule, (await lastOfSeries(db, series.id)).starts_at, now),
        ).toISOString()
      : null,
    notCovered: (await uncoveredItems(db, meeting.id)).map((item) => item.id),
    backlog: series
      ? (await backlogOf(db, series.id)).map((item) => ({
          id: item.id,
          title: item.title,
          kind: item.kind,
        }))
      : [],
    previous: previous
      ? {
          id: previous.id,
          title: previous.title,
          startsAt: new Date(previous.starts_at).toISOString(),
          tasks: await presentTasks(db, previousTasks, now),
        }
      : null,
  };
}
