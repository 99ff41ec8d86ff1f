/**
 * What a notification is about, and who may read it. Nobody is told of something they
 * cannot open: a document by its access rule, the rest (decisions, meetings, tasks,
 * people) by belonging to its pôle, as their own pages decide.
 */
import type { SubjectType } from "../../../shared/notifications";
import type { DB } from "../../db/database";
import type { Ctx } from "../context";
import { readersAmong } from "../documents";
import { loadMembers } from "../members";

export interface NotificationSubject {
  type: SubjectType;
  id: string;
  /** A finer place inside it: a comment thread, a mention. */
  detail?: string;
}

const tableOf = {
  decision: "decisions",
  meeting: "meetings",
  task: "meeting_tasks",
  document: "documents",
} as const;

/** The pôle a subject belongs to; a `person` subject names the pôle they joined. */
export async function poleOfSubject(
  db: DB,
  subject: NotificationSubject,
  personPoleId?: string,
): Promise<string | null> {
  if (subject.type === "person") return personPoleId ?? null;
  const row = await db
    .selectFrom(tableOf[subject.type])
    .select("pole_id")
    .where("id", "=", subject.id)
    .executeTakeFirst();
  return row?.pole_id ?? null;
}

/**
 * Which of these people may open the subject: a document by its access rule, the rest (a
 * pôle's decisions, meetings and people) by belonging to the pôle. One pass for all.
 */
export async function readersOfSubject(
  ctx: Ctx,
  {
    subject,
    poleId,
    userIds,
  }: { subject: NotificationSubject; poleId: string; userIds: readonly string[] },
): Promise<Set<string>> {
  if (subject.type === "document") {
    return readersAmong(ctx, { documentId: subject.id, userIds });
  }
  return new Set((await loadMembers(ctx.db, { poleId, userIds })).keys());
}
