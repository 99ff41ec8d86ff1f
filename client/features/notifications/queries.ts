/** Marking notifications read, and the e-mail preferences. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  MentionableList,
  NotificationView,
  type Preference,
  Preferences,
  UnreadCount,
  Unsubscribed,
} from "../../../shared/api/notifications";
import { notificationKeys } from "../../app/notifications";
import { api, polePath } from "../../lib/api";

function useNotificationMutation<T, R>(request: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export const useMarkRead = () =>
  useNotificationMutation((notificationId: string) =>
    api.post(`/api/notifications/${encodeURIComponent(notificationId)}/read`, {}, NotificationView),
  );

export const useMarkAllRead = (poleId: string) =>
  useNotificationMutation(() =>
    api.post(`${polePath(poleId)}/notifications/read`, {}, UnreadCount),
  );

/** Whom the writer may mention in a document (the pôle's people, and who can read it). */
export const useMentionable = (documentId: string, enabled: boolean) =>
  useQuery({
    queryKey: ["mentionable", documentId],
    queryFn: () =>
      api.get(`/api/documents/${encodeURIComponent(documentId)}/mentionable`, MentionableList),
    enabled,
  });

const preferencesKey = ["notification-preferences"] as const;
const preferencesPath = "/api/me/notification-preferences";

export const usePreferences = () =>
  useQuery({ queryKey: preferencesKey, queryFn: () => api.get(preferencesPath, Preferences) });

export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (preferences: Preference[]) =>
      api.put(preferencesPath, { preferences }, Preferences),
    onSuccess: (saved) => queryClient.setQueryData(preferencesKey, saved),
  });
}

export const useUnsubscribe = () =>
  useMutation({
    mutationFn: (token: string) =>
      api.post(`/api/unsubscribe/${encodeURIComponent(token)}`, {}, Unsubscribed),
  });
