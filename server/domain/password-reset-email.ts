/** The password reset e-mail, in French. */
import type { PasswordResetMail } from "./mailer";

export function passwordResetText(mail: PasswordResetMail): { subject: string; text: string } {
  return {
    subject: "Choisir un nouveau mot de passe sur Maillage",
    text: [
      `Bonjour ${mail.name},`,
      "",
      "Quelqu'un (vous, sans doute) a demandé à choisir un nouveau mot de passe pour votre compte Maillage.",
      "",
      "Pour le choisir, ouvrez ce lien dans l'heure :",
      mail.url,
      "",
      "Le lien ne sert qu'une fois. Choisir un nouveau mot de passe déconnecte tous vos appareils.",
      "",
      "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste le même.",
      "",
      "— Maillage",
    ].join("\n"),
  };
}
