/**
 * The pôle's calendar for one person: the coming meetings of the circles they sit in, and
 * the secret address of their feed, created, replaced or revoked here (shown only once).
 */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useSubmit } from "../../app/form";
import { useProblem } from "../../lib/errors";
import { formatDate, formatDateTime } from "../../lib/i18n";
import { usePoleEvents } from "../../lib/live";
import { CopyableLink } from "../../ui/CopyableLink";
import { Badge, OutcomeNotice, QueryStatus, useDocumentTitle } from "../../ui/kit";
import { useFeed, useIssueFeed, useRevokeFeed, useUpcoming } from "./calendar-queries";
import "./calendar-strings";

function FeedCard({ poleId }: { poleId: string }) {
  const { t, i18n } = useTranslation("calendar");
  const feed = useFeed(poleId);
  const issue = useIssueFeed(poleId);
  const revoke = useRevokeFeed(poleId);
  const problem = useProblem();
  const request = useSubmit(problem);
  const [issued, setIssued] = useState<string | null>(null);
  const active = feed.data?.active ?? false;
  return (
    <section aria-labelledby="feed-title" className="card">
      <h2 id="feed-title">{t("feed.title")}</h2>
      <p>{t("feed.intro")}</p>
      <OutcomeNotice outcome={request.outcome} />
      {issued ? (
        <CopyableLink link={issued} label={t("feed.link")} data-feed-url="" />
      ) : (
        <p className="muted">
          {active && feed.data?.createdAt
            ? t("feed.active", {
                date: formatDate(feed.data.createdAt, i18n.language),
              })
            : t("feed.inactive")}
        </p>
      )}
      <p className="actions">
        <button
          type="button"
          className="button button--primary"
          disabled={request.busy}
          onClick={() => request.submit(async () => setIssued((await issue.mutateAsync()).url))}
        >
          {active ? t("feed.rotate") : t("feed.create")}
        </button>{" "}
        {active ? (
          <button
            type="button"
            className="button button--ghost"
            disabled={request.busy}
            onClick={() =>
              request.submit(async () => {
                await revoke.mutateAsync();
                setIssued(null);
              }, t("feed.revoked"))
            }
          >
            {t("feed.revoke")}
          </button>
        ) : null}
      </p>
    </section>
  );
}

export function CalendarPage() {
  const { poleId = "" } = useParams();
  const { t, i18n } = useTranslation("calendar");
  const upcoming = useUpcoming(poleId);
  const problem = useProblem();
  useDocumentTitle(t("page.title"));
  usePoleEvents(poleId);
  return (
    <div className="page">
      <h1>{t("page.title")}</h1>
      <p className="muted">{t("page.intro")}</p>
      <section aria-labelledby="upcoming-title" className="card">
        <h2 id="upcoming-title" className="visually-hidden">
          {t("page.title")}
        </h2>
        {upcoming.data ? (
          upcoming.data.length === 0 ? (
            <p className="muted">{t("page.none")}</p>
          ) : (
            <ul className="plain-list">
              {upcoming.data.map((meeting) => (
                <li key={meeting.id}>
                  <time dateTime={meeting.startsAt}>
                    {formatDateTime(meeting.startsAt, i18n.language)}
                  </time>
                  <br />
                  <Link to={`/p/${poleId}/reunions/${meeting.id}`}>{meeting.title}</Link>{" "}
                  <span className="muted">— {meeting.circleName}</span>{" "}
                  {meeting.state === "cancelled" ? (
                    <Badge tone="muted">{t("page.cancelled")}</Badge>
                  ) : null}
                  {meeting.place || meeting.videoUrl ? (
                    <>
                      <br />
                      <span className="muted">
                        {meeting.place
                          ? t("page.where", { place: meeting.place })
                          : t("page.video")}
                      </span>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )
        ) : (
          <QueryStatus query={upcoming} describe={problem} />
        )}
      </section>
      <FeedCard poleId={poleId} />
    </div>
  );
}
