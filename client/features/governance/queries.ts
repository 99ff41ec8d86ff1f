/**
 * The charter and its amendments over the API. Keys start with "amendment", the pôle
 * event that invalidates them (client/lib/live.ts): adoption, a vote opening or closing.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  AmendmentView,
  CharterView,
  type ProposeAmendmentBody,
} from "../../../shared/api/amendments";
import { api } from "../../lib/api";

const documentPath = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}`;

export const governanceKeys = {
  all: ["amendment"] as const,
  charter: (charterId: string) => ["amendment", "charter", charterId] as const,
  ofDocument: (documentId: string) => ["amendment", "document", documentId] as const,
};

export function useCharter(charterId: string) {
  return useQuery({
    queryKey: governanceKeys.charter(charterId),
    queryFn: () => api.get(`${documentPath(charterId)}/charter`, CharterView),
  });
}

export function useAmendmentOf(documentId: string) {
  return useQuery({
    queryKey: governanceKeys.ofDocument(documentId),
    queryFn: () => api.get(`${documentPath(documentId)}/amendment`, AmendmentView),
  });
}

export function useProposeAmendment(charterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProposeAmendmentBody) =>
      api.post(`${documentPath(charterId)}/amendments`, body, AmendmentView),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: governanceKeys.all }),
  });
}

export function useWithdrawAmendment(amendmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api.post(`/api/amendments/${encodeURIComponent(amendmentId)}/withdraw`, {}, AmendmentView),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: governanceKeys.all }),
  });
}
