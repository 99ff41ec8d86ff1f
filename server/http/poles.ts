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
  parseEmailList,
} from "../../shared/api/invitations";
import { CreatePoleBody, type Pole, type PoleMember } from "../../shared/api/poles";
import { POLE_FOUNDINGS_PER_DAY } from "../auth/limits";
import { listArchives } from "../domain/circle-lifecycle";
import { createCircle, listCircles } from "../domain/circles";
import { createPage, listDocuments } from "../domain/documents";
import { sendInvitationEmails } from "../domain/invitation-emails";
import {
  ARRIVAL_ROLE,
  createInvitation,
  createInvitations,
  listInvitations,
} from "../domain/invitations";
import { createPole, listMembers } from "../domain/poles";
import type { AppDeps, AppEnv } from "./context";
import { enforce } from "./errors";
import { invitationsEmailed, mayEmailInvitations } from "./invitation-limit";
import { requireUser, signedIn } from "./middleware";
import { jsonBody } from "./validate";

/** Everything addressed through a pôle: /api/poles and /api/poles/:poleId/… */
export function poleRoutes({ ctx, logger, limits }: AppDeps) {
  const reportMailError = (err: unknown) => logger.warn({ err }, "invitation e-mail not sent");
  /** Only what the instance really e-mails counts (nothing without SMTP_URL). */
  const mayEmail = (inviterId: string, count: number) =>
    mayEmailInvitations(limits, inviterId, ctx.mailer ? count : 0);
  const pole = (c: Context<AppEnv, "/:poleId/*">) => ({ poleId: c.req.param("poleId") });
  return new Hono<AppEnv>()
    .use(requireUser)
    .post("/", jsonBody(CreatePoleBody), async (c) => {
      const founderId = signedIn(c).id;
      await enforce(limits.poleFoundings, {
        key: founderId,
        message: `${POLE_FOUNDINGS_PER_DAY} pôles fondés par jour au plus : réessayez demain.`,
      });
      const created = await createPole(ctx, founderId, c.req.valid("json"));
      await limits.poleFoundings.record(founderId);
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
      await mayEmail(inviterId, input.email ? 1 : 0);
      const invitation = await createInvitation(ctx, inviterId, { poleId, invitation: input });
      const sent = await sendInvitationEmails(ctx, inviterId, {
        poleId,
        offer: { poleRole: input.poleRole ?? ARRIVAL_ROLE, circles: input.circles },
        invitations: [{ ...invitation, email: input.email ?? null }],
        onError: reportMailError,
      });
      await invitationsEmailed(limits, inviterId, sent);
      return c.json({ ...invitation, emailed: sent[0] } satisfies CreatedInvitation, 201);
    })
    .post("/:poleId/invitations/bulk", jsonBody(BulkInvitationBody), async (c) => {
      const { emails, ...invitation } = c.req.valid("json");
      const inviterId = signedIn(c).id;
      const { poleId } = pole(c);
      await mayEmail(inviterId, parseEmailList(emails).valid.length);
      const created = await createInvitations(ctx, inviterId, { poleId, emails, invitation });
      const sent = await sendInvitationEmails(ctx, inviterId, {
        poleId,
        offer: { poleRole: invitation.poleRole ?? ARRIVAL_ROLE, circles: invitation.circles },
        invitations: created,
        onError: reportMailError,
      });
      await invitationsEmailed(limits, inviterId, sent);
      return c.json(
        {
          invitations: created.map((invitation, i) => ({ ...invitation, emailed: sent[i] })),
        } satisfies BulkInvitations,
        201,
      );
    });
}
