/**
 * Reads and writes of the calendar, the feed, series and schedule changes, parsed with the
 * server's schemas. Keys start with "meeting", so that a meeting event refetches them.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  CalendarFeedView,
  IssuedFeed,
  MeetingFollowUp,
  type NextMeetingBody,
  type RescheduleBody,
  type SeriesRuleBody,
  UpcomingMeetings,
} from "../../../shared/api/meeting-calendar";
import { PlannedMeeting } from "../../../shared/api/meetings";
import { api, polePath } from "../../lib/api";
import { meetingKeys } from "./queries";

const one = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`;

const calendarKeys = {
  upcoming: (poleId: string) => [...meetingKeys.all, "calendar", poleId] as const,
  feed: (poleId: string) => [...meetingKeys.all, "feed", poleId] as const,
  followUp: (meetingId: string) => [...meetingKeys.all, "follow-up", meetingId] as const,
};

export const useUpcoming = (poleId: string) =>
  useQuery({
    queryKey: calendarKeys.upcoming(poleId),
    queryFn: () => api.get(`${polePath(poleId)}/calendar`, UpcomingMeetings),
  });

export const useFeed = (poleId: string) =>
  useQuery({
    queryKey: calendarKeys.feed(poleId),
    queryFn: () => api.get(`${polePath(poleId)}/calendar/feed`, CalendarFeedView),
  });

export const useFollowUp = (meetingId: string) =>
  useQuery({
    queryKey: calendarKeys.followUp(meetingId),
    queryFn: () => api.get(`${one(meetingId)}/follow-up`, MeetingFollowUp),
  });

function useCalendarMutation<T, R>(request: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingKeys.all }),
  });
}

export const useIssueFeed = (poleId: string) =>
  useCalendarMutation(() => api.post(`${polePath(poleId)}/calendar/feed`, {}, IssuedFeed));

export const useRevokeFeed = (poleId: string) =>
  useCalendarMutation(() => api.call("DELETE", `${polePath(poleId)}/calendar/feed`));

export const useReschedule = (meetingId: string) =>
  useCalendarMutation((body: RescheduleBody) =>
    api.call("PATCH", `${one(meetingId)}/schedule`, body),
  );

export const useCancelMeeting = (meetingId: string) =>
  useCalendarMutation(() => api.call("POST", `${one(meetingId)}/cancel`));

export const useSeriesRule = (meetingId: string) =>
  useCalendarMutation((rule: SeriesRuleBody) =>
    api.call("PUT", `${one(meetingId)}/series`, { rule }),
  );

export const usePlanNext = (meetingId: string) =>
  useCalendarMutation((body: NextMeetingBody) =>
    api.post(`${one(meetingId)}/next`, body, PlannedMeeting),
  );

export const useCovered = (meetingId: string) =>
  useCalendarMutation(({ itemId, covered }: { itemId: string; covered: boolean }) =>
    api.call("PUT", `${one(meetingId)}/agenda/${encodeURIComponent(itemId)}/covered`, {
      covered,
    }),
  );
