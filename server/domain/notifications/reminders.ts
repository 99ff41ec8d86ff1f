/**
 * Notifications that a date brings rather than a person: a decision whose vote closes
 * within a day (to those of its electorate who have not voted), a task past its due day
 * (to its assignee). Their event keys make a rerun, or a second instance, a no-op.
 */
import type { Ctx } from "../context";
import { notify } from "./notify";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The keys already used: a reminder sent stays sent, so each minute's run skips it at once. */
async function sentKeys(ctx: Ctx, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await ctx.db
    .selectFrom("notifications")
    .select("event_key")
    .distinct()
    .where("event_key", "in", keys)
    .execute();
  return new Set(rows.map((row) => row.event_key));
}

const closesKey = (decisionId: string) => `decision-closes:${decisionId}`;
// A new due day that passes in turn is a new reminder.
const overdueKey = (task: { id: string; due_on: string | null }) =>
  `task-overdue:${task.id}:${task.due_on}`;

async function decisionsClosingTomorrow(ctx: Ctx<"poleEvents">, now: number) {
  const decisions = await ctx.db
    .selectFrom("decisions")
    .select(["id", "title"])
    .where("state", "=", "open")
    .where("closes_at", ">", now)
    .where("closes_at", "<=", now + DAY_MS)
    .execute();
  const sent = await sentKeys(
    ctx,
    decisions.map((decision) => closesKey(decision.id)),
  );
  for (const decision of decisions) {
    if (sent.has(closesKey(decision.id))) continue;
    const waiting = await ctx.db
      .selectFrom("decision_electorate")
      .select("user_id")
      .where("decision_id", "=", decision.id)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("decision_votes")
              .select("decision_votes.id")
              .whereRef("decision_votes.decision_id", "=", "decision_electorate.decision_id")
              .whereRef("decision_votes.user_id", "=", "decision_electorate.user_id"),
          ),
        ),
      )
      .execute();
    await notify(
      ctx,
      null,
      {
        recipientIds: waiting.map((row) => row.user_id),
        kind: "decisionClosesTomorrow",
        eventKey: closesKey(decision.id),
        subject: { type: "decision", id: decision.id },
        title: decision.title,
      },
      now,
    );
  }
}

async function overdueTasks(ctx: Ctx<"poleEvents">, now: number) {
  const today = new Date(now).toISOString().slice(0, 10);
  const tasks = await ctx.db
    .selectFrom("meeting_tasks")
    .select(["id", "title", "assignee_id", "due_on", "meeting_id"])
    .where("done", "=", 0)
    .where("due_on", "is not", null)
    .where("due_on", "<", today)
    .execute();
  const sent = await sentKeys(ctx, tasks.map(overdueKey));
  for (const task of tasks) {
    if (sent.has(overdueKey(task))) continue;
    await notify(
      ctx,
      null,
      {
        recipientIds: [task.assignee_id],
        kind: "taskOverdue",
        eventKey: overdueKey(task),
        subject: { type: "task", id: task.id, detail: task.meeting_id ?? undefined },
        title: task.title,
      },
      now,
    );
  }
}

export async function sendReminders(ctx: Ctx<"poleEvents">, now = Date.now()) {
  await decisionsClosingTomorrow(ctx, now);
  await overdueTasks(ctx, now);
}
