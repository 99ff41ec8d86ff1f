/**
 * Invitation e-mails, in French. The transport is the app's dependency (`server/mail/smtp.ts`);
 * without one the coordinator copies the link instead.
 */
import type { CircleSeat } from "../../shared/api/circles";
import type { CircleRole, PoleRole } from "../../shared/permissions";
import type { Ctx } from "./context";
import { offerOf } from "./invitations";
import { type InvitationMail, longDate } from "./mailer";

/** The roles in the words of the French interface (client/lib/i18n/fr.ts). */
const poleRoleWords: Record<PoleRole, string> = {
  coordinator: "coordination",
  member: "membre",
  commenter: "commentaire (lit et commente, sans modifier)",
  observer: "observation (lit sans modifier)",
};
const seatWords: Record<CircleRole, string> = {
  facilitator: "facilitateur·rice",
  member: "membre",
  commenter: "commentateur·rice",
  observer: "observateur·rice",
};

/** What an invitation offers, one line each: the pôle role, then each circle's seat. */
async function offerWords(
  db: Ctx["db"],
  offer: { poleId: string; poleRole: PoleRole; circles: CircleSeat[] },
): Promise<string[]> {
  const { circles } = await offerOf(db, offer);
  return [
    `rôle dans le pôle : ${poleRoleWords[offer.poleRole]}`,
    ...circles.map((circle) => `${circle.name} : ${seatWords[circle.role]}`),
  ];
}

export function invitationText(mail: InvitationMail): { subject: string; text: string } {
  return {
    subject: `Invitation à rejoindre « ${mail.poleName} » sur Maillage`,
    text: [
      "Bonjour,",
      "",
      `${mail.inviterName} vous invite à rejoindre le pôle « ${mail.poleName} » sur Maillage, l'espace de travail coopératif du pôle.`,
      "",
      "Ce que l'invitation vous propose :",
      ...mail.offers.map((offer) => `- ${offer}`),
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
    offer,
    invitations,
    onError,
  }: {
    poleId: string;
    offer: { poleRole: PoleRole; circles: CircleSeat[] };
    invitations: ReadonlyArray<{ email: string | null; url: string; expiresAt: string }>;
    onError: (error: unknown) => void;
  },
): Promise<boolean[]> {
  if (!mailer) return invitations.map(() => false);
  const [pole, inviter, offers] = await Promise.all([
    db.selectFrom("poles").select("name").where("id", "=", poleId).executeTakeFirstOrThrow(),
    db.selectFrom("users").select("name").where("id", "=", inviterId).executeTakeFirstOrThrow(),
    offerWords(db, { poleId, ...offer }),
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
          offers,
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
