/**
 * The e-mails the instance sends, as the domain hands them to the transport
 * (`server/mail/smtp.ts`, given to the app as a dependency). Null without SMTP_URL.
 */
export interface InvitationMail {
  to: string;
  poleName: string;
  inviterName: string;
  url: string;
  /** What the invitation offers, in words ("membre du Groupe Alimentation"…). */
  offers: readonly string[];
  /** ISO 8601. */
  expiresAt: string;
}

export interface PasswordResetMail {
  to: string;
  name: string;
  url: string;
}

export interface MailAttachment {
  fileName: string;
  contentType: string;
  content: string | Uint8Array;
}

/** A meeting's invitation (with its `.ics`) or its minutes, written by the domain. */
export interface MeetingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments: readonly MailAttachment[];
}

export interface Mailer {
  sendInvitation(mail: InvitationMail): Promise<void>;
  sendPasswordReset(mail: PasswordResetMail): Promise<void>;
  sendMeetingMail(mail: MeetingMail): Promise<void>;
}

export const longDate = (iso: string) =>
  new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric" }).format(
    new Date(iso),
  );

/**
 * Sends one e-mail per recipient; a failed send is told to `onError` and does not stop the
 * others. Answers how many went.
 */
export async function sendEach<R>(
  recipients: readonly R[],
  send: (recipient: R) => Promise<void>,
  onError: (error: unknown) => void,
): Promise<number> {
  const sent = await Promise.all(
    recipients.map((recipient) =>
      send(recipient).then(
        () => true,
        (error: unknown) => {
          onError(error);
          return false;
        },
      ),
    ),
  );
  return sent.filter(Boolean).length;
}
