/** Reads about one pôle, shared by the home, invitations and document pages. */
import { useQuery } from "@tanstack/react-query";
import type { Me } from "../../shared/api/auth";
import { type Circle, Circles } from "../../shared/api/circles";
import { DocumentSummaries } from "../../shared/api/documents";
import { PoleMembers } from "../../shared/api/poles";
import type { Member } from "../../shared/permissions";
import { api } from "../lib/api";

export const circlesKey = (poleId: string) => ["poles", poleId, "circles"] as const;
export const documentsKey = (poleId: string) => ["poles", poleId, "documents"] as const;
export const membersKey = (poleId: string) => ["poles", poleId, "members"] as const;

export function useCircles(poleId: string | undefined) {
  return useQuery({
    queryKey: circlesKey(poleId ?? ""),
    queryFn: () => api.get(`/api/poles/${encodeURIComponent(poleId ?? "")}/circles`, Circles),
    enabled: poleId !== undefined,
  });
}

export function usePoleDocuments(poleId: string | undefined) {
  return useQuery({
    queryKey: documentsKey(poleId ?? ""),
    queryFn: () =>
      api.get(`/api/poles/${encodeURIComponent(poleId ?? "")}/documents`, DocumentSummaries),
    enabled: poleId !== undefined,
  });
}

export function usePoleMembers(poleId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: membersKey(poleId ?? ""),
    queryFn: () => api.get(`/api/poles/${encodeURIComponent(poleId ?? "")}/members`, PoleMembers),
    enabled: poleId !== undefined && enabled,
  });
}

/** The signed-in person as the permission rules of shared/permissions.ts see them. */
export function memberOf(me: Me, poleId: string, circles: readonly Circle[]): Member | null {
  const pole = me.poles.find((item) => item.id === poleId);
  if (!pole) return null;
  return {
    poleRole: pole.role,
    circles: circles.flatMap((circle) =>
      circle.members
        .filter((seat) => seat.userId === me.user.id)
        .map((seat) => ({ circleId: circle.id, role: seat.role })),
    ),
  };
}

const kindOrder = ["core", "steering", "thematic", "project"] as const;

/** Governing circles first, then thematic and project groups, each by name. */
export function sortCircles(circles: readonly Circle[], language: string): Circle[] {
  return [...circles].sort(
    (a, b) =>
      kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) ||
      a.name.localeCompare(b.name, language, { numeric: true }),
  );
}
