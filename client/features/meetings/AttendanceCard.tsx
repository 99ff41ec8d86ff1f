/**
 * Who comes: one's own answer (présent·e, excusé·e, représenté·e par a member of the
 * circle), everyone's answers, and for whoever runs the meeting a button per person to
 * tick them on arrival.
 */
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MeetingView } from "../../../shared/api/meetings";
import { type AttendanceStatus, attendanceStatuses } from "../../../shared/meetings";
import { useSubmit } from "../../app/form";
import { useProblem } from "../../lib/errors";
import { Choice, ChoiceGroup } from "../../ui/choices";
import { FormActions, OutcomeNotice, SelectField } from "../../ui/kit";
import { useAnswer } from "./queries";
import "./strings";
import "./run-strings";

type Person = MeetingView["attendance"][number];

function MyAnswer({
  meeting,
  me,
  proxies,
}: {
  meeting: MeetingView;
  me: Person;
  proxies: readonly Person[];
}) {
  const { t } = useTranslation("meetingRun");
  const request = useSubmit(useProblem());
  const answer = useAnswer(meeting.id);
  // Nothing chosen until the person answers: a pre-ticked choice would read as an answer.
  const [status, setStatus] = useState<AttendanceStatus | null>(me.status);
  const [proxyId, setProxyId] = useState(me.proxyId ?? "");
  const [error, setError] = useState<{ status?: string; proxy?: string }>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (status === null) {
      setError({ status: t("attendance.chooseStatus") });
      return;
    }
    if (status === "represented" && !proxyId) {
      setError({ proxy: t("attendance.chooseProxy") });
      return;
    }
    setError({});
    await request.submit(() =>
      answer.mutateAsync(
        status === "represented" ? { status, proxyId } : { status, proxyId: null },
      ),
    );
  }

  return (
    <form className="form meeting-answer" onSubmit={submit} noValidate>
      <OutcomeNotice outcome={request.outcome} />
      <ChoiceGroup legend={t("attendance.mine")} error={error.status}>
        {attendanceStatuses.map((choice) => (
          <Choice
            key={choice}
            type="radio"
            name={`answer-${meeting.id}`}
            checked={status === choice}
            onChange={() => setStatus(choice)}
            label={t(`attendance.${choice}`)}
          />
        ))}
      </ChoiceGroup>
      {status === "represented" ? (
        <SelectField
          label={t("attendance.proxy")}
          value={proxyId}
          error={error.proxy}
          onChange={(event) => setProxyId(event.target.value)}
        >
          <option value="">{t("attendance.chooseProxy")}</option>
          {proxies.map((person) => (
            <option key={person.userId} value={person.userId}>
              {person.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <FormActions
        busy={request.busy}
        label={t("attendance.answer")}
        busyLabel={t("attendance.answering")}
      />
    </form>
  );
}

export function AttendanceCard({
  meeting,
  myId,
  mayAnswer,
  circleMemberIds,
}: {
  meeting: MeetingView;
  myId: string;
  mayAnswer: boolean;
  /** The people seated in the meeting's circle: the only possible proxies. */
  circleMemberIds: ReadonlySet<string>;
}) {
  const { t } = useTranslation("meetings");
  const { t: tr } = useTranslation("meetingRun");
  const request = useSubmit(useProblem());
  const answer = useAnswer(meeting.id);
  const open = meeting.state === "planned";
  const mine = meeting.attendance.find((person) => person.userId === myId);
  const nameOf = (userId: string | null) =>
    meeting.attendance.find((person) => person.userId === userId)?.name ?? "—";
  const proxies = meeting.attendance.filter(
    (person) => person.userId !== myId && circleMemberIds.has(person.userId),
  );
  return (
    <section aria-labelledby="attendance-title" className="card">
      <h2 id="attendance-title">{t("page.attendance")}</h2>
      {open && mayAnswer ? (
        <MyAnswer
          // Starts again from the stored answer when it changes (ticked by the facilitator).
          key={`${mine?.status}:${mine?.proxyId}`}
          meeting={meeting}
          me={mine ?? { userId: myId, name: "", status: null, proxyId: null }}
          proxies={proxies}
        />
      ) : null}
      <OutcomeNotice outcome={request.outcome} />
      <ul className="plain-list attendance">
        {meeting.attendance.map((person) => (
          <li key={person.userId}>
            {person.name} :{" "}
            {person.status === "represented"
              ? `${t("statuses.represented")} ${tr("attendance.by", { name: nameOf(person.proxyId) })}`
              : person.status
                ? t(`statuses.${person.status}`)
                : t("page.noAnswer")}
            {open && meeting.canRun && person.status !== "present" ? (
              <>
                {" "}
                <button
                  type="button"
                  className="button button--ghost button--small"
                  aria-label={tr("attendance.arrived", { name: person.name })}
                  onClick={() =>
                    request.submit(() =>
                      answer.mutateAsync({ userId: person.userId, status: "present" }),
                    )
                  }
                >
                  {tr("attendance.tick")}
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
