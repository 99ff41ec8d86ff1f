/**
 * Reads and writes of self-assessment and the dashboard, parsed with the server's schemas.
 * Every key starts with "maturity", the pôle event that invalidates it (client/lib/live.ts).
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { Dashboard } from "../../../shared/api/dashboard";
import {
  type AddIndicatorBody,
  type AnswerBody,
  CampaignList,
  CampaignResults,
  CampaignSummary,
  CampaignView,
  IndicatorView,
  MarkerLevel,
  MyAnswer,
  MyAnswers,
  type OpenCampaignBody,
  Referentiel,
} from "../../../shared/api/maturity";
import type { Maturity } from "../../../shared/collective";
import type { GodinMarker } from "../../../shared/maturity/referentiel";
import { api } from "../../lib/api";

const pole = (poleId: string) => `/api/poles/${encodeURIComponent(poleId)}`;
const campaign = (campaignId: string) =>
  `/api/maturity/campaigns/${encodeURIComponent(campaignId)}`;

export const maturityKeys = {
  all: ["maturity"] as const,
  referentiel: (poleId: string) => ["maturity", "referentiel", poleId] as const,
  campaigns: (poleId: string) => ["maturity", "campaigns", poleId] as const,
  campaign: (campaignId: string) => ["maturity", "campaign", campaignId] as const,
  answers: (campaignId: string) => ["maturity", "answers", campaignId] as const,
  results: (campaignId: string) => ["maturity", "results", campaignId] as const,
  dashboard: (poleId: string) => ["maturity", "dashboard", poleId] as const,
};

export const reportUrl = (poleId: string, format: "html" | "odt" | "docx") =>
  `${pole(poleId)}/dashboard/report/${format}`;

export const useReferentiel = (poleId: string) =>
  useQuery({
    queryKey: maturityKeys.referentiel(poleId),
    queryFn: () => api.get(`${pole(poleId)}/maturity/referentiel`, Referentiel),
  });

export const useCampaigns = (poleId: string) =>
  useQuery({
    queryKey: maturityKeys.campaigns(poleId),
    queryFn: () => api.get(`${pole(poleId)}/maturity/campaigns`, CampaignList),
  });

export const useCampaign = (campaignId: string) =>
  useQuery({
    queryKey: maturityKeys.campaign(campaignId),
    queryFn: () => api.get(campaign(campaignId), CampaignView),
  });

export const useMyAnswers = (campaignId: string, enabled: boolean) =>
  useQuery({
    queryKey: maturityKeys.answers(campaignId),
    queryFn: () => api.get(`${campaign(campaignId)}/answers`, MyAnswers),
    enabled,
  });

export const useResults = (campaignId: string, enabled: boolean) =>
  useQuery({
    queryKey: maturityKeys.results(campaignId),
    queryFn: () => api.get(`${campaign(campaignId)}/results`, CampaignResults),
    enabled,
  });

export const useDashboard = (poleId: string) =>
  useQuery({
    queryKey: maturityKeys.dashboard(poleId),
    queryFn: () => api.get(`${pole(poleId)}/dashboard`, Dashboard),
  });

/** Every write changes what several reads show: they are all read again. */
function useMaturityMutation<I, O>(write: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: maturityKeys.all }),
  });
}

export const useOpenCampaign = (poleId: string) =>
  useMaturityMutation((body: OpenCampaignBody) =>
    api.post(`${pole(poleId)}/maturity/campaigns`, body, CampaignSummary),
  );

export const useCloseCampaign = (campaignId: string) =>
  useMaturityMutation(() => api.post(`${campaign(campaignId)}/close`, {}, CampaignView));

export const useAddIndicator = (poleId: string) =>
  useMaturityMutation((body: AddIndicatorBody) =>
    api.post(`${pole(poleId)}/maturity/indicators`, body, IndicatorView),
  );

export const useHideIndicator = (poleId: string) =>
  useMaturityMutation(({ indicatorId, hidden }: { indicatorId: string; hidden: boolean }) =>
    api.put(
      `${pole(poleId)}/maturity/indicators/${encodeURIComponent(indicatorId)}`,
      { hidden },
      IndicatorView,
    ),
  );

export const useSetMarker = (campaignId: string) =>
  useMaturityMutation(({ marker, level }: { marker: GodinMarker; level: Maturity | null }) =>
    api.put(`${campaign(campaignId)}/markers/${marker}`, { level }, z.array(MarkerLevel)),
  );

/**
 * One indicator's answer, saved field by field as it is typed. Only this person's answers
 * are refreshed: the list of campaigns shows their count.
 */
export function useSaveAnswer(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ indicatorId, body }: { indicatorId: string; body: AnswerBody }) =>
      api.put(`${campaign(campaignId)}/answers/${encodeURIComponent(indicatorId)}`, body, MyAnswer),
    onSuccess: (saved) => {
      queryClient.setQueryData(maturityKeys.answers(campaignId), (list: MyAnswer[] | undefined) => [
        ...(list ?? []).filter((a) => a.indicatorId !== saved.indicatorId),
        saved,
      ]);
    },
  });
}
