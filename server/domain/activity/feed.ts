/**
 * What changed in a pôle, or in one of its circles, over the last weeks: documents edited
 * (by whom), decisions opened and closed, meetings planned and closed, people joining the
 * pôle and its circles. Grouped by day (UTC), newest first, and filtered to what the
 * reader may open: documents by their access rule, the rest by being of the pôle.
 */
import type { ActivityEntry, ActivityFeed } from "../../../shared/api/notifications";
import type { Ctx } from "../context";
import { rightsInPole } from "../documents";
import { notFound } from "../errors";
import { requireMember } from "../members";

const SINCE_MS = 30 * 24 * 60 * 60 * 1000;
const MAX_ENTRIES = 300;

interface Found extends Omit<ActivityEntry, "at" | "actor"> {
  at: number;
  actorId: string | null;
}

export async function activityFeed(
  { db }: Ctx,
  actorId: string,
  { poleId, circleId }: { poleId: string; circleId?: string },
  now = Date.now(),
): Promise<ActivityFeed> {
  const member = await requireMember(db, { poleId, userId: actorId });
  if (circleId) {
    const circle = await db
      .selectFrom("circles")
      .select("id")
      .where("id", "=", circleId)
      .where("pole_id", "=", poleId)
      .executeTakeFirst();
    if (!circle) throw notFound("Cercle");
  }
  const since = now - SINCE_MS;
  const base = `/p/${poleId}`;

  let edits = db
    .selectFrom("document_edits")
    .innerJoin("documents", "documents.id", "document_edits.document_id")
    .selectAll("documents")
    .select(["document_edits.user_id", "document_edits.last_at"])
    .where("documents.pole_id", "=", poleId)
    .where("document_edits.last_at", ">=", since);
  let decisions = db
    .selectFrom("decisions")
    .select(["id", "title", "author_id", "opened_at", "closed_at", "closed_by"])
    .where("pole_id", "=", poleId)
    .where((eb) => eb.or([eb("opened_at", ">=", since), eb("closed_at", ">=", since)]));
  let meetings = db
    .selectFrom("meetings")
    .select(["id", "title", "created_by", "created_at", "closed_at"])
    .where("pole_id", "=", poleId)
    .where((eb) => eb.or([eb("created_at", ">=", since), eb("closed_at", ">=", since)]));
  let seats = db
    .selectFrom("membership_events")
    .innerJoin("circles", "circles.id", "membership_events.circle_id")
    .innerJoin("users", "users.id", "membership_events.user_id")
    .select([
      "membership_events.id",
      "membership_events.user_id",
      "membership_events.at",
      "circles.id as circle_id",
      "circles.name as circle_name",
      "users.name as person_name",
    ])
    .where("membership_events.pole_id", "=", poleId)
    .where("membership_events.role", "is not", null)
    .where("membership_events.at", ">=", since);
  if (circleId) {
    edits = edits.where("documents.circle_id", "=", circleId);
    decisions = decisions.where("circle_id", "=", circleId);
    meetings = meetings.where("circle_id", "=", circleId);
    seats = seats.where("membership_events.circle_id", "=", circleId);
  }
  const joins = circleId
    ? []
    : await db
        .selectFrom("pole_members")
        .innerJoin("users", "users.id", "pole_members.user_id")
        .select(["users.id", "users.name", "pole_members.joined_at"])
        .where("pole_members.pole_id", "=", poleId)
        .where("pole_members.joined_at", ">=", since)
        .execute();

  const found: Found[] = [];
  const access = await rightsInPole(db, { member, userId: actorId, poleId });
  for (const edit of await edits.execute()) {
    if (access(edit) === null) continue;
    found.push({
      id: `edit:${edit.id}:${edit.user_id}:${edit.last_at}`,
      at: edit.last_at,
      actorId: edit.user_id,
      action: "document.edited",
      label: edit.title,
      link: `/d/${edit.id}`,
    });
  }
  for (const decision of await decisions.execute()) {
    const link = `${base}/decisions/${decision.id}`;
    if (decision.opened_at >= since) {
      found.push({
        id: `decision-opened:${decision.id}`,
        at: decision.opened_at,
        actorId: decision.author_id,
        action: "decision.opened",
        label: decision.title,
        link,
      });
    }
    if (decision.closed_at !== null && decision.closed_at >= since) {
      found.push({
        id: `decision-closed:${decision.id}`,
        at: decision.closed_at,
        actorId: decision.closed_by,
        action: "decision.closed",
        label: decision.title,
        link,
      });
    }
  }
  for (const meeting of await meetings.execute()) {
    const link = `${base}/reunions/${meeting.id}`;
    if (meeting.created_at >= since) {
      found.push({
        id: `meeting-planned:${meeting.id}`,
        at: meeting.created_at,
        actorId: meeting.created_by,
        action: "meeting.planned",
        label: meeting.title,
        link,
      });
    }
    if (meeting.closed_at !== null && meeting.closed_at >= since) {
      found.push({
        id: `meeting-closed:${meeting.id}`,
        at: meeting.closed_at,
        actorId: null,
        action: "meeting.closed",
        label: meeting.title,
        link,
      });
    }
  }
  for (const seat of await seats.execute()) {
    found.push({
      id: `seat:${seat.id}`,
      at: seat.at,
      actorId: seat.user_id,
      action: "circle.joined",
      label: seat.circle_name,
      link: `${base}/cercles/${seat.circle_id}`,
    });
  }
  for (const join of joins) {
    found.push({
      id: `joined:${join.id}`,
      at: join.joined_at,
      actorId: join.id,
      action: "pole.joined",
      label: join.name,
      link: `${base}/personnes/${join.id}`,
    });
  }

  const entries = found.sort((a, b) => b.at - a.at).slice(0, MAX_ENTRIES);
  const actorIds = [...new Set(entries.flatMap((entry) => (entry.actorId ? [entry.actorId] : [])))];
  const names = new Map(
    actorIds.length === 0
      ? []
      : (
          await db.selectFrom("users").select(["id", "name"]).where("id", "in", actorIds).execute()
        ).map((user) => [user.id, user.name]),
  );
  const days = new Map<string, ActivityEntry[]>();
  for (const { actorId: who, at, ...entry } of entries) {
    const name = who ? names.get(who) : undefined;
    const day = new Date(at).toISOString().slice(0, 10);
    days.set(day, [
      ...(days.get(day) ?? []),
      {
        ...entry,
        at: new Date(at).toISOString(),
        actor: who && name ? { id: who, name } : null,
      },
    ]);
  }
  return { days: [...days.entries()].map(([day, list]) => ({ day, entries: list })) };
}
