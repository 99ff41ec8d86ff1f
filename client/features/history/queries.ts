/**
 * Versions of a document over the API, parsed with the server's own schemas; the states
 * the diff view compares come as bytes. Keys start with "version".
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { NamedVersionAnswer, RestoreAnswer, VersionList } from "../../../shared/api/versions";
import { ApiError, api, NetworkError } from "../../lib/api";

const base = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}`;

export const versionKeys = {
  list: (documentId: string) => ["version", "list", documentId] as const,
  state: (documentId: string, versionId: string | null) =>
    ["version", "state", documentId, versionId ?? "current"] as const,
};

export function useVersions(documentId: string) {
  return useQuery({
    queryKey: versionKeys.list(documentId),
    queryFn: () => api.get(`${base(documentId)}/versions`, VersionList),
  });
}

/** A version's content (null: the live text now), v2-encoded. */
async function fetchState(documentId: string, versionId: string | null): Promise<Uint8Array> {
  const path = versionId
    ? `${base(documentId)}/versions/${encodeURIComponent(versionId)}/state`
    : `${base(documentId)}/state`;
  let response: Response;
  try {
    response = await fetch(path, { credentials: "same-origin" });
  } catch (cause) {
    throw new NetworkError(cause);
  }
  if (!response.ok) throw new ApiError(response.status, "error", response.statusText);
  return new Uint8Array(await response.arrayBuffer());
}

export function useDocumentState(documentId: string, versionId: string | null) {
  return useQuery({
    queryKey: versionKeys.state(documentId, versionId),
    queryFn: () => fetchState(documentId, versionId),
    // A version never changes; the live text is read again each time it is asked for.
    staleTime: versionId ? Number.POSITIVE_INFINITY : 0,
  });
}

export function useNameVersion(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      api.post(`${base(documentId)}/versions`, { name }, NamedVersionAnswer),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: versionKeys.list(documentId) }),
  });
}

export function useRestoreVersion(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (versionId: string) =>
      api.post(
        `${base(documentId)}/versions/${encodeURIComponent(versionId)}/restore`,
        {},
        RestoreAnswer,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["version"] }),
  });
}

export const versionExportUrl = (documentId: string, versionId: string, format: string) =>
  `${base(documentId)}/versions/${encodeURIComponent(versionId)}/export/${format}`;
