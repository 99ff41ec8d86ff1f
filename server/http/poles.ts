import { Hono } from "hono";
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
import { createCircle, listCircles } from "../domain/circles";
import { createPage, listDocuments } from "../domain/documents";
import { createInvitation, createInvitations, listInvitations } from "../domain/invitations";
import { createMailer, sendInvitationEmails } from "../domain/mailer";
import { requireMember } from "../domain/members";
import { createPole, listMembers } from "../domain/poles";
import type { AppDeps, AppEnv } from "./context";
import { requireUser, signedIn } from "./middleware";
import { jsonBody } from "./validate";

/** Everything addressed through a pôle: /api/poles and /api/poles/:poleId/… */
export function poleRoutes({ db, config, logger }: AppDeps) {
  const mailer = createMailer(config.SMTP_URL, config.PUBLIC_URL);
  const reportMailError = (err: unknown) => logger.warn({ err }, "invitation e-mail not sent");
  return new Hono<AppEnv>()
    .use(requireUser)
    .post("/", jsonBody(CreatePoleBody), async (c) => {
      const pole = await createPole(db, signedIn(c).id, c.req.valid("json").name, {
        allowAnyone: config.ALLOW_POLE_CREATION,
      });
      return c.json(pole satisfies Pole, 201);
    })
    .get("/:poleId/members", async (c) => {
      const poleId = c.req.param("poleId");
      await requireMember(db, poleId, signedIn(c).id);
      return c.json((await listMembers(db, poleId)) satisfies PoleMember[]);
    })
    .get("/:poleId/circles", async (c) =>
      c.json((await listCircles(db, signedIn(c).id, c.req.param("poleId"))) satisfies Circle[]),
    )
    .post("/:poleId/circles", jsonBody(CreateCircleWithDetailsBody), async (c) => {
      const circle = await createCircle(
        db,
        signedIn(c).id,
        c.req.param("poleId"),
        c.req.valid("json"),
      );
      return c.json(circle satisfies CreatedCircle, 201);
    })
    .get("/:poleId/documents", async (c) =>
      c.json(
        (await listDocuments(
          db,
          signedIn(c).id,
          c.req.param("poleId"),
        )) satisfies DocumentSummary[],
      ),
    )
    .post("/:poleId/documents", jsonBody(CreatePageBody), async (c) => {
      const page = await createPage(db, signedIn(c).id, c.req.param("poleId"), c.req.valid("json"));
      return c.json(page satisfies DocumentRef, 201);
    })
    .get("/:poleId/invitations", async (c) =>
      c.json(
        (await listInvitations(db, signedIn(c).id, c.req.param("poleId"))) satisfies Invitation[],
      ),
    )
    .post("/:poleId/invitations", jsonBody(CreateInvitationBody), async (c) => {
      const input = c.req.valid("json");
      const inviterId = signedIn(c).id;
      const poleId = c.req.param("poleId");
      const invitation = await createInvitation(db, inviterId, poleId, input, config.PUBLIC_URL);
      const [emailed] = await sendInvitationEmails(
        db,
        mailer,
        poleId,
        inviterId,
        [{ ...invitation, email: input.email ?? null }],
        reportMailError,
      );
      return c.json({ ...invitation, emailed } satisfies CreatedInvitation, 201);
    })
    .post("/:poleId/invitations/bulk", jsonBody(BulkInvitationBody), async (c) => {
      const { emails, ...common } = c.req.valid("json");
      const inviterId = signedIn(c).id;
      const poleId = c.req.param("poleId");
      const created = await createInvitations(
        db,
        inviterId,
        poleId,
        emails,
        common,
        config.PUBLIC_URL,
      );
      const emailed = await sendInvitationEmails(
        db,
        mailer,
        poleId,
        inviterId,
        created,
        reportMailError,
      );
      return c.json(
        {
          invitations: created.map((invitation, i) => ({ ...invitation, emailed: emailed[i] })),
        } satisfies BulkInvitations,
        201,
      );
    });
}
