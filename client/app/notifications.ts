/**
 * The person's notifications in a pôle: one query shared by the header's bell and the
 * notifications page. Its key starts with "notification", the pôle event type that only
 * the recipient's stream carries (client/lib/live.ts), so both update without reload.
 */
import { useQuery } from "@tanstack/react-query";
import { NotificationList } from "../../shared/api/notifications";
import { api, polePath } from "../lib/api";

export const notificationKeys = {
  all: ["notification"] as const,
  ofPole: (poleId: string) => ["notification", poleId] as const,
};

export const useNotifications = (poleId: string) =>
  useQuery({
    queryKey: notificationKeys.ofPole(poleId),
    queryFn: () => api.get(`${polePath(poleId)}/notifications`, NotificationList),
  });

export const notificationsPath = (poleId: string) => `/p/${poleId}/notifications`;
