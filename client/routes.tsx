/**
 * The address of every page: the one place above the features. Each page is loaded when
 * first visited, so that a visit downloads only the pages it opens.
 */
import type { ComponentType } from "react";
import { createBrowserRouter, type RouteObject } from "react-router";
import { IndexRedirect, RequireSession } from "./app/guards";
import { Layout } from "./app/Layout";
import { NotFound, RouteError } from "./app/RouteError";

/** A route whose page component is imported on first visit. */
const page = (path: string, load: () => Promise<ComponentType>): RouteObject => ({
  path,
  lazy: async () => ({ Component: await load() }),
});

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <IndexRedirect /> },
          page("setup", async () => (await import("./features/setup/SetupPage")).SetupPage),
          page("login", async () => (await import("./features/auth/LoginPage")).LoginPage),
          page(
            "mot-de-passe-oublie",
            async () => (await import("./features/account/ForgotPasswordPage")).ForgotPasswordPage,
          ),
          page(
            "mot-de-passe/:token",
            async () => (await import("./features/account/ResetPasswordPage")).ResetPasswordPage,
          ),
          page(
            "invitation/:token",
            async () =>
              (await import("./features/invitations/AcceptInvitationPage")).AcceptInvitationPage,
          ),
          {
            element: <RequireSession />,
            children: [
              page("p", async () => (await import("./features/home/HomePage")).NoPolePage),
              page(
                "compte/mot-de-passe",
                async () =>
                  (await import("./features/account/ChangePasswordPage")).ChangePasswordPage,
              ),
              page("p/:poleId", async () => (await import("./features/home/HomePage")).HomePage),
              page(
                "p/:poleId/invitations",
                async () =>
                  (await import("./features/invitations/InvitationsPage")).InvitationsPage,
              ),
              page(
                "p/:poleId/profil",
                async () => (await import("./features/profile/PoleProfilePage")).PoleProfilePage,
              ),
              page(
                "p/:poleId/annuaire",
                async () => (await import("./features/directory/DirectoryPage")).DirectoryPage,
              ),
              page(
                "p/:poleId/personnes/:userId",
                async () => (await import("./features/profile/PersonPage")).PersonPage,
              ),
              page(
                "p/:poleId/cercles",
                async () => (await import("./features/circles/CirclesPage")).CirclesPage,
              ),
              page(
                "p/:poleId/cercles/:circleId",
                async () => (await import("./features/circles/CirclePage")).CirclePage,
              ),
              page(
                "p/:poleId/archives",
                async () => (await import("./features/circles/ArchivesPage")).ArchivesPage,
              ),
              page(
                "p/:poleId/bienvenue",
                async () => (await import("./features/onboarding/OnboardingPage")).OnboardingPage,
              ),
              page(
                "p/:poleId/mes-cercles",
                async () => (await import("./features/onboarding/MeetCirclesPage")).MeetCirclesPage,
              ),
              page(
                "p/:poleId/nouveaux",
                async () => (await import("./features/onboarding/NewcomersPage")).NewcomersPage,
              ),
              page(
                "p/:poleId/decisions",
                async () => (await import("./features/decisions/DecisionLogPage")).DecisionLogPage,
              ),
              page(
                "p/:poleId/decisions/:decisionId",
                async () => (await import("./features/decisions/DecisionPage")).DecisionPage,
              ),
              page(
                "p/:poleId/colleges",
                async () => (await import("./features/decisions/CollegesPage")).CollegesPage,
              ),
              page(
                "p/:poleId/calendrier",
                async () => (await import("./features/meetings/CalendarPage")).CalendarPage,
              ),
              page(
                "p/:poleId/reunions/:meetingId",
                async () => (await import("./features/meetings/MeetingPage")).MeetingPage,
              ),
              page(
                "p/:poleId/journal",
                async () => (await import("./features/audit/AuditPage")).AuditPage,
              ),
              page(
                "p/:poleId/recherche",
                async () => (await import("./features/search/SearchPage")).SearchPage,
              ),
              page(
                "p/:poleId/portfolio",
                async () => (await import("./features/boards/PortfolioPage")).PortfolioPage,
              ),
              page(
                "d/:documentId/historique",
                async () => (await import("./features/history/HistoryPage")).HistoryPage,
              ),
              page(
                "p/:poleId/tableau-de-bord",
                async () => (await import("./features/maturity/DashboardPage")).DashboardPage,
              ),
              page(
                "p/:poleId/maturite",
                async () => (await import("./features/maturity/MaturityPage")).MaturityPage,
              ),
              page(
                "p/:poleId/maturite/:campaignId",
                async () => (await import("./features/maturity/CampaignPage")).CampaignPage,
              ),
              // The editor (Tiptap, Yjs) is the heaviest part: it comes with the document page.
              page(
                "d/:documentId",
                async () => (await import("./features/document/DocumentPage")).DocumentPage,
              ),
            ],
          },
          { path: "*", element: <NotFound /> },
        ],
      },
    ],
  },
]);
