/** A list of tasks, each a checkbox for whoever may tick it, overdue ones marked. */
import { useTranslation } from "react-i18next";
import type { TaskView } from "../../../shared/api/meetings";
import { Badge } from "../../ui/kit";
import { useTaskDone } from "./queries";
import "./strings";

export function TaskItems({
  tasks,
  mayTick,
}: {
  tasks: readonly TaskView[];
  mayTick(task: TaskView): boolean;
}) {
  const { t } = useTranslation("meetings");
  const done = useTaskDone();
  if (tasks.length === 0) return <p className="muted">{t("page.noTasks")}</p>;
  return (
    <ul className="plain-list">
      {tasks.map((task) => (
        <li key={task.id}>
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
          {task.overdue ? <Badge tone="neutral">{t("tasks.overdue")}</Badge> : null}
        </li>
      ))}
    </ul>
  );
}
