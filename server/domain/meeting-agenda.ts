/**
 * A meeting's agenda while it is open: items added (with their section appended to the
 * live minutes), changed, removed, reordered; a decision opened from an item, linked to it.
 */

import type { DecisionView } from "../../shared/api/decisions";
import type { AgendaItemBody, AgendaItemPatch, ItemDecisionBody } from "../../shared/api/meetings";
import type { DB } from "../db/database";
import { exclusively } from "../db/dialect";
import type { MeetingRow } from "../db/schema";
import { openDecision } from "./decisions";
import { notFound } from "./errors";
import { newId } from "./ids";
import { invalid, type MeetingContext, runnableMeeting, whileOpen } from "./meeting-access";
import { isPoleMember } from "./members";
import { appendSection } from "./outlines";

/** A presenter is someone of the meeting's pôle. */
async function checkPresenter(db: DB, meeting: MeetingRow, presenterId: string | null | undefined) {
  if (!presenterId) return;
  if (!(await isPoleMember(db, { poleId: meeting.pole_id, userId: presenterId })))
    throw invalid("La personne qui présente le point doit faire partie du pôle.");
}

async function itemOf(db: DB, meetingId: string, itemId: string) {
  const item = await db
    .selectFrom("meeting_agenda_items")
    .selectAll()
    .where("id", "=", itemId)
    .where("meeting_id", "=", meetingId)
    .executeTakeFirst();
  if (!item) throw notFound("Point de l'ordre du jour");
  return item;
}

export async function addAgendaItem(
  { db, live, poleEvents }: MeetingContext,
  actorId: string,
  input: { meetingId: string } & AgendaItemBody,
): Promise<{ id: string }> {
  const { meeting } = await runnableMeeting(db, actorId, input.meetingId);
  await checkPresenter(db, meeting, input.presenterId);
  const id = newId();
  // Under the meeting's lock, two items added at once also get two positions.
  await whileOpen(db, meeting.id, async (trx) => {
    const last = await trx
      .selectFrom("meeting_agenda_items")
      .select((eb) => eb.fn.max("position").as("position"))
      .where("meeting_id", "=", meeting.id)
      .executeTakeFirst();
    await trx
      .insertInto("meeting_agenda_items")
      .values({
        id,
        meeting_id: meeting.id,
        position: (last?.position ?? -1) + 1,
        title: input.title,
        kind: input.kind,
        duration_minutes: input.durationMinutes ?? null,
        presenter_id: input.presenterId ?? null,
        decision_id: null,
      })
      .execute();
  });
  await live.edit(meeting.document_id, (doc) => appendSection(doc, input.title));
  poleEvents.publish(meeting.pole_id, { type: "meeting", id: meeting.id });
  return { id };
}

export async function updateAgendaItem(
  { db, poleEvents }: MeetingContext,
  actorId: string,
  { meetingId, itemId, ...patch }: { meetingId: string; itemId: string } & AgendaItemPatch,
): Promise<void> {
  const { meeting } = await runnableMeeting(db, actorId, meetingId);
  await itemOf(db, meeting.id, itemId);
  await checkPresenter(db, meeting, patch.presenterId);
  await whileOpen(db, meeting.id, (trx) =>
    trx
      .updateTable("meeting_agenda_items")
      .set({
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
        ...(patch.durationMinutes !== undefined ? { duration_minutes: patch.durationMinutes } : {}),
        ...(patch.presenterId !== undefined ? { presenter_id: patch.presenterId } : {}),
      })
      .where("id", "=", itemId)
      .execute(),
  );
  poleEvents.publish(meeting.pole_id, { type: "meeting", id: meeting.id });
}

/** Removes an item from the agenda; what was written under it in the minutes stays. */
export async function removeAgendaItem(
  { db, poleEvents }: MeetingContext,
  actorId: string,
  { meetingId, itemId }: { meetingId: string; itemId: string },
): Promise<void> {
  const { meeting } = await runnableMeeting(db, actorId, meetingId);
  await itemOf(db, meeting.id, itemId);
  await whileOpen(db, meeting.id, (trx) =>
    trx.deleteFrom("meeting_agenda_items").where("id", "=", itemId).execute(),
  );
  poleEvents.publish(meeting.pole_id, { type: "meeting", id: meeting.id });
}

/** Puts the items in this order; the list must name each item exactly once. */
export async function reorderAgenda(
  { db, poleEvents }: MeetingContext,
  actorId: string,
  { meetingId, itemIds }: { meetingId: string; itemIds: readonly string[] },
): Promise<void> {
  const { meeting } = await runnableMeeting(db, actorId, meetingId);
  const items = await db
    .selectFrom("meeting_agenda_items")
    .select("id")
    .where("meeting_id", "=", meeting.id)
    .execute();
  const known = new Set(items.map((item) => item.id));
  if (
    new Set(itemIds).size !== itemIds.length ||
    itemIds.length !== known.size ||
    !itemIds.every((id) => known.has(id))
  ) {
    throw invalid("Le nouvel ordre doit citer chaque point de l'ordre du jour une fois.");
  }
  await whileOpen(db, meeting.id, async (trx) => {
    for (const [position, id] of itemIds.entries()) {
      await trx
        .updateTable("meeting_agenda_items")
        .set({ position })
        .where("id", "=", id)
        .execute();
    }
  });
  poleEvents.publish(meeting.pole_id, { type: "meeting", id: meeting.id });
}

/** Opens a decision in the meeting's circle on an item, titled after it, and links them. */
export async function openItemDecision(
  ctx: MeetingContext,
  actorId: string,
  { meetingId, itemId, ...body }: { meetingId: string; itemId: string } & ItemDecisionBody,
): Promise<DecisionView> {
  const { meeting } = await runnableMeeting(ctx.db, actorId, meetingId);
  // Opening the decision is a transaction of its own: one at a time per item, so that two
  // clicks at once (on two instances) open one decision.
  const decision = await exclusively(ctx.db, `agenda-item:${itemId}`, async () => {
    const item = await itemOf(ctx.db, meeting.id, itemId);
    if (item.decision_id) {
      throw invalid("Une décision est déjà ouverte sur ce point de l'ordre du jour.");
    }
    const opened = await openDecision(ctx, actorId, {
      poleId: meeting.pole_id,
      circleId: meeting.circle_id,
      title: item.title,
      ...body,
    });
    await ctx.db
      .updateTable("meeting_agenda_items")
      .set({ decision_id: opened.id, kind: "decision" })
      .where("id", "=", item.id)
      .execute();
    return opened;
  });
  ctx.poleEvents.publish(meeting.pole_id, { type: "meeting", id: meeting.id });
  return decision;
}
