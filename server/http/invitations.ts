import { Hono } from "hono";
import {
  type Accepted,
  AcceptInvitationBody,
  type InvitationPreview,
} from "../../shared/api/invitations";
import { createSession, generateSessionToken } from "../auth/sessions";
import { acceptInvitation, previewInvitation, revokeInvitation } from "../domain/invitations";
import type { AppDeps, AppEnv } from "./context";
import { sendError } from "./errors";
import { requireUser, setSessionCookie, signedIn } from "./middleware";
import { jsonBody } from "./validate";

export function invitationRoutes({ ctx, config }: AppDeps) {
  return new Hono<AppEnv>()
    .get("/:token", async (c) =>
      c.json(
        (await previewInvitation(ctx, { token: c.req.param("token") })) satisfies InvitationPreview,
      ),
    )
    .post("/:token/accept", jsonBody(AcceptInvitationBody), async (c) => {
      const body = c.req.valid("json");
      const token = c.req.param("token");
      if (body) {
        const { userId, poleId } = await acceptInvitation(ctx, {
          token,
          acceptor: { newcomer: body },
        });
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
    });
}
