/**
 * Who is signed in (GET /api/me) and which pôle they are looking at. `me` is null for a
 * signed-out visitor; the current pôle is remembered across visits.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { type Me, Me as MeSchema, SetupStatus } from "../../shared/api/auth";
import type { PoleSummary } from "../../shared/api/poles";
import { api, isApiError } from "../lib/api";
import { forgetCachedAnswers } from "../offline/forget";

export const meKey = ["me"] as const;
export const setupKey = ["setup"] as const;

export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api.get("/api/me", MeSchema);
      } catch (error) {
        if (isApiError(error, 401)) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function useSetupStatus() {
  return useQuery({
    queryKey: setupKey,
    queryFn: () => api.get("/api/setup", SetupStatus),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

const POLE_KEY = "maillage.pole";

function storedPole(): string | null {
  try {
    return localStorage.getItem(POLE_KEY);
  } catch {
    return null;
  }
}

interface PoleSelection {
  remembered: string | null;
  remember(poleId: string): void;
}

const PoleContext = createContext<PoleSelection>({ remembered: null, remember: () => {} });

export function PoleSelectionProvider({ children }: { children: ReactNode }) {
  const [remembered, setRemembered] = useState(storedPole);
  const remember = useCallback((poleId: string) => {
    setRemembered((previous) => (previous === poleId ? previous : poleId));
    try {
      localStorage.setItem(POLE_KEY, poleId);
    } catch {
      // not kept across visits
    }
  }, []);
  const value = useMemo(() => ({ remembered, remember }), [remembered, remember]);
  return <PoleContext.Provider value={value}>{children}</PoleContext.Provider>;
}

export const usePoleSelection = () => useContext(PoleContext);

/** The pôle shown when none is named in the address: the last one visited, or the first. */
export function currentPole(
  me: Me | null | undefined,
  remembered: string | null,
): PoleSummary | null {
  if (!me || me.poles.length === 0) return null;
  return me.poles.find((pole) => pole.id === remembered) ?? me.poles[0];
}

/**
 * Clears every cached answer (the page's and the service worker's) after signing in or out,
 * so no one sees another's data.
 */
export function useResetSession() {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== setupKey[0] });
    await forgetCachedAnswers();
    await queryClient.invalidateQueries({ queryKey: setupKey });
  }, [queryClient]);
}
