/**
 * Tasks written during a meeting (what, who, by when): the assignee's "Mes tâches", the
 * circle's list, done or not, overdue once their day has passed.
 */
import type { TaskBody, TaskView } from "../../shared/api/meetings";
import { isOverdue } from "../../shared/meetings";
import { canRunMeeting } from "../../shared/permissions";
import type { DB } from "../db/database";
import type { TaskRow } from "../db/schema";
import type { Ctx } from "./context";
import { forbidden, notFound } from "./errors";
import { newId } from "./ids";
import { invalid, type MeetingContext, runnableMeeting, whileOpen } from "./meeting-access";
import { isPoleMember, requireMember, requireMemberFor } from "./members";

const today = (now: number) => new Date(now).toISOString().slice(0, 10);

export async function presentTasks(
  db: DB,
  rows: readonly TaskRow[],
  now = Date.now(),
): Promise<TaskView[]> {
  const ids = [...new Set(rows.map((row) => row.assignee_id))];
  const names = new Map(
    ids.length === 0
      ? []
      : (await db.selectFrom("users").select(["id", "name"]).where("id", "in", ids).execute()).map(
          (user) => [user.id, user.name],
        ),
  );
  const cards = new Map(
    rows.length === 0
      ? []
      : (
          await db
            .selectFrom("task_cards")
            .select(["task_id", "board_id", "card_id"])
            .where(
              "task_id",
              "in",
              rows.map((row) => row.id),
            )
            .execute()
        ).map((card) => [card.task_id, { boardId: card.board_id, cardId: card.card_id }]),
  );
  return rows.map((row) => {
    const task = { dueOn: row.due_on, done: row.done === 1 };
    return {
      id: row.id,
      title: row.title,
      assigneeId: row.assignee_id,
      assigneeName: names.get(row.assignee_id) ?? "",
      ...task,
      overdue: isOverdue(task, today(now)),
      circleId: row.circle_id,
      meetingId: row.meeting_id,
      card: cards.get(row.id) ?? null,
    };
  });
}

export async function createTask(
  { db, poleEvents }: MeetingContext,
  actorId: string,
  input: { meetingId: string } & TaskBody,
  now = Date.now(),
): Promise<TaskView> {
  const { meeting } = await runnableMeeting(db, actorId, input.meetingId);
  const assignee = { poleId: meeting.pole_id, userId: input.assigneeId };
  if (!(await isPoleMember(db, assignee)))
    throw invalid("La tâche doit être confiée à une personne du pôle.");
  const row: TaskRow = {
    id: newId(),
    pole_id: meeting.pole_id,
    circle_id: meeting.circle_id,
    meeting_id: meeting.id,
    title: input.title,
    assignee_id: input.assigneeId,
    due_on: input.dueOn ?? null,
    done: 0,
    created_by: actorId,
    created_at: now,
  };
  await whileOpen(db, meeting.id, (trx) => trx.insertInto("meeting_tasks").values(row).execute());
  poleEvents.publish(meeting.pole_id, { type: "meeting", id: meeting.id });
  const [view] = await presentTasks(db, [row], now);
  if (!view) throw notFound("Tâche");
  return view;
}

/** A task and the person who acts on it; another pôle's task is as unknown as a missing one. */
export async function taskFor(db: DB, actorId: string, taskId: string) {
  const task = await db
    .selectFrom("meeting_tasks")
    .selectAll()
    .where("id", "=", taskId)
    .executeTakeFirst();
  if (!task) throw notFound("Tâche");
  const member = await requireMemberFor(db, { poleId: task.pole_id, userId: actorId }, "Tâche");
  return { task, member };
}

/** Its assignee, and whoever runs the circle's meetings, tick a task done or not. */
export async function setTaskDone(
  { db, poleEvents }: MeetingContext,
  actorId: string,
  { taskId, done }: { taskId: string; done: boolean },
): Promise<TaskView> {
  const { task, member } = await taskFor(db, actorId, taskId);
  if (task.assignee_id !== actorId && !canRunMeeting(member, task.circle_id)) {
    throw forbidden("Seuls la personne chargée de la tâche et les membres du cercle la cochent.");
  }
  const updated = { ...task, done: done ? 1 : 0 };
  await db
    .updateTable("meeting_tasks")
    .set({ done: updated.done })
    .where("id", "=", taskId)
    .execute();
  if (task.meeting_id) poleEvents.publish(task.pole_id, { type: "meeting", id: task.meeting_id });
  const [view] = await presentTasks(db, [updated]);
  if (!view) throw notFound("Tâche");
  return view;
}

const tasksQuery = (db: DB) =>
  db
    .selectFrom("meeting_tasks")
    .selectAll()
    .orderBy("done")
    .orderBy("due_on")
    .orderBy("created_at")
    .orderBy("id");

/** "Mes tâches": the caller's tasks in one pôle, those not done first. */
export async function myTasks(
  { db }: Ctx,
  actorId: string,
  { poleId }: { poleId: string },
): Promise<TaskView[]> {
  await requireMember(db, { poleId, userId: actorId });
  const rows = await tasksQuery(db)
    .where("pole_id", "=", poleId)
    .where("assignee_id", "=", actorId)
    .execute();
  return presentTasks(db, rows);
}

/** The tasks of a circle's meetings, for every member of its pôle. */
export async function circleTasks(
  { db }: Ctx,
  actorId: string,
  { circleId }: { circleId: string },
): Promise<TaskView[]> {
  const circle = await db
    .selectFrom("circles")
    .select("pole_id")
    .where("id", "=", circleId)
    .executeTakeFirst();
  if (!circle) throw notFound("Cercle");
  await requireMemberFor(db, { poleId: circle.pole_id, userId: actorId }, "Cercle");
  return presentTasks(db, await tasksQuery(db).where("circle_id", "=", circleId).execute());
}
