/**
 * `/p/:poleId/activite` (`?cercle=` for one circle): what changed, by day, each entry a
 * link to what it is about. Refreshed as decisions and meetings change.
 */
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { type ActivityEntry, ActivityFeed } from "../../../shared/api/notifications";
import { Crumbs, PoleGate, usePole } from "../../app/pole";
import { useCircles } from "../../app/poleQueries";
import { api, polePath } from "../../lib/api";
import { useProblem } from "../../lib/errors";
import { formatDate, formatTime } from "../../lib/i18n";
import { usePoleEvents } from "../../lib/live";
import { QueryStatus, SelectField, useDocumentTitle } from "../../ui/kit";
import "./strings";
import "../notifications/notifications.css";

const knownActions = [
  "document.edited",
  "decision.opened",
  "decision.closed",
  "meeting.planned",
  "meeting.closed",
  "circle.joined",
  "pole.joined",
] as const;

export function ActivityPage() {
  const { t } = useTranslation("activity");
  const { poleId, pole, ready } = usePole();
  usePoleEvents(pole ? poleId : undefined);
  useDocumentTitle(t("title"));
  return (
    <PoleGate title={t("title")} pole={pole} ready={ready}>
      {(pole) => (
        <>
          <Crumbs pole={pole} trail={[{ label: t("title") }]} />
          <Activity poleId={pole.id} />
        </>
      )}
    </PoleGate>
  );
}

function Activity({ poleId }: { poleId: string }) {
  const { t, i18n } = useTranslation("activity");
  const problem = useProblem();
  const [params, setParams] = useSearchParams();
  const circleId = params.get("cercle") ?? "";
  const circles = useCircles(poleId);
  // Keyed under the pôle events that refresh it: decisions, meetings, recorded edits.
  const feed = useQuery({
    queryKey: ["decision", "meeting", "activity", poleId, circleId],
    queryFn: () =>
      api.get(
        `${polePath(poleId)}/activity${circleId ? `?${new URLSearchParams({ circleId })}` : ""}`,
        ActivityFeed,
      ),
  });
  return (
    <div className="activity">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <SelectField
        label={t("circle")}
        value={circleId}
        onChange={(event) =>
          setParams(event.target.value ? { cercle: event.target.value } : {}, { replace: true })
        }
      >
        <option value="">{t("wholePole")}</option>
        {(circles.data ?? []).map((circle) => (
          <option key={circle.id} value={circle.id}>
            {circle.name}
          </option>
        ))}
      </SelectField>
      <QueryStatus query={feed} describe={problem} />
      {feed.data && feed.data.days.length === 0 ? <p>{t("none")}</p> : null}
      {feed.data?.days.map(({ day, entries }) => (
        <section key={day} aria-labelledby={`activity-${day}`} className="notifications__day">
          <h2 id={`activity-${day}`}>{formatDate(`${day}T12:00:00Z`, i18n.language)}</h2>
          <ul className="notifications__list">
            {entries.map((entry) => (
              <li key={entry.id} className="activity__entry">
                <Entry entry={entry} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function Entry({ entry }: { entry: ActivityEntry }) {
  const { t, i18n } = useTranslation("activity");
  const action = knownActions.find((known) => known === entry.action) ?? "other";
  const text = t(`actions.${action}`, {
    actor: entry.actor?.name ?? t("someone"),
    label: entry.label,
  });
  const time = formatTime(entry.at, i18n.language);
  return (
    <>
      {entry.link ? <Link to={entry.link}>{text}</Link> : <span>{text}</span>}
      <time dateTime={entry.at} className="notification__time">
        {time}
      </time>
    </>
  );
}
