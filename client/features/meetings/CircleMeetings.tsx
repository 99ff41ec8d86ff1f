/** On a circle's page: its meetings and its tasks, and planning one for those who may. */
import { type FormEvent, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { canRunMeeting } from "../../../shared/permissions";
import { useFields, useSubmit } from "../../app/form";
import { memberOf, useCircles } from "../../app/poleQueries";
import { useMe } from "../../app/session";
import { useProblem } from "../../lib/errors";
import { formatDateTime } from "../../lib/i18n";
import { required } from "../../lib/validation";
import { FormActions, PlusIcon, TextField, TitledForm, useDisclosure } from "../../ui/kit";
import { usePlanMeeting } from "./queries";
import "./strings";
import { usePoleEvents } from "../../lib/live";
import { useCircleMeetings } from "./queries";

function PlanMeetingForm({
  poleId,
  circleId,
  onCancel,
}: {
  poleId: string;
  circleId: string;
  onCancel(): void;
}) {
  const { t } = useTranslation("meetings");
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const problem = useProblem();
  const request = useSubmit(problem);
  const plan = usePlanMeeting(poleId);
  const fields = useFields({ title: "", startsAt: "", duration: "90", place: "", videoUrl: "" });
  const { values, errors, set } = fields;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = fields.check({
      title: required(values.title, tc, 300),
      startsAt: values.startsAt ? undefined : t("form.dateError"),
    });
    if (!ok) return;
    await request.submit(async () => {
      const planned = await plan.mutateAsync({
        circleId,
        title: values.title.trim(),
        startsAt: new Date(values.startsAt).toISOString(),
        durationMinutes: Number(values.duration) || undefined,
        place: values.place.trim() || undefined,
        videoUrl: values.videoUrl.trim() || undefined,
      });
      navigate(`/p/${poleId}/reunions/${planned.id}`);
    });
  }

  return (
    <TitledForm
      title={t("form.title")}
      error={request.error}
      formRef={fields.form}
      onSubmit={submit}
    >
      <TextField
        label={t("form.subject")}
        value={values.title}
        error={errors.title}
        onChange={(e) => set("title")(e.target.value)}
      />
      <TextField
        label={t("form.startsAt")}
        type="datetime-local"
        value={values.startsAt}
        error={errors.startsAt}
        onChange={(e) => set("startsAt")(e.target.value)}
      />
      <TextField
        label={t("form.duration")}
        type="number"
        min={1}
        value={values.duration}
        onChange={(e) => set("duration")(e.target.value)}
      />
      <TextField
        label={t("form.place")}
        value={values.place}
        onChange={(e) => set("place")(e.target.value)}
      />
      <TextField
        label={t("form.videoUrl")}
        type="url"
        value={values.videoUrl}
        onChange={(e) => set("videoUrl")(e.target.value)}
      />
      <FormActions
        busy={request.busy}
        label={t("form.submit")}
        busyLabel={t("form.busy")}
        onCancel={onCancel}
      />
    </TitledForm>
  );
}

export function CircleMeetings({ poleId, circleId }: { poleId: string; circleId: string }) {
  const { t, i18n } = useTranslation("meetings");
  const me = useMe();
  const circles = useCircles(poleId);
  const meetings = useCircleMeetings(circleId);
  usePoleEvents(poleId);
  const planning = useDisclosure();
  const mayPlan = useMemo(
    () =>
      me.data && circles.data
        ? canRunMeeting(memberOf(me.data, poleId, circles.data), circleId)
        : false,
    [me.data, circles.data, poleId, circleId],
  );
  return (
    <section aria-labelledby="circle-meetings-title" className="card">
      <h2 id="circle-meetings-title">{t("circle.title")}</h2>
      {(meetings.data ?? []).length === 0 ? <p className="muted">{t("circle.none")}</p> : null}
      <ul className="plain-list">
        {(meetings.data ?? []).map((meeting) => (
          <li key={meeting.id}>
            <Link to={`/p/${poleId}/reunions/${meeting.id}`}>{meeting.title}</Link>{" "}
            <span className="muted">
              {formatDateTime(meeting.startsAt, i18n.language)}
              {meeting.state === "planned" ? "" : ` — ${t(`circle.${meeting.state}`)}`}
            </span>
          </li>
        ))}
      </ul>
      {mayPlan ? (
        <>
          <button type="button" className="button button--secondary" {...planning.toggle}>
            <PlusIcon />
            {t("circle.plan")}
          </button>
          <div {...planning.panel}>
            {planning.open ? (
              <PlanMeetingForm
                poleId={poleId}
                circleId={circleId}
                onCancel={() => planning.setOpen(false)}
              />
            ) : null}
          </div>
        </>
      ) : null}
    </section>
  );
}
