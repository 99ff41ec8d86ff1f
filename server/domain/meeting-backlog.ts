/**
 * A series' backlog: the agenda items a closed meeting did not cover, waiting for the
 * next meeting of the series to take them up.
 */
import type { DB } from "../db/database";
import type { MeetingRow } from "../db/schema";
import { newId } from "./ids";

export const uncoveredItems = (db: DB, meetingId: string) =>
  db
    .selectFrom("meeting_agenda_items")
    .selectAll()
    .where("meeting_id", "=", meetingId)
    .where("covered", "=", 0)
    .orderBy("position")
    .execute();

/** At closing: the items not covered wait in the series' backlog for the next meeting. */
export async function carryOverUncovered(
  db: DB,
  meeting: Pick<MeetingRow, "id" | "series_id">,
  now = Date.now(),
): Promise<void> {
  if (!meeting.series_id) return;
  const items = await uncoveredItems(db, meeting.id);
  if (items.length === 0) return;
  await db
    .insertInto("meeting_backlog")
    .values(
      items.map((item) => ({
        id: newId(),
        series_id: meeting.series_id as string,
        title: item.title,
        kind: item.kind,
        duration_minutes: item.duration_minutes,
        presenter_id: item.presenter_id,
        from_meeting_id: meeting.id,
        created_at: now,
      })),
    )
    .execute();
}

export const backlogOf = (db: DB, seriesId: string) =>
  db
    .selectFrom("meeting_backlog")
    .selectAll()
    .where("series_id", "=", seriesId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
