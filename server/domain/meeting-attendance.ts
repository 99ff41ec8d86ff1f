/**
 * Who comes: each person answers présent·e, excusé·e or représenté·e par another member
 * of the circle; whoever runs the meeting ticks them on arrival.
 */
import type { AttendanceBody } from "../../shared/api/meetings";
import { canAnswerAttendance } from "../../shared/permissions";
import { forbidden } from "./errors";
import { alreadyClosed, invalid, type MeetingContext, readableMeeting } from "./meeting-access";
import { isPoleMember } from "./members";

export async function answerAttendance(
  { db, poleEvents }: MeetingContext,
  actorId: string,
  input: { meetingId: string } & AttendanceBody,
  now = Date.now(),
): Promise<void> {
  const { meeting, member } = await readableMeeting(db, actorId, input.meetingId);
  const userId = input.userId ?? actorId;
  if (!canAnswerAttendance(member, meeting.circle_id, userId === actorId)) {
    throw forbidden(
      "Chacun répond pour soi ; seuls les membres du cercle cochent pour les autres.",
    );
  }
  if (meeting.state === "closed") throw alreadyClosed();
  if (!(await isPoleMember(db, { poleId: meeting.pole_id, userId })))
    throw invalid("Cette personne ne fait pas partie du pôle.");
  const proxyId = input.status === "represented" ? (input.proxyId ?? null) : null;
  if (input.status === "represented") {
    if (!proxyId) throw invalid("Indiquez le membre du cercle qui vous représente.");
    if (proxyId === userId) throw invalid("On ne se représente pas soi-même.");
    const seat = await db
      .selectFrom("circle_members")
      .select("role")
      .where("circle_id", "=", meeting.circle_id)
      .where("user_id", "=", proxyId)
      .executeTakeFirst();
    if (!seat) throw invalid("La procuration doit aller à un membre du cercle.");
  }
  const answer = {
    status: input.status,
    proxy_id: proxyId,
    answered_by: actorId,
    answered_at: now,
  };
  await db
    .insertInto("meeting_attendance")
    .values({ meeting_id: meeting.id, user_id: userId, ...answer })
    .onConflict((oc) => oc.columns(["meeting_id", "user_id"]).doUpdateSet(answer))
    .execute();
  poleEvents.publish(meeting.pole_id, { type: "meeting", id: meeting.id });
}
