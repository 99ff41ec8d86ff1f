/** The hourly limit on invitations a person has the instance e-mail. */
import { INVITATION_EMAILS_PER_HOUR, type Limits } from "../auth/limits";
import { enforce } from "./errors";

/** Refuses (429) before anything is written when `count` more e-mails would pass the limit. */
export const mayEmailInvitations = (limits: Limits, inviterId: string, count: number) =>
  count > 0
    ? enforce(limits.invitationEmails, {
        key: inviterId,
        count,
        message: `${INVITATION_EMAILS_PER_HOUR} invitations envoyées par e-mail et par heure au plus : réessayez plus tard, ou copiez les liens.`,
      })
    : Promise.resolve();

/** Counts the e-mails that went out. */
export const invitationsEmailed = (limits: Limits, inviterId: string, sent: readonly boolean[]) =>
  limits.invitationEmails.record(inviterId, sent.filter(Boolean).length);
