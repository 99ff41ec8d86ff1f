/**
 * At closing, the compte rendu goes to those who attended (present or represented): the
 * printable export as the body of the e-mail, its ODT attached, and the link to the page.
 */
import type { Ctx } from "./context";
import { escapeHtml } from "./exports/html";
import { sendEach } from "./mailer";
import { exportMeetingAs } from "./meeting-export";
import { meetingPageUrl } from "./meeting-ics";

export async function mailMinutes(
  { db, mailer, publicUrl }: Ctx<"mailer" | "publicUrl">,
  actorId: string,
  { meetingId, onError }: { meetingId: string; onError: (error: unknown) => void },
): Promise<number> {
  if (!mailer) return 0;
  const meeting = await db
    .selectFrom("meetings")
    .select(["id", "pole_id", "title"])
    .where("id", "=", meetingId)
    .executeTakeFirstOrThrow();
  const attendees = await db
    .selectFrom("meeting_attendance")
    .innerJoin("users", "users.id", "meeting_attendance.user_id")
    .select(["users.email"])
    .where("meeting_attendance.meeting_id", "=", meetingId)
    .where("meeting_attendance.status", "in", ["present", "represented"])
    .orderBy("users.email")
    .execute();
  if (attendees.length === 0) return 0;
  const [printable, odt] = await exportMeetingAs({ db }, actorId, {
    meetingId,
    formats: ["html", "odt"],
  });
  const url = meetingPageUrl(publicUrl, { id: meeting.id, poleId: meeting.pole_id });
  const body =
    typeof printable.body === "string" ? printable.body : new TextDecoder().decode(printable.body);
  const link = `<p>Le compte rendu et ses exports : <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`;
  // The link first, inside the printable page's body.
  const html = body.includes("<body")
    ? body.replace(/<body[^>]*>/, (tag) => tag + link)
    : link + body;
  return sendEach(
    attendees,
    ({ email }) =>
      mailer.sendMeetingMail({
        to: email,
        subject: `Compte rendu : ${meeting.title}`,
        text: [
          "Bonjour,",
          "",
          `La réunion « ${meeting.title} » est close. Son compte rendu est joint (ODT) et se lit en ligne :`,
          url,
          "",
          "— Maillage",
        ].join("\n"),
        html,
        attachments: [{ fileName: odt.fileName, contentType: odt.contentType, content: odt.body }],
      }),
    onError,
  );
}
