/**
 * The meeting's timer, the same in every open window: the item under discussion, the time
 * it has taken against its planned length (over time said in words, not only in colour),
 * and, for whoever runs the meeting, start, pause and next. The server keeps the state;
 * this counts the seconds since its last answer.
 */
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TimerBody, TimerView } from "../../../shared/api/meeting-run";
import type { MeetingView } from "../../../shared/api/meetings";
import { formatClock, overtime } from "../../../shared/meeting-run";
import { useSubmit } from "../../app/form";
import { useProblem } from "../../lib/errors";
import { OutcomeNotice } from "../../ui/kit";
import { useTimer, useTimerStep } from "./run-queries";
import "./run-strings";

/** The current time, renewed every second while `ticking`. */
function useNow(ticking: boolean) {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!ticking) return;
    const interval = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(interval);
  }, [ticking]);
  return ticking ? now : Date.now();
}

/** Milliseconds each item has taken by now: the server's figures, plus the running stretch. */
export function useItemTimes(meetingId: string) {
  const query = useTimer(meetingId);
  const timer = query.data?.timer ?? null;
  const now = useNow(timer?.running ?? false);
  const since = timer?.running ? Math.max(0, now - query.dataUpdatedAt) : 0;
  const elapsed = (itemId: string) => {
    const banked = timer?.items.find((item) => item.itemId === itemId)?.elapsedMs ?? 0;
    return itemId === timer?.itemId ? banked + since : banked;
  };
  return { timer, elapsed };
}

export function MeetingTimer({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation("meetingRun");
  const { timer, elapsed } = useItemTimes(meeting.id);
  const step = useTimerStep(meeting.id);
  const request = useSubmit(useProblem());
  const index = timer ? meeting.agenda.findIndex((item) => item.id === timer.itemId) : -1;
  const item = meeting.agenda[index];
  const isLast = index === meeting.agenda.length - 1;
  const run = (body: TimerBody) => request.submit(() => step.mutateAsync(body));
  // Once closed, the time each item took shows in the agenda.
  if (meeting.state === "closed") return null;

  return (
    <section aria-labelledby="timer-title" className="card meeting-timer">
      <h2 id="timer-title">{t("timer.title")}</h2>
      {item && timer ? (
        <Clock
          title={item.title}
          timer={timer}
          elapsedMs={elapsed(item.id)}
          durationMinutes={item.durationMinutes}
        />
      ) : (
        <p className="muted">{t("timer.idle")}</p>
      )}
      <OutcomeNotice outcome={request.outcome} />
      {meeting.canRun && meeting.agenda.length > 0 ? (
        <p className="meeting-timer__actions">
          {timer?.running ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => run({ action: "pause" })}
            >
              {t("timer.pause")}
            </button>
          ) : (
            <button
              type="button"
              className="button button--primary"
              onClick={() => run({ action: "start" })}
            >
              {item ? t("timer.resume") : t("timer.start")}
            </button>
          )}
          {item && !isLast ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => run({ action: "next" })}
            >
              {t("timer.next")}
            </button>
          ) : null}
          {item && isLast ? <span className="muted small">{t("timer.last")}</span> : null}
        </p>
      ) : null}
    </section>
  );
}

function Clock({
  title,
  timer,
  elapsedMs,
  durationMinutes,
}: {
  title: string;
  timer: NonNullable<TimerView["timer"]>;
  elapsedMs: number;
  durationMinutes: number | null;
}) {
  const { t } = useTranslation("meetingRun");
  const over = overtime(elapsedMs, durationMinutes);
  const elapsed = formatClock(elapsedMs);
  return (
    <>
      {/* Announced when the item or the state changes, not at every second. */}
      <p className="meeting-timer__item" aria-live="polite">
        {t("timer.current", { title })}{" "}
        <span className="muted">({timer.running ? t("timer.running") : t("timer.paused")})</span>
      </p>
      <p className={`meeting-timer__clock${over > 0 ? " meeting-timer__clock--over" : ""}`}>
        <span role="timer" className="meeting-timer__digits">
          {elapsed}
        </span>{" "}
        <span>
          {durationMinutes === null
            ? t("timer.clockFree")
            : t("timer.clock", { planned: formatClock(durationMinutes * 60_000) })}
        </span>
      </p>
      {over > 0 ? (
        <p className="meeting-timer__over">
          <strong>{t("timer.over", { over: formatClock(over) })}</strong>
        </p>
      ) : null}
    </>
  );
}
