/** A circle's page: its key, address and query. */
import { useQuery } from "@tanstack/react-query";
import { CirclePage } from "../../../shared/api/circles";
import { api } from "../../lib/api";

export const circlePageKey = (circleId: string) => ["circles", circleId, "page"] as const;
export const circlePath = (circleId: string) => `/api/circles/${encodeURIComponent(circleId)}`;

export const useCirclePage = (circleId: string) =>
  useQuery({
    queryKey: circlePageKey(circleId),
    queryFn: () => api.get(circlePath(circleId), CirclePage),
  });
