import { Hono } from "hono";
import {
  type Accepted,
  AcceptInvitationBody,
  type CreatedInvitation,
  type InvitationPreview,
} from "../../shared/api/invitations";
import { createSession, generateSessionToken } from "../auth/sessions";
import { sendInvitationEmails } from "../domain/invitation-emails";
import {
  acceptInvitation,
  previewInvitation,
  renewInvitationLink,
  revokeInvitation,
  seatsOf,
} from "../domain/invitations";
import { clientAddress } from "./address";
import type { AppDeps, AppEnv } from "./context";
import { countingFailures, enforce, sendError } from "./errors";
import { invitationsEmailed, mayEmailInvitations } from "./invitation-limit";
import { requireUser, setSessionCookie, signedIn } from "./middleware";
import { jsonBody } from "./validate";

const TOO_MANY = "Trop de tentatives : patientez un instant avant de réessayer.";

export function invitationRoutes({ ctx, config, logger, limits }: AppDeps) {
  return (
    new Hono<AppEnv>()
      .get("/:token", async (c) =>
        c.json(
          (await previewInvitation(ctx, {
            token: c.req.param("token"),
          })) satisfies InvitationPreview,
        ),
      )
      .post("/:token/accept", jsonBody(AcceptInvitationBody), async (c) => {
        const body = c.req.valid("json");
        const token = c.req.param("token");
        if (body) {
          // An address that has an account signs in here with its password: throttled as
          // sign-ins are, whether or not the address has one (that must not show).
          const fromAddress = `${clientAddress(c, config.TRUST_PROXY)} ${body.email}`;
          await enforce(limits.signInFromAddress, { key: fromAddress, message: TOO_MANY });
          const { userId, poleId } = await countingFailures(
            limits.signInFromAddress,
            { key: fromAddress, code: "conflict" },
            () => acceptInvitation(ctx, { token, acceptor: { newcomer: body } }),
          );
          const sessionToken = generateSessionToken();
          const session = await createSession(ctx.db, sessionToken, userId);
          setSessionCookie(c, sessionToken, session, config.PUBLIC_URL);
          return c.json({ userId, poleId } satisfies Accepted, 201);
        }
        const user = c.get("user");
        if (!user) {
          await previewInvitation(ctx, { token }); // an unusable invitation says so first (404, 410)
          return sendError(
            c,
            "unauthenticated",
            "Connectez-vous, ou donnez un nom, un e-mail et un mot de passe.",
          );
        }
        const { poleId } = await acceptInvitation(ctx, { token, acceptor: { userId: user.id } });
        return c.json({ userId: user.id, poleId } satisfies Accepted, 200);
      })
      .delete("/:invitationId", requireUser, async (c) => {
        await revokeInvitation(ctx, signedIn(c).id, { invitationId: c.req.param("invitationId") });
        return c.body(null, 204);
      })
      // The link again, to copy: a new one replaces it (only its hash is kept).
      .post("/:invitationId/link", requireUser, async (c) => {
        const { invitation } = await renewInvitationLink(ctx, signedIn(c).id, {
          invitationId: c.req.param("invitationId"),
          purpose: "link",
        });
        return c.json({ ...invitation, emailed: false } satisfies CreatedInvitation, 201);
      })
      .post("/:invitationId/resend", requireUser, async (c) => {
        const inviterId = signedIn(c).id;
        if (!ctx.mailer) {
          return sendError(
            c,
            "conflict",
            "Le serveur n'envoie pas d'e-mails (SMTP_URL absent) : copiez le lien de l'invitation.",
          );
        }
        await mayEmailInvitations(limits, inviterId, 1);
        const { invitation, row } = await renewInvitationLink(ctx, inviterId, {
          invitationId: c.req.param("invitationId"),
          purpose: "resend",
        });
        const [emailed] = await sendInvitationEmails(ctx, inviterId, {
          poleId: row.pole_id,
          offer: { poleRole: row.pole_role, circles: seatsOf(row) },
          invitations: [{ ...invitation, email: row.email }],
          onError: (err) => logger.warn({ err }, "invitation e-mail not sent"),
        });
        await invitationsEmailed(limits, inviterId, [emailed]);
        return c.json({ ...invitation, emailed } satisfies CreatedInvitation, 201);
      })
  );
}
