import { type Context, Hono } from "hono";
import type { Archives } from "../../shared/api/archives";
import {
  type Circle,
  CreateCircleWithDetailsBody,
  type CreatedCircle,
} from "../../shared/api/circles";
import { CreatePageBody, type DocumentRef, type DocumentSummary } from "../../shared/api/documents";
import {
  BulkInvitationBody,
  type BulkInvitations,
  type CreatedInvitation,
  CreateInvitationBody,
  type Invitation,
} from "../../shared/api/invitations";
import { CreatePoleBody, type Pole, type PoleMember } from "../../shared/api/poles";
import { listArchives } from "../domain/circle-lifecycle";
import { createCircle, listCircles } from "../domain/circles";
import { createPage, listDocuments } from "../domain/documents";
import { sendInvitationEmails } from "../domain/invitation-emails";
import { createInvitation, createInvitations, listInvitations } from "../domain/invitations";
import { createPole, listMembers } from "../domain/poles";
import type { AppDeps, AppEnv } from "./context";
import { requireUser, signedIn } from "./middleware";
import { jsonBody } from "./validate";

/** Everything addressed through a pôle: /api/poles and /api/poles/:poleId/… */
export function poleRoutes({ ctx, logger }: AppDeps) {
  const reportMailError = (err: unknown) => logger.warn({ err }, "invitation e-mail not sent");
  const pole = (c: Context<AppEnv, "/:poleId/*">) => ({ poleId: c.req.param("poleId") });
  return new Hono<AppEnv>()
    .use(requireUser)
    .post("/", jsonBody(CreatePoleBody), async (c) => {
      const created = await createPole(ctx, signedIn(c).id, c.req.valid("json"));
      return c.json(created satisfies Pole, 201);
    })
    .get("/:poleId/members", async (c) =>
      c.json((await listMembers(ctx, signedIn(c).id, pole(c))) satisfies PoleMember[]),
    )
    .get("/:poleId/archives", async (c) =>
      c.json((await listArchives(ctx, signedIn(c).id, pole(c))) satisfies Archives),
    )
    .get("/:poleId/circles", async (c) =>
      c.json((await listCircles(ctx, signedIn(c).id, pole(c))) satisfies Circle[]),
    )
    .post("/:poleId/circles", jsonBody(CreateCircleWithDetailsBody), async (c) => {
      const circle = await createCircle(ctx, signedIn(c).id, {
        ...pole(c),
        ...c.req.valid("json"),
      });
      return c.json(circle satisfies CreatedCircle, 201);
    })
    .get("/:poleId/documents", async (c) =>
      c.json((await listDocuments(ctx, signedIn(c).id, pole(c))) satisfies DocumentSummary[]),
    )
    .post("/:poleId/documents", jsonBody(CreatePageBody), async (c) => {
      const page = await createPage(ctx, signedIn(c).id, { ...pole(c), ...c.req.valid("json") });
      return c.json(page satisfies DocumentRef, 201);
    })
    .get("/:poleId/invitations", async (c) =>
      c.json((await listInvitations(ctx, signedIn(c).id, pole(c))) satisfies Invitation[]),
    )
    .post("/:poleId/invitations", jsonBody(CreateInvitationBody), async (c) => {
      const input = c.req.valid("json");
      const inviterId = signedIn(c).id;
      const { poleId } = pole(c);
      const invitation = await createInvitation(ctx, inviterId, { poleId, invitation: input });
      const [emailed] = await sendInvitationEmails(ctx, inviterId, {
        poleId,
        invitations: [{ ...invitation, email: input.email ?? null }],
        onError: reportMailError,
      });
      return c.json({ ...invitation, emailed } satisfies CreatedInvitation, 201);
    })
    .post("/:poleId/invitations/bulk", jsonBody(BulkInvitationBody), async (c) => {
      const { emails, ...invitation } = c.req.valid("json");
      const inviterId = signedIn(c).id;
      const { poleId } = pole(c);
      const created = await createInvitations(ctx, inviterId, { poleId, emails, invitation });
      const emailed = await sendInvitationEmails(ctx, inviterId, {
        poleId,
        invitations: created,
        onError: reportMailError,
      });
      return c.json(
        {
          invitations: created.map((invitation, i) => ({ ...invitation, emailed: emailed[i] })),
        } satisfies BulkInvitations,
        201,
      );
    });
}
