/**
 * The timer of a running meeting, kept on the server so that every open window shows the
 * same item and the same time: whoever runs the meeting starts it on an item, pauses it,
 * moves to the next item; each change is announced on the pôle's event stream.
 */
import type { TimerBody, TimerView } from "../../shared/api/meeting-run";
import { elapsedOn, stepTimer, type TimerState } from "../../shared/meeting-run";
import type { DB } from "../db/database";
import { serialize } from "../db/dialect";
import type { Ctx } from "./context";
import { DomainError, notFound } from "./errors";
import { invalid, type MeetingContext, readableMeeting, runnableMeeting } from "./meeting-access";

async function agendaIds(db: DB, meetingId: string): Promise<string[]> {
  const items = await db
    .selectFrom("meeting_agenda_items")
    .select("id")
    .where("meeting_id", "=", meetingId)
    .orderBy("position")
    .execute();
  return items.map((item) => item.id);
}

async function loadTimer(db: DB, meetingId: string): Promise<TimerState | null> {
  const timer = await db
    .selectFrom("meeting_timers")
    .selectAll()
    .where("meeting_id", "=", meetingId)
    .executeTakeFirst();
  const times = await db
    .selectFrom("meeting_item_times")
    .select(["item_id", "elapsed_ms"])
    .where("meeting_id", "=", meetingId)
    .execute();
  const banked = Object.fromEntries(times.map((time) => [time.item_id, Number(time.elapsed_ms)]));
  if (!timer) return times.length > 0 ? { itemId: "", runningSince: null, banked } : null;
  return {
    itemId: timer.item_id,
    runningSince: timer.running_since === null ? null : Number(timer.running_since),
    banked,
  };
}

/** The timer at `now`; a closed meeting's timer stopped when it closed. */
function present(
  state: TimerState | null,
  agenda: readonly string[],
  now: number,
  closedAt: number | null = null,
): TimerView {
  if (!state || !agenda.includes(state.itemId)) return { timer: null };
  const at = closedAt ?? now;
  return {
    timer: {
      itemId: state.itemId,
      running: state.runningSince !== null && closedAt === null,
      items: agenda.map((itemId) => ({ itemId, elapsedMs: elapsedOn(state, itemId, at) })),
    },
  };
}

export async function getTimer(
  { db }: Ctx,
  actorId: string,
  { meetingId }: { meetingId: string },
  now = Date.now(),
): Promise<TimerView> {
  const { meeting } = await readableMeeting(db, actorId, meetingId);
  const closedAt = meeting.closed_at === null ? null : Number(meeting.closed_at);
  return present(await loadTimer(db, meeting.id), await agendaIds(db, meeting.id), now, closedAt);
}

/** One step of the timer; two people pressing at once take their steps one after the other. */
export async function keepTime(
  { db, poleEvents }: MeetingContext,
  actorId: string,
  { meetingId, ...step }: { meetingId: string } & TimerBody,
  now = Date.now(),
): Promise<TimerView> {
  const { meeting } = await runnableMeeting(db, actorId, meetingId);
  const view = await db.transaction().execute(async (trx) => {
    await serialize(trx, `meeting-timer:${meeting.id}`);
    const agenda = await agendaIds(trx, meeting.id);
    const before = await loadTimer(trx, meeting.id);
    const after = stepTimer(before, step, agenda, now);
    if ("refused" in after) {
      if (after.refused === "unknown_item") throw notFound("Point de l'ordre du jour");
      throw after.refused === "conflict"
        ? new DomainError("conflict", after.message)
        : invalid(after.message);
    }
    const timer = {
      item_id: after.itemId,
      running_since: after.runningSince,
      updated_by: actorId,
      updated_at: now,
    };
    await trx
      .insertInto("meeting_timers")
      .values({ meeting_id: meeting.id, ...timer })
      .onConflict((oc) => oc.column("meeting_id").doUpdateSet(timer))
      .execute();
    for (const [itemId, elapsed] of Object.entries(after.banked)) {
      if (elapsed === before?.banked[itemId] || !agenda.includes(itemId)) continue;
      await trx
        .insertInto("meeting_item_times")
        .values({ item_id: itemId, meeting_id: meeting.id, elapsed_ms: elapsed })
        .onConflict((oc) => oc.column("item_id").doUpdateSet({ elapsed_ms: elapsed }))
        .execute();
    }
    return present(after, agenda, now);
  });
  poleEvents.publish(meeting.pole_id, { type: "meeting", id: meeting.id });
  return view;
}
