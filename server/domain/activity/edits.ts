/**
 * Records who edits which document, for the activity feed. Updates arrive many times a
 * second while someone types: each (document, person) is written at most once per
 * `EVERY_MS` from this instance; the row per day keeps its last time.
 */
import type { DB } from "../../db/database";

const EVERY_MS = 5 * 60 * 1000;

export function createEditRecorder(db: DB, onError: (err: unknown) => void) {
  const lastWritten = new Map<string, number>();
  return (documentId: string, userId: string, now = Date.now()) => {
    const key = `${documentId} ${userId}`;
    if (now - (lastWritten.get(key) ?? Number.NEGATIVE_INFINITY) < EVERY_MS) return;
    lastWritten.set(key, now);
    db.insertInto("document_edits")
      .values({
        document_id: documentId,
        user_id: userId,
        day: new Date(now).toISOString().slice(0, 10),
        last_at: now,
      })
      .onConflict((oc) =>
        oc.columns(["document_id", "user_id", "day"]).doUpdateSet({ last_at: now }),
      )
      .execute()
      .catch(onError);
  };
}
