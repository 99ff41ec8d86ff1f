/**
 * A meeting, run from this one page: its timer, its agenda (reordered, linked, a decision
 * opened from an item), the live minutes, attendance (each answers, the circle's people
 * tick on arrival), its tasks, closing, and the minutes' exports. Refreshed live through
 * the pôle's events.
 */
import { type FormEvent, useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useParams } from "react-router";
import type { MeetingView } from "../../../shared/api/meetings";
import {
  canAnswerAttendance,
  canRunMeeting,
  canTurnTaskIntoCard,
} from "../../../shared/permissions";
import { useFields, useSubmit } from "../../app/form";
import { memberOf, useCircles, usePoleDocuments } from "../../app/poleQueries";
import { useMe } from "../../app/session";
import { useProblem } from "../../lib/errors";
import { formatDateTime } from "../../lib/i18n";
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
import { AgendaItems } from "./AgendaItems";
import { AttendanceCard } from "./AttendanceCard";
import { MeetingCalendarCard, PreviousTasks } from "./MeetingFollowUp";
import { MeetingMinutes } from "./MeetingMinutes";
import { MeetingTimer } from "./MeetingTimer";
import { exportUrl, useAddTask, useCloseMeeting, useMeeting } from "./queries";
import { TaskItems } from "./TaskItems";
import "./strings";
import "./meetings.css";

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
  // A card made from a task links back here at the task (#task-ID).
  const { hash } = useLocation();
  const loaded = meeting !== undefined;
  useEffect(() => {
    if (loaded && hash) document.getElementById(hash.slice(1))?.scrollIntoView();
  }, [loaded, hash]);
  usePoleEvents(meeting ? poleId : undefined);
  const documents = usePoleDocuments(poleId);
  const member = useMemo(
    () => (me.data && circles.data ? memberOf(me.data, poleId, circles.data) : null),
    [me.data, circles.data, poleId],
  );
  const circleMemberIds = useMemo(
    () =>
      new Set(
        circles.data
          ?.find((circle) => circle.id === meeting?.circleId)
          ?.members.map((seat) => seat.userId),
      ),
    [circles.data, meeting?.circleId],
  );
  const runsCircle = meeting ? canRunMeeting(member, meeting.circleId) : false;
  const hasBoard = !!documents.data?.some(
    (doc) => doc.kind === "board" && doc.circleId === meeting?.circleId,
  );
  if (!meeting || !me.data) return <QueryStatus query={query} describe={problem} />;
  const myId = me.data.user.id;
  return (
    <div className="page">
      <h1>{meeting.title}</h1>
      <p className="muted">
        {formatDateTime(meeting.startsAt, i18n.language)}
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
      <MeetingTimer meeting={meeting} />
      <PreviousTasks meetingId={meeting.id} />
      <AgendaItems meeting={meeting} poleId={poleId} />
      <MeetingMinutes meeting={meeting} poleId={poleId} />
      <AttendanceCard
        meeting={meeting}
        myId={myId}
        mayAnswer={canAnswerAttendance(member, meeting.circleId, true)}
        circleMemberIds={circleMemberIds}
      />
      <MeetingCalendarCard meeting={meeting} runsCircle={runsCircle} />
      <section aria-labelledby="tasks-title" className="card">
        <h2 id="tasks-title">{t("page.tasks")}</h2>
        <TaskItems
          tasks={meeting.tasks}
          mayTick={(task) => task.assigneeId === myId || runsCircle}
          mayCard={() => hasBoard && canTurnTaskIntoCard(member, meeting.circleId)}
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
