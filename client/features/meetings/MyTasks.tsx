/** "Mes tâches" on the home page: the person's tasks in this pôle, to tick when done. */
import { useTranslation } from "react-i18next";
import { useMyTasks } from "./queries";
import { TaskItems } from "./TaskItems";
import "./strings";
import { usePoleEvents } from "../../lib/live";

export function MyTasks({ poleId }: { poleId: string }) {
  const { t } = useTranslation("meetings");
  const tasks = useMyTasks(poleId);
  usePoleEvents(poleId);
  if (!tasks.data || tasks.data.length === 0) return null;
  return (
    <section aria-labelledby="my-tasks-title" className="card">
      <h2 id="my-tasks-title">{t("tasks.mine")}</h2>
      <TaskItems tasks={tasks.data} mayTick={() => true} />
    </section>
  );
}
