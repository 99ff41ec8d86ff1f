/**
 * Invitation e-mails, in French. The transport is the app's dependency (`server/mail/smtp.ts`);
 * without one the coordinator copies the link instead.
 */
import type { Ctx } from "./context";

export interface InvitationMail {
  to: string;
  poleName: string;
  inviterName: string;
  url: string;
  /** ISO 8601. */
  expiresAt: string;
}

export interface Mailer {
  sendInvitation(mail: InvitationMail): Promise<void>;
}

const longDate = (iso: string) =>
  new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric" }).format(
    new Date(iso),
  );

export function invitationText(mail: InvitationMail): { subject: string; text: string } {
  return {
    subject: `Invitation à rejoindre « ${mail.poleName} » sur Maillage`,
    text: [
      "Bonjour,",
      "",
      `${mail.inviterName} vous invite à rejoindre le pôle « ${mail.poleName} » sur Maillage, l'espace de travail coopératif du pôle.`,
      "",
      "Pour accepter l'invitation et créer votre compte, ouvrez ce lien :",
      mail.url,
      "",
      `Ce lien est personnel et ne sert qu'une fois. Il expire le ${longDate(mail.expiresAt)}.`,
      "",
      "Si vous ne vous attendiez pas à cette invitation, ignorez simplement ce message.",
      "",
      "— Maillage",
    ].join("\n"),
  };
}

/**
 * Sends each invitation that has an address; a failed send does not undo the invitation
 * (its link still works and is shown), it is reported per invitation instead.
 */
export async function sendInvitationEmails(
  { db, mailer }: Ctx<"mailer">,
  inviterId: string,
  {
    poleId,
    invitations,
    onError,
  }: {
    poleId: string;
    invitations: ReadonlyArray<{ email: string | null; url: string; expiresAt: string }>;
    onError: (error: unknown) => void;
  },
): Promise<boolean[]> {
  if (!mailer) return invitations.map(() => false);
  const [pole, inviter] = await Promise.all([
    db.selectFrom("poles").select("name").where("id", "=", poleId).executeTakeFirstOrThrow(),
    db.selectFrom("users").select("name").where("id", "=", inviterId).executeTakeFirstOrThrow(),
  ]);
  return Promise.all(
    invitations.map(async ({ email, url, expiresAt }) => {
      if (!email) return false;
      try {
        await mailer.sendInvitation({
          to: email,
          poleName: pole.name,
          inviterName: inviter.name,
          url,
          expiresAt,
        });
        return true;
      } catch (error) {
        onError(error);
        return false;
      }
    }),
  );
}
