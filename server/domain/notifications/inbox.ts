/**
 * A person's notifications in a pôle: the latest listed with the unread count, marked read
 * one by one or all at once. Someone else's notification is as unknown as a missing one.
 */
import type { NotificationList, NotificationView } from "../../../shared/api/notifications";
import type { DB } from "../../db/database";
import type { Ctx } from "../context";
import { notFound } from "../errors";
import { requireMember } from "../members";
import { subjectLink } from "./links";

const PAGE = 100;

const selectViews = (db: DB) =>
  db
    .selectFrom("notifications")
    .leftJoin("users as actor", "actor.id", "notifications.actor_id")
    .select([
      "notifications.id",
      "notifications.pole_id",
      "notifications.kind",
      "notifications.title",
      "notifications.subject_type",
      "notifications.subject_id",
      "notifications.detail",
      "notifications.read_at",
      "notifications.created_at",
      "actor.id as actor_id",
      "actor.name as actor_name",
    ]);

type Row = Awaited<ReturnType<ReturnType<typeof selectViews>["execute"]>>[number];

const present = (row: Row): NotificationView => {
  const subject = { type: row.subject_type, id: row.subject_id, detail: row.detail };
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    actor: row.actor_id && row.actor_name ? { id: row.actor_id, name: row.actor_name } : null,
    subject,
    link: subjectLink(row.pole_id, subject),
    read: row.read_at !== null,
    createdAt: new Date(row.created_at).toISOString(),
  };
};

export async function unreadCount(db: DB, { poleId, userId }: { poleId: string; userId: string }) {
  const row = await db
    .selectFrom("notifications")
    .select(({ fn }) => fn.countAll<number>().as("count"))
    .where("recipient_id", "=", userId)
    .where("pole_id", "=", poleId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function listNotifications(
  { db }: Ctx,
  actorId: string,
  { poleId }: { poleId: string },
): Promise<NotificationList> {
  await requireMember(db, { poleId, userId: actorId });
  const rows = await selectViews(db)
    .where("notifications.recipient_id", "=", actorId)
    .where("notifications.pole_id", "=", poleId)
    .orderBy("notifications.created_at", "desc")
    .orderBy("notifications.id")
    .limit(PAGE)
    .execute();
  return {
    unread: await unreadCount(db, { poleId, userId: actorId }),
    notifications: rows.map(present),
  };
}

export async function markRead(
  { db, poleEvents }: Ctx<"poleEvents">,
  actorId: string,
  { notificationId }: { notificationId: string },
  now = Date.now(),
): Promise<NotificationView> {
  await db
    .updateTable("notifications")
    .set({ read_at: now })
    .where("id", "=", notificationId)
    .where("recipient_id", "=", actorId)
    .where("read_at", "is", null)
    .execute();
  const row = await selectViews(db)
    .where("notifications.id", "=", notificationId)
    .where("notifications.recipient_id", "=", actorId)
    .executeTakeFirst();
  if (!row) throw notFound("Notification");
  // The person's other windows update their count.
  poleEvents.publish(row.pole_id, { type: "notification", id: actorId });
  return present(row);
}

export async function markAllRead(
  { db, poleEvents }: Ctx<"poleEvents">,
  actorId: string,
  { poleId }: { poleId: string },
  now = Date.now(),
): Promise<{ unread: number }> {
  await requireMember(db, { poleId, userId: actorId });
  await db
    .updateTable("notifications")
    .set({ read_at: now })
    .where("recipient_id", "=", actorId)
    .where("pole_id", "=", poleId)
    .where("read_at", "is", null)
    .execute();
  poleEvents.publish(poleId, { type: "notification", id: actorId });
  return { unread: 0 };
}
