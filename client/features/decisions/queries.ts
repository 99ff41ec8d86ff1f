/**
 * Reads and writes of decisions and colleges, parsed with the server's own schemas. Every
 * key starts with the pôle event type that invalidates it (client/lib/live.ts).
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  CloseAnswer,
  type CollegesBody,
  CollegesView,
  DecisionLog,
  type DecisionLogQuery,
  DecisionView,
  type OpenDecisionBody,
  type VoteBody,
} from "../../../shared/api/decisions";
import { api } from "../../lib/api";

const pole = (poleId: string) => `/api/poles/${encodeURIComponent(poleId)}`;
const one = (decisionId: string) => `/api/decisions/${encodeURIComponent(decisionId)}`;

export type LogFilters = { [K in keyof DecisionLogQuery]-?: string };
export const noFilters: LogFilters = {
  circleId: "",
  state: "",
  method: "",
  outcome: "",
  from: "",
  to: "",
};

export const searchOf = (filters: Partial<LogFilters>) => {
  const search = new URLSearchParams(
    Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();
  return search ? `?${search}` : "";
};

export const decisionKeys = {
  all: ["decision"] as const,
  log: (poleId: string, search: string) => ["decision", "log", poleId, search] as const,
  one: (decisionId: string) => ["decision", "one", decisionId] as const,
  colleges: (poleId: string) => ["colleges", poleId] as const,
};

export const exportUrl = (poleId: string, format: string, filters: Partial<LogFilters>) =>
  `${pole(poleId)}/decisions/export/${format}${searchOf(filters)}`;

export function useDecisionLog(poleId: string, filters: Partial<LogFilters> = {}) {
  const search = searchOf(filters);
  return useQuery({
    queryKey: decisionKeys.log(poleId, search),
    queryFn: () => api.get(`${pole(poleId)}/decisions${search}`, DecisionLog),
  });
}

export function useDecision(decisionId: string) {
  return useQuery({
    queryKey: decisionKeys.one(decisionId),
    queryFn: () => api.get(one(decisionId), DecisionView),
  });
}

export function useColleges(poleId: string) {
  return useQuery({
    queryKey: decisionKeys.colleges(poleId),
    queryFn: () => api.get(`${pole(poleId)}/colleges`, CollegesView),
  });
}

export function useOpenDecision(poleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenDecisionBody) =>
      api.post(`${pole(poleId)}/decisions`, body, DecisionView),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: decisionKeys.all }),
  });
}

export function useVote(decisionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: VoteBody) => api.post(`${one(decisionId)}/votes`, body, DecisionView),
    onSuccess: (view) => queryClient.setQueryData(decisionKeys.one(decisionId), view),
  });
}

export function useCloseDecision(decisionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(`${one(decisionId)}/close`, {}, CloseAnswer),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: decisionKeys.all }),
  });
}

export function useSaveColleges(poleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CollegesBody) => api.put(`${pole(poleId)}/colleges`, body, CollegesView),
    onSuccess: (view) => queryClient.setQueryData(decisionKeys.colleges(poleId), view),
  });
}
