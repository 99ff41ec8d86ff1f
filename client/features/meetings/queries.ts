/**
 * Reads and writes of meetings and tasks, parsed with the server's own schemas. Every key
 * starts with "meeting", the pôle event type that invalidates it (client/lib/live.ts).
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { DecisionView } from "../../../shared/api/decisions";
import {
  type AttendanceBody,
  MeetingList,
  MeetingView,
  type PlanMeetingBody,
  PlannedMeeting,
  type TaskBody,
  TaskList,
  TaskView,
} from "../../../shared/api/meetings";
import { api, polePath } from "../../lib/api";

const one = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`;

export const meetingKeys = {
  all: ["meeting"] as const,
  ofCircle: (circleId: string) => ["meeting", "circle", circleId] as const,
  one: (meetingId: string) => ["meeting", "one", meetingId] as const,
  mine: (poleId: string) => ["meeting", "tasks", poleId] as const,
};

export const exportUrl = (meetingId: string, format: string) =>
  `${one(meetingId)}/export/${format}`;

export const useCircleMeetings = (circleId: string) =>
  useQuery({
    queryKey: meetingKeys.ofCircle(circleId),
    queryFn: () => api.get(`/api/circles/${encodeURIComponent(circleId)}/meetings`, MeetingList),
  });

export const useMeeting = (meetingId: string) =>
  useQuery({
    queryKey: meetingKeys.one(meetingId),
    queryFn: () => api.get(one(meetingId), MeetingView),
  });

export const useMyTasks = (poleId: string) =>
  useQuery({
    queryKey: meetingKeys.mine(poleId),
    queryFn: () => api.get(`${polePath(poleId)}/tasks/mine`, TaskList),
  });

/** A change to meetings: every meeting query refetches. */
export function useMeetingMutation<T, R>(request: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingKeys.all }),
  });
}

export const usePlanMeeting = (poleId: string) =>
  useMeetingMutation((body: PlanMeetingBody) =>
    api.post(`${polePath(poleId)}/meetings`, body, PlannedMeeting),
  );

export const useAnswer = (meetingId: string) =>
  useMeetingMutation((body: AttendanceBody) =>
    api.call("PUT", `${one(meetingId)}/attendance`, body),
  );

export const useAddTask = (meetingId: string) =>
  useMeetingMutation((body: TaskBody) => api.post(`${one(meetingId)}/tasks`, body, TaskView));

export const useTaskDone = () =>
  useMeetingMutation(({ taskId, done }: { taskId: string; done: boolean }) =>
    api.call("PATCH", `/api/tasks/${encodeURIComponent(taskId)}`, { done }),
  );

export const useItemDecision = (meetingId: string) =>
  useMeetingMutation((itemId: string) =>
    api.post(
      `${one(meetingId)}/agenda/${encodeURIComponent(itemId)}/decision`,
      { method: "consent" },
      DecisionView,
    ),
  );

export const useCloseMeeting = (meetingId: string) =>
  useMeetingMutation(() => api.post(`${one(meetingId)}/close`, {}, MeetingView));
