/**
 * The SMTP transport named by SMTP_URL (nodemailer). Without SMTP_URL there is no mailer.
 * `?from=` on the URL sets the sender; otherwise no-reply at the public host.
 */
import { createTransport } from "nodemailer";
import { invitationText } from "../domain/invitation-emails";
import type { Mailer } from "../domain/mailer";
import { passwordResetText } from "../domain/password-reset-email";

export function createMailer(smtpUrl: string | undefined, publicUrl: string): Mailer | null {
  if (!smtpUrl) return null;
  const url = new URL(smtpUrl);
  const from = url.searchParams.get("from") ?? `Maillage <no-reply@${new URL(publicUrl).hostname}>`;
  url.searchParams.delete("from");
  const transport = createTransport(url.toString());
  return {
    async sendInvitation(mail) {
      await transport.sendMail({ from, to: mail.to, ...invitationText(mail) });
    },
    async sendPasswordReset(mail) {
      await transport.sendMail({ from, to: mail.to, ...passwordResetText(mail) });
    },
    async sendMeetingMail({ attachments, ...mail }) {
      await transport.sendMail({
        from,
        ...mail,
        attachments: attachments.map((file) => ({
          filename: file.fileName,
          contentType: file.contentType,
          content: typeof file.content === "string" ? file.content : Buffer.from(file.content),
        })),
      });
    },
  };
}
