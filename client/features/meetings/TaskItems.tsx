/**
 * A list of tasks, each a checkbox for whoever may tick it, overdue ones marked, with the
 * board card a task became (or, for those who edit the board, a button to make one).
 */
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { TaskView } from "../../../shared/api/meetings";
import { useSubmit } from "../../app/form";
import { useProblem } from "../../lib/errors";
import { Badge, OutcomeNotice } from "../../ui/kit";
import { useTaskDone } from "./queries";
import { useTaskCard } from "./run-queries";
import "./strings";
import "./run-strings";

export function TaskItems({
  tasks,
  mayTick,
  mayCard = () => false,
}: {
  tasks: readonly TaskView[];
  mayTick(task: TaskView): boolean;
  mayCard?(task: TaskView): boolean;
}) {
  const { t } = useTranslation("meetings");
  const { t: tr } = useTranslation("meetingRun");
  const done = useTaskDone();
  const toCard = useTaskCard();
  const request = useSubmit(useProblem());
  if (tasks.length === 0) return <p className="muted">{t("page.noTasks")}</p>;
  return (
    <>
      <OutcomeNotice outcome={request.outcome} />
      <ul className="plain-list tasks">
        {tasks.map((task) => (
          <li key={task.id} id={`task-${task.id}`}>
            <label>
              <input
                type="checkbox"
                checked={task.done}
                disabled={!mayTick(task) || done.isPending}
                aria-label={t("tasks.done", { title: task.title })}
                onChange={(e) => done.mutate({ taskId: task.id, done: e.target.checked })}
              />{" "}
              {task.title} — {task.assigneeName}
              {task.dueOn ? ` (${task.dueOn})` : ""}
            </label>{" "}
            {task.overdue ? <Badge tone="neutral">{t("tasks.overdue")}</Badge> : null}{" "}
            {task.card ? (
              <Link
                to={`/d/${encodeURIComponent(task.card.boardId)}?card=${encodeURIComponent(task.card.cardId)}`}
                aria-label={tr("tasks.cardOf", { title: task.title })}
              >
                {tr("tasks.card")}
              </Link>
            ) : mayCard(task) ? (
              <button
                type="button"
                className="button button--ghost button--small"
                aria-label={tr("tasks.toCardLabel", { title: task.title })}
                disabled={request.busy}
                onClick={() => request.submit(() => toCard.mutateAsync(task.id))}
              >
                {tr("tasks.toCard")}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
