import { createBrowserRouter } from "react-router";
import { LoginPage } from "../features/auth/LoginPage";
import { collectiveRoutes } from "../features/collective/routes";
import { decisionRoutes } from "../features/decisions/routes";
import { HomePage, NoPolePage } from "../features/home/HomePage";
import { AcceptInvitationPage } from "../features/invitations/AcceptInvitationPage";
import { InvitationsPage } from "../features/invitations/InvitationsPage";
import { SetupPage } from "../features/setup/SetupPage";
import { IndexRedirect, RequireSession } from "./guards";
import { Layout } from "./Layout";
import { NotFound, RouteError } from "./RouteError";

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <IndexRedirect /> },
          { path: "setup", element: <SetupPage /> },
          { path: "login", element: <LoginPage /> },
          { path: "invitation/:token", element: <AcceptInvitationPage /> },
          {
            element: <RequireSession />,
            children: [
              { path: "p", element: <NoPolePage /> },
              { path: "p/:poleId", element: <HomePage /> },
              { path: "p/:poleId/invitations", element: <InvitationsPage /> },
              ...collectiveRoutes,
              ...decisionRoutes,
              {
                path: "p/:poleId/portfolio",
                lazy: async () => {
                  const { PortfolioPage } = await import("../features/boards/PortfolioPage");
                  return { Component: PortfolioPage };
                },
              },
              {
                path: "d/:documentId",
                // The editor (Tiptap, Yjs) is the heaviest part: load it only when needed.
                lazy: async () => {
                  const { DocumentPage } = await import("../features/document/DocumentPage");
                  return { Component: DocumentPage };
                },
              },
            ],
          },
          { path: "*", element: <NotFound /> },
        ],
      },
    ],
  },
]);
