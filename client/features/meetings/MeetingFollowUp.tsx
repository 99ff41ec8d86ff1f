/**
 * On a meeting's page: the tasks of the previous meeting and where they stand (the
 * follow-up its first item opens on), and the meeting's calendar side — its `.ics` (the
 * link to share when e-mail is not set up), its series and backlog, the items covered,
 * planning the next one, moving or cancelling it.
 */
import type { TFunction } from "i18next";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { MeetingFollowUp } from "../../../shared/api/meeting-calendar";
import type { MeetingView } from "../../../shared/api/meetings";
import { type SeriesRule, weekdayRanks } from "../../../shared/meeting-series";
import { useSubmit } from "../../app/form";
import { useProblem } from "../../lib/errors";
import { formatDateTime } from "../../lib/i18n";
import { Notice, OutcomeNotice, SelectField, TextField } from "../../ui/kit";
import {
  useCancelMeeting,
  useCovered,
  useFollowUp,
  usePlanNext,
  useReschedule,
  useSeriesRule,
} from "./calendar-queries";
import { weekdayKey } from "./calendar-strings";

export function PreviousTasks({ meetingId }: { meetingId: string }) {
  const { t, i18n } = useTranslation("calendar");
  const previous = useFollowUp(meetingId).data?.previous;
  if (!previous) return null;
  return (
    <section aria-labelledby="previous-tasks-title" className="card">
      <h2 id="previous-tasks-title">
        {t("meeting.previousTasks", {
          title: previous.title,
          date: formatDateTime(previous.startsAt, i18n.language),
        })}
      </h2>
      {previous.tasks.length === 0 ? (
        <p className="muted">{t("meeting.noPreviousTasks")}</p>
      ) : (
        <ul className="plain-list">
          {previous.tasks.map((task) => (
            <li key={task.id}>
              {task.title} — {task.assigneeName}
              {task.dueOn ? ` (${task.dueOn})` : ""} :{" "}
              <strong>
                {task.done
                  ? t("meeting.taskDone")
                  : task.overdue
                    ? t("meeting.taskOverdue")
                    : t("meeting.taskOpen")}
              </strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const toLocalInput = (iso: string) => {
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
};

function ruleLabel(rule: SeriesRule, t: TFunction<"calendar">) {
  return rule.every === "weeks"
    ? t("meeting.weeks", { count: rule.interval })
    : t("meeting.month", {
        rank: t(`ranks.${rule.rank}`),
        weekday: t(`weekdays.${weekdayKey(rule.weekday)}`),
      });
}

function SeriesForm({ meeting, followUp }: { meeting: MeetingView; followUp: MeetingFollowUp }) {
  const { t } = useTranslation("calendar");
  const problem = useProblem();
  const request = useSubmit(problem);
  const save = useSeriesRule(meeting.id);
  const current = followUp.series?.rule;
  const [every, setEvery] = useState(current?.every ?? "weeks");
  const [interval, setInterval] = useState(
    String(current?.every === "weeks" ? current.interval : 2),
  );
  const [rank, setRank] = useState(String(current?.every === "month" ? current.rank : 1));
  const [weekday, setWeekday] = useState(
    String(current?.every === "month" ? current.weekday : new Date(meeting.startsAt).getDay()),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    const rule: SeriesRule =
      every === "weeks"
        ? { every: "weeks", interval: Number(interval) }
        : {
            every: "month",
            rank: weekdayRanks.find((value) => String(value) === rank) ?? 1,
            weekday: Number(weekday),
          };
    void request.submit(() => save.mutateAsync(rule));
  }
  return (
    <form className="form" onSubmit={submit} aria-label={t("meeting.seriesRule")}>
      <OutcomeNotice outcome={request.outcome} />
      <SelectField
        label={t("meeting.every")}
        value={every}
        onChange={(e) => setEvery(e.target.value as "weeks" | "month")}
      >
        <option value="weeks">{t("meeting.everyWeeks")}</option>
        <option value="month">{t("meeting.everyMonth")}</option>
      </SelectField>
      {every === "weeks" ? (
        <TextField
          label={t("meeting.interval")}
          type="number"
          min={1}
          max={12}
          value={interval}
          onChange={(e) => setInterval(e.target.value)}
        />
      ) : (
        <>
          <SelectField
            label={t("meeting.rank")}
            value={rank}
            onChange={(e) => setRank(e.target.value)}
          >
            {weekdayRanks.map((value) => (
              <option key={value} value={value}>
                {t(`ranks.${value}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("meeting.weekday")}
            value={weekday}
            onChange={(e) => setWeekday(e.target.value)}
          >
            {[1, 2, 3, 4, 5, 6, 0].map((value) => (
              <option key={value} value={value}>
                {t(`weekdays.${weekdayKey(value)}`)}
              </option>
            ))}
          </SelectField>
        </>
      )}
      <button type="submit" className="button button--secondary" disabled={request.busy}>
        {t("meeting.saveSeries")}
      </button>
    </form>
  );
}

function Coverage({ meeting, followUp }: { meeting: MeetingView; followUp: MeetingFollowUp }) {
  const { t } = useTranslation("calendar");
  const covered = useCovered(meeting.id);
  const notCovered = new Set(followUp.notCovered);
  return (
    <fieldset className="fieldset">
      <legend className="visually-hidden">{t("meeting.coverage")}</legend>
      <p className="small muted">{t("meeting.coverageHint")}</p>
      <ul className="plain-list">
        {meeting.agenda.map((item) => (
          <li key={item.id}>
            <label>
              <input
                type="checkbox"
                checked={!notCovered.has(item.id)}
                disabled={covered.isPending}
                aria-label={t("meeting.covered", { title: item.title })}
                onChange={(e) => covered.mutate({ itemId: item.id, covered: e.target.checked })}
              />{" "}
              {item.title}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function Reschedule({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation("calendar");
  const problem = useProblem();
  const request = useSubmit(problem);
  const reschedule = useReschedule(meeting.id);
  const cancel = useCancelMeeting(meeting.id);
  const [startsAt, setStartsAt] = useState(toLocalInput(meeting.startsAt));
  const [place, setPlace] = useState(meeting.place);
  function submit(event: FormEvent) {
    event.preventDefault();
    void request.submit(() =>
      reschedule.mutateAsync({
        startsAt: startsAt ? new Date(startsAt).toISOString() : undefined,
        place: place.trim(),
      }),
    );
  }
  return (
    <form className="form" onSubmit={submit} aria-label={t("meeting.reschedule")}>
      <OutcomeNotice outcome={request.outcome} />
      <TextField
        label={t("meeting.startsAt")}
        type="datetime-local"
        value={startsAt}
        onChange={(e) => setStartsAt(e.target.value)}
      />
      <TextField
        label={t("meeting.place")}
        value={place}
        onChange={(e) => setPlace(e.target.value)}
      />
      <p className="actions">
        <button type="submit" className="button button--secondary" disabled={request.busy}>
          {t("meeting.save")}
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={request.busy}
          onClick={() => {
            if (window.confirm(t("meeting.cancelConfirm")))
              void request.submit(() => cancel.mutateAsync());
          }}
        >
          {t("meeting.cancel")}
        </button>
      </p>
    </form>
  );
}

function PlanNext({ meeting, followUp }: { meeting: MeetingView; followUp: MeetingFollowUp }) {
  const { t } = useTranslation("calendar");
  const navigate = useNavigate();
  const problem = useProblem();
  const request = useSubmit(problem);
  const next = usePlanNext(meeting.id);
  const [startsAt, setStartsAt] = useState("");
  function submit(event: FormEvent) {
    event.preventDefault();
    void request.submit(async () => {
      const planned = await next.mutateAsync(
        startsAt ? { startsAt: new Date(startsAt).toISOString() } : {},
      );
      navigate(`../reunions/${planned.id}`, { relative: "path" });
    });
  }
  return (
    <form className="form" onSubmit={submit} aria-label={t("meeting.planNext")}>
      <OutcomeNotice outcome={request.outcome} />
      <TextField
        label={t("meeting.nextStartsAt")}
        type="datetime-local"
        value={startsAt}
        required={!followUp.series}
        onChange={(e) => setStartsAt(e.target.value)}
      />
      <button type="submit" className="button button--secondary" disabled={request.busy}>
        {request.busy ? t("meeting.planningNext") : t("meeting.planNext")}
      </button>
    </form>
  );
}

/** A tool of those who run the meeting, folded (and not rendered) until opened. */
function Tool({ summary, children }: { summary: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="export" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{summary}</summary>
      {open ? children : null}
    </details>
  );
}

export function MeetingCalendarCard({
  meeting,
  runsCircle,
}: {
  meeting: MeetingView;
  /** Whether the reader plans the circle's meetings (the next one, even once this one is closed). */
  runsCircle: boolean;
}) {
  const { t, i18n } = useTranslation("calendar");
  const followUp = useFollowUp(meeting.id).data;
  if (!followUp) return null;
  const icsLink = new URL(followUp.icsUrl, window.location.origin).toString();
  return (
    <section aria-labelledby="meeting-calendar-title" className="card">
      <h2 id="meeting-calendar-title">{t("meeting.title")}</h2>
      {meeting.state === "cancelled" ? (
        <Notice tone="info">{t("meeting.cancelledNotice")}</Notice>
      ) : null}
      <p>
        <a className="button button--secondary" href={followUp.icsUrl} download>
          {t("meeting.ics")}
        </a>
      </p>
      {followUp.emailed ? (
        <p className="small muted">{t("meeting.emailed")}</p>
      ) : (
        <>
          <p className="small">{t("meeting.notEmailed")}</p>
          <TextField
            label={t("meeting.link")}
            value={icsLink}
            readOnly
            className="input input--mono"
            onFocus={(event) => event.currentTarget.select()}
          />
        </>
      )}
      <p>
        <strong>{t("meeting.series")} : </strong>
        {followUp.series ? ruleLabel(followUp.series.rule, t) : t("meeting.none")}
        {followUp.nextStartsAt ? (
          <>
            <br />
            <span className="muted">
              {t("meeting.nextDate", {
                date: formatDateTime(followUp.nextStartsAt, i18n.language),
              })}
            </span>
          </>
        ) : null}
      </p>
      {followUp.backlog.length > 0 ? (
        <>
          <h3>{t("meeting.backlog")}</h3>
          <ul className="plain-list">
            {followUp.backlog.map((item) => (
              <li key={item.id}>{item.title}</li>
            ))}
          </ul>
        </>
      ) : null}
      {meeting.canRun ? (
        <>
          <Tool summary={t("meeting.coverage")}>
            <Coverage meeting={meeting} followUp={followUp} />
          </Tool>
          <Tool summary={t("meeting.seriesRule")}>
            <SeriesForm meeting={meeting} followUp={followUp} />
          </Tool>
          <Tool summary={t("meeting.reschedule")}>
            <Reschedule meeting={meeting} />
          </Tool>
        </>
      ) : null}
      {runsCircle ? (
        <Tool summary={t("meeting.planNext")}>
          <PlanNext meeting={meeting} followUp={followUp} />
        </Tool>
      ) : null}
    </section>
  );
}
