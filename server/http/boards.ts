/**
 * Project boards: a card's project page and project group (made by the server, linked both
 * ways), and the pôle's portfolio. Mounted at the root of /api; every route names its own
 * full path so that nothing here applies to the others' routes.
 */
import { Hono } from "hono";
import {
  CardIdParam,
  type CardLink,
  type CreatedProjectGroup,
  CreateProjectGroupBody,
  CreateProjectPageBody,
  type ProjectOfCircle,
} from "../../shared/api/boards";
import type { DocumentRef } from "../../shared/api/documents";
import {
  cardLinks,
  createProjectGroup,
  createProjectPage,
  projectOfCircle,
} from "../domain/boards";
import { DomainError } from "../domain/errors";
import type { AppDeps, AppEnv } from "./context";
import { requireUser, signedIn } from "./middleware";
import { portfolioRoutes } from "./portfolio";
import { jsonBody } from "./validate";

function cardId(value: string): string {
  const parsed = CardIdParam.safeParse(value);
  if (!parsed.success) throw new DomainError("invalid_input", "Identifiant de carte invalide.");
  return parsed.data;
}

export function boardRoutes(deps: AppDeps) {
  const { ctx } = deps;
  return new Hono<AppEnv>()
    .route("/poles", portfolioRoutes(deps))
    .get("/documents/:boardId/cards/links", requireUser, async (c) =>
      c.json(
        (await cardLinks(ctx, signedIn(c).id, {
          boardId: c.req.param("boardId"),
        })) satisfies CardLink[],
      ),
    )
    .post(
      "/documents/:boardId/cards/:cardId/project-page",
      requireUser,
      jsonBody(CreateProjectPageBody),
      async (c) => {
        const { document, created } = await createProjectPage(ctx, signedIn(c).id, {
          boardId: c.req.param("boardId"),
          cardId: cardId(c.req.param("cardId")),
          ...c.req.valid("json"),
        });
        return c.json(document satisfies DocumentRef, created ? 201 : 200);
      },
    )
    .post(
      "/documents/:boardId/cards/:cardId/project-group",
      requireUser,
      jsonBody(CreateProjectGroupBody),
      async (c) => {
        const group = await createProjectGroup(ctx, signedIn(c).id, {
          boardId: c.req.param("boardId"),
          cardId: cardId(c.req.param("cardId")),
          ...c.req.valid("json"),
        });
        return c.json(group satisfies CreatedProjectGroup, 201);
      },
    )
    .get("/circles/:circleId/project", requireUser, async (c) =>
      c.json(
        (await projectOfCircle(ctx, signedIn(c).id, {
          circleId: c.req.param("circleId"),
        })) satisfies ProjectOfCircle,
      ),
    );
}
