/**
 * Reads and writes of a meeting being run: its timer, the links of its agenda items, the
 * agenda's order, a task turned into a card. Keys start with "meeting" so the pôle's
 * events refetch them in every open window (client/lib/live.ts).
 */
import { useQuery } from "@tanstack/react-query";
import {
  type ItemLinkBody,
  ItemLinkList,
  ItemLinkView,
  type TimerBody,
  TimerView,
} from "../../../shared/api/meeting-run";
import { TaskView } from "../../../shared/api/meetings";
import { api } from "../../lib/api";
import { useMeetingMutation } from "./queries";

const one = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`;

export const useTimer = (meetingId: string) =>
  useQuery({
    queryKey: ["meeting", "timer", meetingId],
    queryFn: () => api.get(`${one(meetingId)}/timer`, TimerView),
  });

export const useTimerStep = (meetingId: string) =>
  useMeetingMutation((body: TimerBody) => api.post(`${one(meetingId)}/timer`, body, TimerView));

export const useItemLinks = (meetingId: string) =>
  useQuery({
    queryKey: ["meeting", "links", meetingId],
    queryFn: () => api.get(`${one(meetingId)}/links`, ItemLinkList),
  });

export const useAddLink = (meetingId: string) =>
  useMeetingMutation(({ itemId, link }: { itemId: string; link: ItemLinkBody }) =>
    api.post(`${one(meetingId)}/agenda/${encodeURIComponent(itemId)}/links`, link, ItemLinkView),
  );

export const useRemoveLink = (meetingId: string) =>
  useMeetingMutation((linkId: string) =>
    api.call("DELETE", `${one(meetingId)}/links/${encodeURIComponent(linkId)}`),
  );

export const useReorderAgenda = (meetingId: string) =>
  useMeetingMutation((itemIds: string[]) =>
    api.call("PUT", `${one(meetingId)}/agenda`, { itemIds }),
  );

export const useRemoveItem = (meetingId: string) =>
  useMeetingMutation((itemId: string) =>
    api.call("DELETE", `${one(meetingId)}/agenda/${encodeURIComponent(itemId)}`),
  );

export const useTaskCard = () =>
  useMeetingMutation((taskId: string) =>
    api.post(`/api/tasks/${encodeURIComponent(taskId)}/card`, {}, TaskView),
  );
