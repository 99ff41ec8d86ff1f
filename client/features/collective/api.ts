/** The collective's query keys, paths and the queries reading them. */
import { useQuery } from "@tanstack/react-query";
import { CirclePage } from "../../../shared/api/circles";
import { Onboarding } from "../../../shared/api/onboarding";
import { PersonDetail } from "../../../shared/api/people";
import { PoleProfile } from "../../../shared/api/poles";
import { Structures } from "../../../shared/api/structures";
import { api } from "../../lib/api";

const pole = (poleId: string) => `/api/poles/${encodeURIComponent(poleId)}`;

export const keys = {
  profile: (poleId: string) => ["poles", poleId, "profile"] as const,
  structures: (poleId: string) => ["poles", poleId, "structures"] as const,
  person: (poleId: string, userId: string) => ["poles", poleId, "people", userId] as const,
  directory: (poleId: string, query: string) => ["poles", poleId, "directory", query] as const,
  circle: (circleId: string) => ["circles", circleId, "page"] as const,
  onboarding: (poleId: string) => ["poles", poleId, "onboarding"] as const,
  newcomers: (poleId: string) => ["poles", poleId, "newcomers"] as const,
  audit: (poleId: string, query: string) => ["poles", poleId, "audit", query] as const,
};

export const paths = {
  pole,
  profile: (poleId: string) => `${pole(poleId)}/profile`,
  structures: (poleId: string) => `${pole(poleId)}/structures`,
  person: (poleId: string, userId: string) =>
    `${pole(poleId)}/people/${encodeURIComponent(userId)}`,
  onboarding: (poleId: string) => `${pole(poleId)}/onboarding`,
  circle: (circleId: string) => `/api/circles/${encodeURIComponent(circleId)}`,
};

export const usePoleProfile = (poleId: string) =>
  useQuery({
    queryKey: keys.profile(poleId),
    queryFn: () => api.get(paths.profile(poleId), PoleProfile),
  });

export const useStructures = (poleId: string) =>
  useQuery({
    queryKey: keys.structures(poleId),
    queryFn: () => api.get(paths.structures(poleId), Structures),
  });

export const usePerson = (poleId: string, userId: string) =>
  useQuery({
    queryKey: keys.person(poleId, userId),
    queryFn: () => api.get(paths.person(poleId, userId), PersonDetail),
  });

export const useCirclePage = (circleId: string) =>
  useQuery({
    queryKey: keys.circle(circleId),
    queryFn: () => api.get(paths.circle(circleId), CirclePage),
  });

export const useOnboarding = (poleId: string | undefined) =>
  useQuery({
    queryKey: keys.onboarding(poleId ?? ""),
    queryFn: () => api.get(paths.onboarding(poleId ?? ""), Onboarding),
    enabled: poleId !== undefined,
  });
