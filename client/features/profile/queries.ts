/** The pôle's profile and a person's profile: their keys, addresses and queries. */
import { useQuery } from "@tanstack/react-query";
import { PersonDetail } from "../../../shared/api/people";
import { PoleProfile } from "../../../shared/api/poles";
import { api, polePath } from "../../lib/api";

export const profileKey = (poleId: string) => ["poles", poleId, "profile"] as const;
export const personKey = (poleId: string, userId: string) =>
  ["poles", poleId, "people", userId] as const;

export const profilePath = (poleId: string) => `${polePath(poleId)}/profile`;
export const personPath = (poleId: string, userId: string) =>
  `${polePath(poleId)}/people/${encodeURIComponent(userId)}`;

export const usePoleProfile = (poleId: string) =>
  useQuery({
    queryKey: profileKey(poleId),
    queryFn: () => api.get(profilePath(poleId), PoleProfile),
  });

export const usePerson = (poleId: string, userId: string) =>
  useQuery({
    queryKey: personKey(poleId, userId),
    queryFn: () => api.get(personPath(poleId, userId), PersonDetail),
  });
