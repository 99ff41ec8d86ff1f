/**
 * What the collective's use cases tell people, once their change is stored: each function
 * turns one domain event into a `notify` call, so that the use cases gain a single line.
 */
import type { DB } from "../../db/database";
import type { Ctx } from "../context";
import { notify } from "./notify";

type NotifyContext = Ctx<"poleEvents">;

const seatedIn = async (db: DB, circleId: string) =>
  (
    await db
      .selectFrom("circle_members")
      .select("user_id")
      .where("circle_id", "=", circleId)
      .execute()
  ).map((row) => row.user_id);

/** Its electorate is asked to vote. */
export async function notifyDecisionOpened(
  ctx: NotifyContext,
  actorId: string,
  { decisionId }: { decisionId: string },
) {
  const decision = await ctx.db
    .selectFrom("decisions")
    .select("title")
    .where("id", "=", decisionId)
    .executeTakeFirstOrThrow();
  const electorate = await ctx.db
    .selectFrom("decision_electorate")
    .select("user_id")
    .where("decision_id", "=", decisionId)
    .execute();
  await notify(ctx, actorId, {
    recipientIds: electorate.map((row) => row.user_id),
    kind: "decisionOpened",
    eventKey: `decision-opened:${decisionId}`,
    subject: { type: "decision", id: decisionId },
    title: decision.title,
  });
}

/** The meeting's circle learns that it is planned, then that its minutes are published. */
export async function notifyMeeting(
  ctx: NotifyContext,
  actorId: string,
  { meetingId, kind }: { meetingId: string; kind: "meetingPlanned" | "minutesPublished" },
) {
  const meeting = await ctx.db
    .selectFrom("meetings")
    .select(["title", "circle_id"])
    .where("id", "=", meetingId)
    .executeTakeFirstOrThrow();
  await notify(ctx, actorId, {
    recipientIds: await seatedIn(ctx.db, meeting.circle_id),
    kind,
    eventKey: `${kind}:${meetingId}`,
    subject: { type: "meeting", id: meetingId },
    title: meeting.title,
  });
}

export async function notifyTaskAssigned(
  ctx: NotifyContext,
  actorId: string,
  task: { id: string; title: string; assigneeId: string; meetingId: string | null },
) {
  await notify(ctx, actorId, {
    recipientIds: [task.assigneeId],
    kind: "taskAssigned",
    eventKey: `task-assigned:${task.id}`,
    subject: { type: "task", id: task.id, detail: task.meetingId ?? undefined },
    title: task.title,
  });
}

/** The pôle's coordinators learn who joined through an invitation. */
export async function notifyInvitationAccepted(
  ctx: NotifyContext,
  actorId: string,
  { invitationId, poleId }: { invitationId: string; poleId: string },
) {
  const person = await ctx.db
    .selectFrom("users")
    .select("name")
    .where("id", "=", actorId)
    .executeTakeFirstOrThrow();
  const coordinators = await ctx.db
    .selectFrom("pole_members")
    .select("user_id")
    .where("pole_id", "=", poleId)
    .where("role", "=", "coordinator")
    .execute();
  await notify(ctx, actorId, {
    recipientIds: coordinators.map((row) => row.user_id),
    kind: "invitationAccepted",
    eventKey: `invitation-accepted:${invitationId}`,
    subject: { type: "person", id: actorId },
    title: person.name,
    poleId,
  });
}

/** A comment just posted: its thread's other writers are its participants. */
export async function notifyCommentPosted(
  ctx: NotifyContext,
  authorId: string,
  posted: {
    documentId: string;
    threadId: string;
    commentId: string;
    mentionedIds: readonly string[];
  },
) {
  const writers = await ctx.db
    .selectFrom("comments")
    .select("author_id")
    .distinct()
    .where("thread_id", "=", posted.threadId)
    .where("deleted_at", "is", null)
    .execute();
  await notifyComment(ctx, authorId, {
    ...posted,
    participantIds: writers.flatMap((row) => (row.author_id ? [row.author_id] : [])),
  });
}

/**
 * For comment threads: a comment tells the people it mentions (`mention`) and the thread's
 * other participants (`reply`), each once; someone both mentioned and taking part is told
 * of the mention only. People who cannot read the document, or are outside its pôle, are
 * dropped by `notify`, as is the author.
 */
export async function notifyComment(
  ctx: NotifyContext,
  authorId: string,
  comment: {
    documentId: string;
    threadId: string;
    commentId: string;
    mentionedIds: readonly string[];
    participantIds: readonly string[];
  },
) {
  const document = await ctx.db
    .selectFrom("documents")
    .select("title")
    .where("id", "=", comment.documentId)
    .executeTakeFirstOrThrow();
  const subject = { type: "document" as const, id: comment.documentId, detail: comment.threadId };
  const mentioned = new Set(comment.mentionedIds);
  await notify(ctx, authorId, {
    recipientIds: [...mentioned],
    kind: "mention",
    eventKey: `comment-mention:${comment.commentId}`,
    subject,
    title: document.title,
  });
  await notify(ctx, authorId, {
    recipientIds: comment.participantIds.filter((id) => !mentioned.has(id)),
    kind: "reply",
    eventKey: `reply:${comment.commentId}`,
    subject,
    title: document.title,
  });
}
