import { useTranslation } from "react-i18next";
import { formatDate } from "../lib/i18n";
import "./strings";

export interface TimelineEvent {
  key: string;
  at: string;
  /** Leaving a circle, drawn apart from joining one. */
  left: boolean;
  what: string;
  /** Who made the change, when it was not the person themself. */
  by?: string | null;
}

/** Dated comings and goings in circles. */
export function Timeline({
  events,
  compact = false,
}: {
  events: TimelineEvent[];
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation("collective");
  return (
    <ol className={compact ? "timeline timeline--compact" : "timeline"}>
      {events.map((event) => (
        <li
          key={event.key}
          className={`timeline__item${event.left ? " timeline__item--left" : ""}`}
        >
          <time dateTime={event.at} className="timeline__date">
            {formatDate(event.at, i18n.language)}
          </time>
          <span className="timeline__what">{event.what}</span>
          {event.by ? (
            <span className="timeline__who muted small">{t("common.by", { name: event.by })}</span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
