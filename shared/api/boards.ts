/**
 * Project boards over HTTP: a card's project page and group, the links back, and the pôle's
 * portfolio (CONTRACT.md, GET /api/poles/:poleId/portfolio) with its milestones and needs.
 */
import { z } from "zod/mini";
import { fundingStates } from "../boards";
import { Circle } from "./circles";
import { id, line } from "./fields";

/** Body of POST /api/documents/:boardId/cards/:cardId/project-group. */
export const CreateProjectGroupBody = z.object({
  name: line(200, "Le nom du groupe projet est requis."),
});

/** Body of POST /api/documents/:boardId/cards/:cardId/project-page. */
export const CreateProjectPageBody = z.object({
  title: line(200, "Le titre de la page projet est requis."),
});

export const CardIdParam = id.check(z.regex(/^[A-Za-z0-9_-]+$/, "Identifiant de carte invalide."));

export const CardLink = z.object({
  cardId: z.string(),
  projectCircleId: z.nullable(z.string()),
  projectDocumentId: z.nullable(z.string()),
});
export type CardLink = z.infer<typeof CardLink>;
export const CardLinks = z.array(CardLink);

export const CreatedProjectGroup = z.object({ circle: Circle, projectDocumentId: z.string() });
export type CreatedProjectGroup = z.infer<typeof CreatedProjectGroup>;

/** From a project group back to its card. */
export const ProjectOfCircle = z.object({
  boardId: z.string(),
  cardId: z.string(),
  projectDocumentId: z.nullable(z.string()),
});
export type ProjectOfCircle = z.infer<typeof ProjectOfCircle>;

const byState = z.object({
  requested: z.number(),
  granted: z.number(),
  received: z.number(),
}) satisfies z.ZodMiniType<Record<(typeof fundingStates)[number], number>>;

export const PortfolioProject = z.object({
  id: z.string(),
  title: z.string(),
  boardId: z.string(),
  circleId: z.nullable(z.string()),
  columnTitle: z.string(),
  jobsCreated: z.number(),
  jobsKept: z.number(),
  funding: z.array(
    z.object({
      funder: z.string(),
      amount: z.number(),
      state: z.enum(fundingStates),
      year: z.number(),
    }),
  ),
});
export type PortfolioProject = z.infer<typeof PortfolioProject>;

export const PortfolioTotals = z.object({
  projects: z.number(),
  jobsCreated: z.number(),
  jobsKept: z.number(),
  funding: byState,
});
export type PortfolioTotals = z.infer<typeof PortfolioTotals>;

export const Portfolio = z.object({ projects: z.array(PortfolioProject), totals: PortfolioTotals });
export type Portfolio = z.infer<typeof Portfolio>;

export const UpcomingMilestone = z.object({
  id: z.string(),
  title: z.string(),
  date: z.string(),
  projectId: z.string(),
  projectTitle: z.string(),
  boardId: z.string(),
});
export type UpcomingMilestone = z.infer<typeof UpcomingMilestone>;
export const UpcomingMilestones = z.array(UpcomingMilestone);

export const NeedWithProjects = z.object({
  id: z.string(),
  title: z.string(),
  projects: z.array(z.object({ id: z.string(), title: z.string(), boardId: z.string() })),
});
export type NeedWithProjects = z.infer<typeof NeedWithProjects>;
export const NeedsWithProjects = z.array(NeedWithProjects);
