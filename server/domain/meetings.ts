/**
 * Meetings of a circle (CONTRACT.md "Meetings"): planned with an agenda from its circle's
 * template and minutes with one section per item, read by every member of the pôle, run
 * by those who edit the circle's documents, closed once into a `minutes` version after
 * which the minutes are read-only for everyone. The agenda, attendance and tasks are in
 * meeting-agenda.ts, meeting-attendance.ts and tasks.ts.
 */
import type { MeetingSummary, MeetingView, PlanMeetingBody } from "../../shared/api/meetings";
import {
  type AgendaTemplateItem,
  agendaTemplates,
  DEFAULT_DURATION_MINUTES,
  meetingTimesError,
} from "../../shared/meetings";
import { canRunMeeting, type Member } from "../../shared/permissions";
import type { DB } from "../db/database";
import type { MeetingRow } from "../db/schema";
import { createKyselyStore } from "../storage";
import { audit } from "./audit";
import type { Ctx } from "./context";
import { insertDocument } from "./documents";
import { forbidden, notFound } from "./errors";
import { newId } from "./ids";
import {
  alreadyClosed,
  invalid,
  lockMeeting,
  type MeetingContext,
  readableMeeting,
  runnableMeeting,
} from "./meeting-access";
import { carryOverUncovered } from "./meeting-backlog";
import { requireMember, requireMemberFor } from "./members";
import { notifyMeeting } from "./notifications/triggers";
import { outlineState } from "./outlines";
import { presentTasks } from "./tasks";
import { storeVersion } from "./versions";

const MINUTE_MS = 60 * 1000;

async function circleOf(db: DB, { poleId, circleId }: { poleId: string; circleId: string }) {
  const circle = await db
    .selectFrom("circles")
    .select(["id", "kind", "name"])
    .where("id", "=", circleId)
    .where("pole_id", "=", poleId)
    // An archived or deleted group holds no more meetings.
    .where("archived_at", "is", null)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (!circle) throw notFound("Cercle");
  return circle;
}

const summary = (row: MeetingRow): MeetingSummary => ({
  id: row.id,
  circleId: row.circle_id,
  title: row.title,
  startsAt: new Date(row.starts_at).toISOString(),
  endsAt: new Date(row.ends_at).toISOString(),
  state: row.state,
  documentId: row.document_id,
});

/** What a meeting planned after another starts from (meeting-series.ts). */
export interface PlannedFrom {
  agenda: ReadonlyArray<
    Omit<AgendaTemplateItem, "durationMinutes"> & {
      durationMinutes: number | null;
      presenterId?: string | null;
    }
  >;
  seriesId: string | null;
}

