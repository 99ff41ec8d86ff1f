/**
 * The header's bell: a link to the notifications page with the unread count, kept live by
 * the pôle's event stream. The count is part of the link's name, and a polite status
 * announces it when it grows, so that screen reader users hear of a new notification.
 */
import { useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { usePoleEvents } from "../lib/live";
import { notificationsPath, useNotifications } from "./notifications";

export function NotificationBell({ poleId }: { poleId: string }) {
  const { t } = useTranslation();
  usePoleEvents(poleId);
  const unread = useNotifications(poleId).data?.unread ?? 0;
  const announced = useAnnouncement(unread);
  const label =
    unread === 0 ? t("layout.notifications") : t("layout.notificationsUnread", { count: unread });
  return (
    <>
      <NavLink to={notificationsPath(poleId)} className="bell" aria-label={label} title={label}>
        <svg className="bell__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M6 17V11a6 6 0 0 1 12 0v6l2 2H4l2-2Z" />
          <path d="M10 21a2 2 0 0 0 4 0" />
        </svg>
        {unread > 0 ? (
          <span className="bell__count" aria-hidden="true">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </NavLink>
      {/* At the end of the page: the status regions of the page's own content come first. */}
      {createPortal(
        <span role="status" className="visually-hidden">
          {announced}
        </span>,
        document.body,
      )}
    </>
  );
}

/** What to announce: the new count, once it grows past the one first shown. */
function useAnnouncement(unread: number) {
  const { t } = useTranslation();
  const shown = useRef<number | null>(null);
  const [text, setText] = useState("");
  useEffect(() => {
    if (shown.current !== null && unread > shown.current) {
      setText(t("layout.notificationsUnread", { count: unread }));
    }
    shown.current = unread;
  }, [unread, t]);
  return text;
}
