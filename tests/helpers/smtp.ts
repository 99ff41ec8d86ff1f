/** A real SMTP server in the test's process, keeping every message it receives, decoded. */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface Mail {
  to: string[];
  subject: string;
  text: string;
  /** The message as received, for a MIME parser (attachments). */
  raw: string;
}

/** Undoes the quoted-printable and encoded-word transfer encodings nodemailer uses. */
function decodeMail(raw: string, to: string[]): Mail {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const qp = (s: string) =>
    Buffer.from(
      s
        .replace(/=\r?\n/g, "")
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) =>
          String.fromCharCode(Number.parseInt(hex, 16)),
        ),
      "latin1",
    ).toString("utf8");
  const subjectLine = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(head)?.[1] ?? "";
  const subject = subjectLine
    .replace(/\r?\n[ \t]/g, "")
    .replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_, word: string) => qp(word.replace(/_/g, " ")))
    .replace(/\?=\s+=\?/g, "");
  return { to, subject: subject.replace(/\s+/g, " "), text: qp(rest.join("\n\n")), raw };
}

export async function startSmtp() {
  const mails: Mail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        mails.push(decodeMail(Buffer.concat(chunks).toString("latin1"), to));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  const { port } = smtp.server.address() as AddressInfo;
  return {
    mails,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

export type TestSmtp = Awaited<ReturnType<typeof startSmtp>>;