export async function planMeeting(
  { db, poleEvents }: MeetingContext,
  actorId: string,
  input: { poleId: string } & PlanMeetingBody,
  now = Date.now(),
  from?: PlannedFrom,
): Promise<{ id: string; documentId: string }> {
  const member = await requireMember(db, { poleId: input.poleId, userId: actorId });
  const circle = await circleOf(db, input);
  if (!canRunMeeting(member, circle.id)) {
    throw forbidden("Seuls les membres du cercle et la coordination planifient ses réunions.");
  }
  const startsAt = Date.parse(input.startsAt);
  const endsAt = input.endsAt
    ? Date.parse(input.endsAt)
    : startsAt + (input.durationMinutes ?? DEFAULT_DURATION_MINUTES) * MINUTE_MS;
  const error = meetingTimesError({ startsAt, endsAt }, now);
  if (error) throw invalid(error);
  const agenda: PlannedFrom["agenda"] = from?.agenda ?? agendaTemplates[circle.kind];
  const id = newId();
  const documentId = await db.transaction().execute(async (trx) => {
    const document = await insertDocument(
      trx,
      {
        poleId: input.poleId,
        kind: "minutes",
        title: `Compte rendu : ${input.title}`,
        circleId: circle.id,
        createdBy: actorId,
      },
      now,
    );
    const sections = agenda.map((item) => ({ heading: item.title, guidance: "" }));
    await createKyselyStore(trx, () => now).create(document.id, outlineState(sections));
    await trx
      .insertInto("meetings")
      .values({
        id,
        pole_id: input.poleId,
        circle_id: circle.id,
        document_id: document.id,
        title: input.title,
        starts_at: startsAt,
        ends_at: endsAt,
        place: input.place ?? "",
        video_url: input.videoUrl ?? "",
        state: "planned",
        minutes_version_id: null,
        series_id: from?.seriesId ?? null,
        created_by: actorId,
        created_at: now,
        closed_at: null,
      })
      .execute();
    await trx
      .insertInto("meeting_agenda_items")
      .values(
        agenda.map((item, position) => ({
          id: newId(),
          meeting_id: id,
          position,
          title: item.title,
          kind: item.kind,
          duration_minutes: item.durationMinutes,
          presenter_id: item.presenterId ?? null,
          decision_id: null,
        })),
      )
      .execute();
    await audit(
      trx,
      {
        poleId: input.poleId,
        actorId,
        action: "meeting.planned",
        target: id,
        details: { title: input.title, circleId: circle.id, startsAt: input.startsAt },
      },
      now,
    );
    return document.id;
  });
  poleEvents.publish(input.poleId, { type: "meeting", id });
  await notifyMeeting({ db, poleEvents }, actorId, { meetingId: id, kind: "meetingPlanned" });
  return { id, documentId };
}

async function presentAgenda(db: DB, meetingId: string): Promise<MeetingView["agenda"]> {
  const items = await db
    .selectFrom("meeting_agenda_items")
    .leftJoin("decisions", "decisions.id", "meeting_agenda_items.decision_id")
    .select([
      "meeting_agenda_items.id",
      "meeting_agenda_items.title",
      "meeting_agenda_items.kind",
      "meeting_agenda_items.duration_minutes",
      "meeting_agenda_items.presenter_id",
      "meeting_agenda_items.decision_id",
      "decisions.state as decision_state",
      "decisions.outcome as decision_outcome",
    ])
    .where("meeting_id", "=", meetingId)
    .orderBy("position")
    .execute();
  return items.map((item) => ({
    id: item.id,
    title: item.title,
    kind: item.kind,
    durationMinutes: item.duration_minutes,
    presenterId: item.presenter_id,
    ...(item.decision_id && item.decision_state
      ? {
          decisionId: item.decision_id,
          decision: { state: item.decision_state, outcome: item.decision_outcome },
        }
      : {}),
  }));
}

/** The circle's people, and anyone else who answered, each with their answer. */
async function presentAttendance(db: DB, meeting: MeetingRow): Promise<MeetingView["attendance"]> {
  const answers = await db
    .selectFrom("meeting_attendance")
    .selectAll()
    .where("meeting_id", "=", meeting.id)
    .execute();
  const seated = await db
    .selectFrom("circle_members")
    .select("user_id")
    .where("circle_id", "=", meeting.circle_id)
    .execute();
  const ids = [...new Set([...seated.map((s) => s.user_id), ...answers.map((a) => a.user_id)])];
  if (ids.length === 0) return [];
  const people = await db
    .selectFrom("users")
    .select(["id", "name"])
    .where("id", "in", ids)
    .orderBy("name")
    .orderBy("id")
    .execute();
  const answerOf = new Map(answers.map((a) => [a.user_id, a]));
  return people.map((person) => {
    const answer = answerOf.get(person.id);
    return {
      userId: person.id,
      name: person.name,
      status: answer?.status ?? null,
      proxyId: answer?.proxy_id ?? null,
    };
  });
}

