/** The pôle's member structures and the directory: their keys, addresses and queries. */
import { useQuery } from "@tanstack/react-query";
import { StructureRequests } from "../../../shared/api/structure-requests";
import { Structures } from "../../../shared/api/structures";
import { api, polePath } from "../../lib/api";

export const structuresKey = (poleId: string) => ["poles", poleId, "structures"] as const;
export const directoryKey = (poleId: string, query: string) =>
  ["poles", poleId, "directory", query] as const;

export const structuresPath = (poleId: string) => `${polePath(poleId)}/structures`;

export const useStructures = (poleId: string) =>
  useQuery({
    queryKey: structuresKey(poleId),
    queryFn: () => api.get(structuresPath(poleId), Structures),
  });

export const structureRequestsKey = (poleId: string) =>
  ["poles", poleId, "structure-requests"] as const;

/** The requests to join a structure that the signed-in person may answer. */
export const useStructureRequests = (poleId: string) =>
  useQuery({
    queryKey: structureRequestsKey(poleId),
    queryFn: () => api.get(`${polePath(poleId)}/structure-requests`, StructureRequests),
  });

export const structureRequestPath = (structureId: string, userId: string) =>
  `/api/structures/${encodeURIComponent(structureId)}/requests/${encodeURIComponent(userId)}`;
