/**
 * The agenda of a meeting as it is run: each item with its kind, planned length and time
 * taken, its links, the decision opened from it; whoever runs the meeting moves items up
 * and down (buttons, so the keyboard does it too), removes them, jumps the timer to one.
 */
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MeetingView } from "../../../shared/api/meetings";
import { formatClock, overtime } from "../../../shared/meeting-run";
import { useSubmit } from "../../app/form";
import { useProblem } from "../../lib/errors";
import { OutcomeNotice } from "../../ui/kit";
import { AddAgendaLink, AgendaLinks } from "./AgendaLinks";
import { useItemTimes } from "./MeetingTimer";
import { useItemDecision } from "./queries";
import { useItemLinks, useRemoveItem, useReorderAgenda, useTimerStep } from "./run-queries";
import "./strings";
import "./run-strings";

/** The order with the item at `from` moved to `to`. */
const moved = (ids: readonly string[], from: number, to: number) => {
  const order = [...ids];
  const [id] = order.splice(from, 1);
  if (id !== undefined) order.splice(to, 0, id);
  return order;
};

export function AgendaItems({ meeting, poleId }: { meeting: MeetingView; poleId: string }) {
  const { t } = useTranslation("meetings");
  const { t: tr } = useTranslation("meetingRun");
  const request = useSubmit(useProblem());
  const decide = useItemDecision(meeting.id);
  const reorder = useReorderAgenda(meeting.id);
  const remove = useRemoveItem(meeting.id);
  const step = useTimerStep(meeting.id);
  const links = useItemLinks(meeting.id).data ?? [];
  const { timer, elapsed } = useItemTimes(meeting.id);
  const ids = meeting.agenda.map((item) => item.id);
  const timeTaken = (spent: number, durationMinutes: number | null) => {
    const over = overtime(spent, durationMinutes);
    const elapsed = formatClock(spent);
    return over > 0
      ? tr("timer.spentOver", { elapsed, over: formatClock(over) })
      : tr("timer.spent", { elapsed });
  };
  const run = meeting.canRun;
  const open = meeting.state === "planned";
  // Focus stays on the pressed button: the item keeps its element while it moves, and an
  // end of the list is aria-disabled (a disabled button would drop the focus).
  const move = (index: number, to: number) => {
    const item = meeting.agenda[index];
    if (request.busy || !item || to < 0 || to >= ids.length) return;
    void request.submit(
      () => reorder.mutateAsync(moved(ids, index, to)),
      tr("agenda.moved", { title: item.title, position: to + 1 }),
    );
  };

  return (
    <section aria-labelledby="agenda-title" className="card">
      <h2 id="agenda-title">{t("page.agenda")}</h2>
      <OutcomeNotice outcome={request.outcome} />
      <ol className="agenda">
        {meeting.agenda.map((item, index) => {
          // A closed meeting has no item under discussion any more, only the time each took.
          const current = open && timer?.itemId === item.id;
          const spent = elapsed(item.id);
          return (
            <li key={item.id} className={`agenda__item${current ? " agenda__item--current" : ""}`}>
              <p className="agenda__title">
                <strong>{item.title}</strong>{" "}
                <span className="muted">
                  ({t(`kinds.${item.kind}`)}
                  {item.durationMinutes
                    ? `, ${t("page.minutesLength", { count: item.durationMinutes })}`
                    : ""}
                  {spent > 0 ? `, ${timeTaken(spent, item.durationMinutes)}` : ""})
                </span>
                {current ? <span className="badge badge--edit">{tr("timer.now")}</span> : null}
              </p>
              <AgendaLinks
                meetingId={meeting.id}
                links={links.filter((link) => link.itemId === item.id)}
                canRun={run}
              />
              <div className="agenda__actions">
                {item.decisionId && item.decision ? (
                  <Link to={`/p/${poleId}/decisions/${item.decisionId}`}>
                    {t("page.decision", {
                      state: t(`outcomes.${item.decision.outcome ?? "open"}`),
                    })}
                  </Link>
                ) : run && item.kind === "decision" ? (
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    disabled={request.busy}
                    onClick={() => request.submit(() => decide.mutateAsync(item.id))}
                  >
                    {t("page.openDecision")}
                  </button>
                ) : null}
                {run && !current ? (
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    onClick={() =>
                      request.submit(() => step.mutateAsync({ action: "start", itemId: item.id }))
                    }
                  >
                    {tr("timer.here")}
                  </button>
                ) : null}
                {run ? (
                  <>
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      aria-label={tr("agenda.moveUp", { title: item.title })}
                      aria-disabled={index === 0}
                      onClick={() => move(index, index - 1)}
                    >
                      ↑ {tr("agenda.up")}
                    </button>
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      aria-label={tr("agenda.moveDown", { title: item.title })}
                      aria-disabled={index === meeting.agenda.length - 1}
                      onClick={() => move(index, index + 1)}
                    >
                      ↓ {tr("agenda.down")}
                    </button>
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      aria-label={tr("agenda.removeLabel", { title: item.title })}
                      onClick={() =>
                        request.submit(() => remove.mutateAsync(item.id), tr("agenda.removed"))
                      }
                    >
                      {tr("agenda.remove")}
                    </button>
                  </>
                ) : null}
              </div>
              {run ? <AddAgendaLink meetingId={meeting.id} poleId={poleId} item={item} /> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
