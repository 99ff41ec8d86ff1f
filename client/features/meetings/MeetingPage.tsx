/**
 * A meeting: its agenda (a decision opened from an item, its outcome shown), attendance
 * (each answers, the circle's people tick on arrival), the link to the live minutes, its
 * tasks, closing, and the minutes' exports. Refreshed live through the pôle's events.
 */
import { type FormEvent, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { MeetingView } from "../../../shared/api/meetings";
import { canRunMeeting } from "../../../shared/permissions";
import { useFields, useSubmit } from "../../app/form";
import { memberOf, useCircles } from "../../app/poleQueries";
import { useMe } from "../../app/session";
import { useProblem } from "../../lib/errors";
import { usePoleEvents } from "../../lib/live";
import { required } from "../../lib/validation";
import {
  FormActions,
  Notice,
  OutcomeNotice,
  QueryStatus,
  SelectField,
  TextField,
  TitledForm,
  useDocumentTitle,
} from "../../ui/kit";
import { MeetingCalendarCard, PreviousTasks } from "./MeetingFollowUp";
import {
  exportUrl,
  useAddTask,
  useAnswer,
  useCloseMeeting,
  useItemDecision,
  useMeeting,
} from "./queries";
import { TaskItems } from "./TaskItems";
import "./strings";

function Agenda({ meeting, poleId }: { meeting: MeetingView; poleId: string }) {
  const { t } = useTranslation("meetings");
  const problem = useProblem();
  const request = useSubmit(problem);
  const decide = useItemDecision(meeting.id);
  return (
    <section aria-labelledby="agenda-title" className="card">
      <h2 id="agenda-title">{t("page.agenda")}</h2>
      <OutcomeNotice outcome={request.outcome} />
      <ol>
        {meeting.agenda.map((item) => (
          <li key={item.id}>
            {item.title} <span className="muted">({t(`kinds.${item.kind}`)}</span>
            {item.durationMinutes ? (
              <span className="muted">
                , {t("page.minutesLength", { count: item.durationMinutes })}
              </span>
            ) : null}
            <span className="muted">)</span>{" "}
            {item.decisionId && item.decision ? (
              <Link to={`/p/${poleId}/decisions/${item.decisionId}`}>
                {t("page.decision", {
                  state: t(`outcomes.${item.decision.outcome ?? "open"}`),
                })}
              </Link>
            ) : meeting.canRun && item.kind === "decision" ? (
              <button
                type="button"
                className="button button--ghost"
                disabled={request.busy}
                onClick={() => request.submit(() => decide.mutateAsync(item.id))}
              >
                {t("page.openDecision")}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Attendance({ meeting, myId }: { meeting: MeetingView; myId: string }) {
  const { t } = useTranslation("meetings");
  const problem = useProblem();
  const request = useSubmit(problem);
  const answer = useAnswer(meeting.id);
  const open = meeting.state === "planned";
  const mine = meeting.attendance.find((person) => person.userId === myId);
  return (
    <section aria-labelledby="attendance-title" className="card">
      <h2 id="attendance-title">{t("page.attendance")}</h2>
      <OutcomeNotice outcome={request.outcome} />
      {open && mine ? (
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => request.submit(() => answer.mutateAsync({ status: "present" }))}
          >
            {t("page.iCome")}
          </button>{" "}
          <button
            type="button"
            className="button button--ghost"
            onClick={() => request.submit(() => answer.mutateAsync({ status: "excused" }))}
          >
            {t("page.iAmExcused")}
          </button>
        </p>
      ) : null}
      <ul className="plain-list">
        {meeting.attendance.map((person) => (
          <li key={person.userId}>
            {person.name} : {person.status ? t(`statuses.${person.status}`) : t("page.noAnswer")}
            {open && meeting.canRun && person.status !== "present" ? (
              <>
                {" "}
                <button
                  type="button"
                  className="button button--ghost"
                  aria-label={`${t("page.tick")} : ${person.name}`}
                  onClick={() =>
                    request.submit(() =>
                      answer.mutateAsync({ userId: person.userId, status: "present" }),
                    )
                  }
                >
                  {t("page.tick")}
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function NewTask({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation("meetings");
  const { t: tc } = useTranslation();
  const problem = useProblem();
  const request = useSubmit(problem);
  const add = useAddTask(meeting.id);
  const fields = useFields({ title: "", assigneeId: "", dueOn: "" });
  const { values, errors, set } = fields;
  const assignee = values.assigneeId || meeting.attendance[0]?.userId || "";

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!fields.check({ title: required(values.title, tc, 300) })) return;
    const added = await request.submit(() =>
      add.mutateAsync({
        title: values.title.trim(),
        assigneeId: assignee,
        dueOn: values.dueOn || undefined,
      }),
    );
    if (added) set("title")("");
  }

  return (
    <TitledForm
      title={t("tasks.new")}
      error={request.error}
      formRef={fields.form}
      className="form"
      onSubmit={submit}
    >
      <TextField
        label={t("tasks.what")}
        value={values.title}
        error={errors.title}
        onChange={(e) => set("title")(e.target.value)}
      />
      <SelectField
        label={t("tasks.who")}
        value={assignee}
        onChange={(e) => set("assigneeId")(e.target.value)}
      >
        {meeting.attendance.map((person) => (
          <option key={person.userId} value={person.userId}>
            {person.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("tasks.dueOn")}
        type="date"
        value={values.dueOn}
        onChange={(e) => set("dueOn")(e.target.value)}
      />
      <FormActions busy={request.busy} label={t("tasks.add")} busyLabel={t("tasks.adding")} />
    </TitledForm>
  );
}

export function MeetingPage() {
  const { poleId = "", meetingId = "" } = useParams();
  const { t, i18n } = useTranslation("meetings");
  const me = useMe();
  const circles = useCircles(poleId);
  const query = useMeeting(meetingId);
  const problem = useProblem();
  const closing = useSubmit(problem);
  const close = useCloseMeeting(meetingId);
  const meeting = query.data;
  useDocumentTitle(meeting?.title);
  usePoleEvents(meeting ? poleId : undefined);
  const runsCircle = useMemo(
    () =>
      me.data && circles.data && meeting
        ? canRunMeeting(memberOf(me.data, poleId, circles.data), meeting.circleId)
        : false,
    [me.data, circles.data, poleId, meeting],
  );
  if (!meeting || !me.data) return <QueryStatus query={query} describe={problem} />;
  const myId = me.data.user.id;
  return (
    <div className="page">
      <h1>{meeting.title}</h1>
      <p className="muted">
        {new Intl.DateTimeFormat(i18n.language, { dateStyle: "full", timeStyle: "short" }).format(
          Date.parse(meeting.startsAt),
        )}
        {meeting.place ? ` — ${meeting.place}` : ""}
      </p>
      {meeting.videoUrl ? (
        <p>
          <a href={meeting.videoUrl} rel="noreferrer noopener" target="_blank">
            {meeting.videoUrl}
          </a>
        </p>
      ) : null}
      {meeting.state === "closed" ? <Notice tone="info">{t("page.closedNotice")}</Notice> : null}
      <p>
        <Link className="button button--primary" to={`/d/${meeting.documentId}`}>
          {meeting.state === "closed" ? t("page.minutesClosed") : t("page.minutes")}
        </Link>
      </p>
      <PreviousTasks meetingId={meeting.id} />
      <Agenda meeting={meeting} poleId={poleId} />
      <Attendance meeting={meeting} myId={myId} />
      <MeetingCalendarCard meeting={meeting} runsCircle={runsCircle} />
      <section aria-labelledby="tasks-title" className="card">
        <h2 id="tasks-title">{t("page.tasks")}</h2>
        <TaskItems
          tasks={meeting.tasks}
          mayTick={(task) => task.assigneeId === myId || runsCircle}
        />
        {meeting.canRun ? <NewTask meeting={meeting} /> : null}
      </section>
      <section className="card">
        <OutcomeNotice outcome={closing.outcome} />
        {meeting.canRun ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={closing.busy}
            onClick={() => closing.submit(() => close.mutateAsync())}
          >
            {closing.busy ? t("page.closing") : t("page.close")}
          </button>
        ) : null}
        <p>
          {t("page.export")}{" "}
          {["odt", "docx", "html"].map((format, index) => (
            <span key={format}>
              {index > 0 ? " · " : null}
              <a href={exportUrl(meeting.id, format)}>{format.toUpperCase()}</a>
            </span>
          ))}
        </p>
      </section>
    </div>
  );
}
