/** The collective's pages, each loaded when first visited; spread into the app's router. */
import type { RouteObject } from "react-router";

export const collectiveRoutes: RouteObject[] = [
  {
    path: "p/:poleId/profil",
    lazy: async () => ({
      Component: (await import("../profile/PoleProfilePage")).PoleProfilePage,
    }),
  },
  {
    path: "p/:poleId/annuaire",
    lazy: async () => ({ Component: (await import("../directory/DirectoryPage")).DirectoryPage }),
  },
  {
    path: "p/:poleId/personnes/:userId",
    lazy: async () => ({ Component: (await import("../profile/PersonPage")).PersonPage }),
  },
  {
    path: "p/:poleId/cercles",
    lazy: async () => ({ Component: (await import("../circles/CirclesPage")).CirclesPage }),
  },
  {
    path: "p/:poleId/cercles/:circleId",
    lazy: async () => ({ Component: (await import("../circles/CirclePage")).CirclePage }),
  },
  {
    path: "p/:poleId/bienvenue",
    lazy: async () => ({
      Component: (await import("../onboarding/OnboardingPage")).OnboardingPage,
    }),
  },
  {
    path: "p/:poleId/mes-cercles",
    lazy: async () => ({
      Component: (await import("../onboarding/MeetCirclesPage")).MeetCirclesPage,
    }),
  },
  {
    path: "p/:poleId/nouveaux",
    lazy: async () => ({
      Component: (await import("../onboarding/NewcomersPage")).NewcomersPage,
    }),
  },
  {
    path: "p/:poleId/journal",
    lazy: async () => ({ Component: (await import("../audit/AuditPage")).AuditPage }),
  },
];
