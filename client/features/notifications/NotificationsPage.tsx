/**
 * `/p/:poleId/notifications`: the person's notifications in the pôle, grouped by day, each
 * a link to its subject (following it marks it read), with "mark read" one by one or all.
 */
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { NotificationView } from "../../../shared/api/notifications";
import { useNotifications } from "../../app/notifications";
import { Crumbs, PoleGate, usePole } from "../../app/pole";
import { useProblem } from "../../lib/errors";
import { formatDate, formatTime } from "../../lib/i18n";
import { Notice, QueryStatus, useDocumentTitle } from "../../ui/kit";
import { byDay, localDay } from "./days";
import { useMarkAllRead, useMarkRead } from "./queries";
import { sentence } from "./sentence";
import "./strings";
import "./notifications.css";

export function NotificationsPage() {
  const { t } = useTranslation("notifications");
  const { poleId, pole, ready } = usePole();
  useDocumentTitle(t("page.title"));
  return (
    <PoleGate title={t("page.title")} pole={pole} ready={ready}>
      {(pole) => (
        <>
          <Crumbs pole={pole} trail={[{ label: t("page.title") }]} />
          <Notifications poleId={poleId} />
        </>
      )}
    </PoleGate>
  );
}

function Notifications({ poleId }: { poleId: string }) {
  const { t, i18n } = useTranslation("notifications");
  const problem = useProblem();
  const list = useNotifications(poleId);
  const markAll = useMarkAllRead(poleId);
  const markRead = useMarkRead();
  const failed = markAll.error ?? markRead.error;
  const notifications = list.data?.notifications ?? [];

  const dayLabel = (day: string) => {
    const today = new Date();
    const yesterday = new Date(today.getTime() - 86_400_000);
    if (day === localDay(today)) return t("page.today");
    if (day === localDay(yesterday)) return t("page.yesterday");
    return formatDate(`${day}T12:00:00`, i18n.language);
  };

  return (
    <div className="notifications">
      <div className="notifications__head">
        <h1>{t("page.title")}</h1>
        {list.data && list.data.unread > 0 ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={markAll.isPending}
            onClick={() => markAll.mutate()}
          >
            {t("page.markAll")}
          </button>
        ) : null}
      </div>
      <p className="lead">{t("page.intro")}</p>
      <ul className="notifications__links">
        <li>
          <Link to={`/p/${poleId}/activite`}>{t("page.activity")}</Link>
        </li>
        <li>
          <Link to="/compte/notifications">{t("page.settings")}</Link>
        </li>
      </ul>
      <QueryStatus query={list} describe={problem} />
      {failed ? <Notice tone="error">{problem(failed)}</Notice> : null}
      {list.data && notifications.length === 0 ? <p>{t("page.none")}</p> : null}
      {byDay(notifications).map(({ day, entries }) => (
        <section key={day} aria-labelledby={`day-${day}`} className="notifications__day">
          <h2 id={`day-${day}`}>{dayLabel(day)}</h2>
          <ul className="notifications__list">
            {entries.map((notification) => (
              <Item
                key={notification.id}
                notification={notification}
                onRead={() => markRead.mutate(notification.id)}
                busy={markRead.isPending}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function Item({
  notification,
  onRead,
  busy,
}: {
  notification: NotificationView;
  onRead(): void;
  busy: boolean;
}) {
  const { t, i18n } = useTranslation("notifications");
  const time = formatTime(notification.createdAt, i18n.language);
  return (
    <li className={`notification${notification.read ? "" : " notification--unread"}`}>
      <Link
        to={notification.link}
        className="notification__link"
        onClick={() => (notification.read ? undefined : onRead())}
      >
        {notification.read ? null : (
          <span className="visually-hidden">{`${t("page.unread")} : `}</span>
        )}
        {sentence(t, notification)}
      </Link>
      <time dateTime={notification.createdAt} className="notification__time">
        {time}
      </time>
      {notification.read ? null : (
        <button
          type="button"
          className="button button--ghost button--small"
          disabled={busy}
          onClick={onRead}
        >
          {t("page.markRead")}
        </button>
      )}
    </li>
  );
}