async function present(db: DB, member: Member, meeting: MeetingRow): Promise<MeetingView> {
  const tasks = await db
    .selectFrom("meeting_tasks")
    .selectAll()
    .where("meeting_id", "=", meeting.id)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return {
    ...summary(meeting),
    place: meeting.place,
    videoUrl: meeting.video_url,
    minutesVersionId: meeting.minutes_version_id,
    agenda: await presentAgenda(db, meeting.id),
    attendance: await presentAttendance(db, meeting),
    tasks: await presentTasks(db, tasks),
    canRun: meeting.state === "planned" && canRunMeeting(member, meeting.circle_id),
  };
}

export async function getMeeting(
  { db }: Ctx,
  actorId: string,
  { meetingId }: { meetingId: string },
): Promise<MeetingView> {
  const { meeting, member } = await readableMeeting(db, actorId, meetingId);
  return present(db, member, meeting);
}

/** The meeting whose minutes a document holds. */
export async function meetingOfDocument(
  { db }: Ctx,
  actorId: string,
  { documentId }: { documentId: string },
): Promise<MeetingView> {
  const row = await db
    .selectFrom("meetings")
    .select("id")
    .where("document_id", "=", documentId)
    .executeTakeFirst();
  if (!row) throw notFound("Réunion");
  return getMeeting({ db }, actorId, { meetingId: row.id });
}

/** A circle's meetings, the next first and then the past ones, newest first. */
export async function listCircleMeetings(
  { db }: Ctx,
  actorId: string,
  { circleId }: { circleId: string },
): Promise<MeetingSummary[]> {
  const circle = await db
    .selectFrom("circles")
    .select(["id", "pole_id"])
    .where("id", "=", circleId)
    .executeTakeFirst();
  if (!circle) throw notFound("Cercle");
  await requireMemberFor(db, { poleId: circle.pole_id, userId: actorId }, "Cercle");
  const rows = await db
    .selectFrom("meetings")
    .selectAll()
    .where("circle_id", "=", circleId)
    .orderBy("starts_at", "desc")
    .orderBy("id")
    .execute();
  return rows.map(summary);
}

/**
 * Closes the meeting once: marks it closed (so that its minutes turn read-only and open
 * connections are held and re-checked), then stores the minutes as they stand as a
 * `minutes` version, the compte rendu.
 */
export async function closeMeeting(
  ctx: MeetingContext,
  actorId: string,
  { meetingId }: { meetingId: string },
  now = Date.now(),
): Promise<MeetingView> {
  const { db, events, poleEvents } = ctx;
  const { meeting, member } = await runnableMeeting(db, actorId, meetingId);
  const closed = await db.transaction().execute(async (trx) => {
    await lockMeeting(trx, meeting.id);
    const closing = await trx
      .updateTable("meetings")
      .set({ state: "closed", closed_at: now })
      .where("id", "=", meeting.id)
      .where("state", "=", "planned")
      .executeTakeFirst();
    // With the closing itself: a meeting closed is never one whose leftovers were lost.
    if (closing.numUpdatedRows === 1n) await carryOverUncovered(trx, meeting, now);
    return closing;
  });
  if (closed.numUpdatedRows !== 1n) throw alreadyClosed();
  events.documentMoved(meeting.document_id);
  const version = await storeVersion(
    ctx,
    {
      documentId: meeting.document_id,
      kind: "minutes",
      name: `Compte rendu : ${meeting.title}`,
      authorId: actorId,
      decisionId: null,
    },
    now,
  );
  await db
    .updateTable("meetings")
    .set({ minutes_version_id: version.id })
    .where("id", "=", meeting.id)
    .execute();
  await audit(
    db,
    {
      poleId: meeting.pole_id,
      actorId,
      action: "meeting.closed",
      target: meeting.id,
      details: { title: meeting.title, version: version.number },
    },
    now,
  );
  poleEvents.publish(meeting.pole_id, { type: "meeting", id: meeting.id });
  await notifyMeeting(ctx, actorId, { meetingId: meeting.id, kind: "minutesPublished" });
  return present(db, member, {
    ...meeting,
    state: "closed",
    closed_at: now,
    minutes_version_id: version.id,
  });
}
