/** A newcomer's onboarding and the coordinators' list of newcomers: keys, addresses, query. */
import { useQuery } from "@tanstack/react-query";
import { Onboarding } from "../../../shared/api/onboarding";
import { api, polePath } from "../../lib/api";

export const onboardingKey = (poleId: string) => ["poles", poleId, "onboarding"] as const;
export const newcomersKey = (poleId: string) => ["poles", poleId, "newcomers"] as const;
export const onboardingPath = (poleId: string) => `${polePath(poleId)}/onboarding`;

export const useOnboarding = (poleId: string | undefined) =>
  useQuery({
    queryKey: onboardingKey(poleId ?? ""),
    queryFn: () => api.get(onboardingPath(poleId ?? ""), Onboarding),
    enabled: poleId !== undefined,
  });
