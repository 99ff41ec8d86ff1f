/** The decision pages, each loaded when first visited; spread into the app's router. */
import type { RouteObject } from "react-router";

export const decisionRoutes: RouteObject[] = [
  {
    path: "p/:poleId/decisions",
    lazy: async () => ({ Component: (await import("./DecisionLogPage")).DecisionLogPage }),
  },
  {
    path: "p/:poleId/decisions/:decisionId",
    lazy: async () => ({ Component: (await import("./DecisionPage")).DecisionPage }),
  },
  {
    path: "p/:poleId/colleges",
    lazy: async () => ({ Component: (await import("./CollegesPage")).CollegesPage }),
  },
];
