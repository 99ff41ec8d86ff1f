/** Search's queries and the address each hit opens at. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type SearchHit, SearchResults } from "../../../shared/api/search";
import { api, polePath } from "../../lib/api";

/** The filters of GET /api/poles/:poleId/search, as query parameters. */
export interface SearchParams {
  q: string;
  kind?: string;
  circleId?: string;
  documentId?: string;
}

export function useSearch(poleId: string, params: SearchParams) {
  const query = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();
  return useQuery({
    queryKey: ["poles", poleId, "search", query],
    queryFn: () => api.get(`${polePath(poleId)}/search?${query}`, SearchResults),
    enabled: params.q.trim().length > 0,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** The page a hit lives on, with the parameters that bring it into view. */
export function hitHref(poleId: string, hit: SearchHit): string {
  const base = `/p/${poleId}`;
  switch (hit.kind) {
    case "person":
      return `${base}/personnes/${encodeURIComponent(hit.id)}`;
    case "structure":
      return `${base}/annuaire`;
    case "circle":
      return `${base}/cercles/${encodeURIComponent(hit.id)}`;
    case "decision":
      return `${base}/decisions/${encodeURIComponent(hit.id)}`;
    default:
      return hit.documentId
        ? `/d/${encodeURIComponent(hit.documentId)}${hit.anchor ? `?${hit.anchor}` : ""}`
        : base;
  }
}
