/**
 * Planning, moving, cancelling and closing a meeting, followed by the e-mails they call
 * for (invitations with their `.ics`, the compte rendu) and, at closing, the items not
 * covered carried to the series' backlog.
 */

import type { NextMeetingBody, RescheduleBody } from "../../shared/api/meeting-calendar";
import type { PlanMeetingBody } from "../../shared/api/meetings";
import type { Ctx } from "./context";
import type { MeetingContext } from "./meeting-access";
import { mailMeetingInvitations } from "./meeting-invitations";
import { mailMinutes } from "./meeting-minutes-mail";
import { cancelMeeting, rescheduleMeeting } from "./meeting-schedule";
import { planNextMeeting } from "./meeting-series";
import { closeMeeting, planMeeting } from "./meetings";

export type MailingContext = MeetingContext & Ctx<"mailer" | "publicUrl">;
/** Where a failed send is told; it never undoes what was done. */
export type OnMailError = (error: unknown) => void;

export async function planAndInvite(
  ctx: MailingContext,
  actorId: string,
  input: { poleId: string } & PlanMeetingBody,
  onError: OnMailError,
) {
  const planned = await planMeeting(ctx, actorId, input);
  await mailMeetingInvitations(ctx, { meetingId: planned.id, change: "planned", onError });
  return planned;
}

export async function planNextAndInvite(
  ctx: MailingContext,
  actorId: string,
  input: { meetingId: string } & NextMeetingBody,
  onError: OnMailError,
) {
  const planned = await planNextMeeting(ctx, actorId, input);
  await mailMeetingInvitations(ctx, { meetingId: planned.id, change: "planned", onError });
  return planned;
}

export async function rescheduleAndTell(
  ctx: MailingContext,
  actorId: string,
  input: { meetingId: string } & RescheduleBody,
  onError: OnMailError,
) {
  if (await rescheduleMeeting(ctx, actorId, input)) {
    await mailMeetingInvitations(ctx, {
      meetingId: input.meetingId,
      change: "rescheduled",
      onError,
    });
  }
}

export async function cancelAndTell(
  ctx: MailingContext,
  actorId: string,
  input: { meetingId: string },
  onError: OnMailError,
) {
  await cancelMeeting(ctx, actorId, input);
  await mailMeetingInvitations(ctx, { meetingId: input.meetingId, change: "cancelled", onError });
}

export async function closeAndFollowUp(
  ctx: MailingContext,
  actorId: string,
  input: { meetingId: string },
  onError: OnMailError,
) {
  const closed = await closeMeeting(ctx, actorId, input);
  await mailMinutes(ctx, actorId, { ...input, onError });
  return closed;
}
