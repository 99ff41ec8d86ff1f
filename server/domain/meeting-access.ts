/** Finding a meeting for someone who reads it, or who runs it while it is open. */
import { canRunMeeting } from "../../shared/permissions";
import type { DB } from "../db/database";
import { serialize } from "../db/dialect";
import type { Ctx } from "./context";
import { DomainError, forbidden, notFound } from "./errors";
import { requireMemberFor } from "./members";

/** What the meeting use cases reach: closing re-checks connections and takes a version. */
export type MeetingContext = Ctx<"live" | "events" | "poleEvents">;
export const invalid = (message: string) => new DomainError("invalid_input", message);
export const alreadyClosed = () =>
  new DomainError("conflict", "Cette réunion est close : son compte rendu est figé.");

/** The meeting and its reader; another pôle's meeting is as unknown as a missing one. */
export async function readableMeeting(db: DB, actorId: string, meetingId: string) {
  const meeting = await db
    .selectFrom("meetings")
    .selectAll()
    .where("id", "=", meetingId)
    .executeTakeFirst();
  if (!meeting) throw notFound("Réunion");
  const member = await requireMemberFor(
    db,
    { poleId: meeting.pole_id, userId: actorId },
    "Réunion",
  );
  return { meeting, member };
}

/** The meeting, for someone who runs it, while it is still open. */
export async function runnableMeeting(db: DB, actorId: string, meetingId: string) {
  const found = await readableMeeting(db, actorId, meetingId);
  if (!canRunMeeting(found.member, found.meeting.circle_id)) {
    throw forbidden(
      "Seuls les membres du cercle et la coordination préparent et animent ses réunions.",
    );
  }
  if (found.meeting.state === "closed") throw alreadyClosed();
  if (found.meeting.state === "cancelled") {
    throw new DomainError("conflict", "Cette réunion est annulée : elle ne change plus.");
  }
  return found;
}

/**
 * A change of an open meeting's agenda or tasks, in a transaction that waits for a closing
 * of it under way (on any instance: closeMeeting takes the same lock) and checks again that
 * it is open: nothing is added to a meeting once its compte rendu is taken.
 */
export async function whileOpen<T>(
  db: DB,
  meetingId: string,
  work: (trx: DB) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await lockMeeting(trx, meetingId);
    const current = await trx
      .selectFrom("meetings")
      .select("state")
      .where("id", "=", meetingId)
      .executeTakeFirstOrThrow();
    if (current.state === "closed") throw alreadyClosed();
    return work(trx);
  });
}

/** The changes of one meeting and its closing, one at a time. */
export const lockMeeting = (trx: DB, meetingId: string) => serialize(trx, `meeting:${meetingId}`);
