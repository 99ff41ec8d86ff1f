/**
 * Records who edits which document, for the activity feed. Updates arrive many times a
 * second while someone types: each (document, person) is written at most once per
 * `EVERY_MS` from this instance; the row per day keeps its last time. Each write tells the
 * document's readers (an `activity` pôle event), so an open activity page refreshes.
 */
import type { Ctx } from "../context";

const EVERY_MS = 5 * 60 * 1000;

export function createEditRecorder(
  { db, poleEvents }: Ctx<"poleEvents">,
  onError: (err: unknown) => void,
) {
  const lastWritten = new Map<string, number>();
  // A document never changes pôle: its pôle is read once while it is being edited, by the
  // first of its editors (the others wait for that same read).
  const poleOf = new Map<string, Promise<string | undefined>>();
  let sweptAt = 0;
  // Pairs older than EVERY_MS decide nothing any more: dropped, so the maps hold only the
  // last few minutes' editors rather than everyone since the process started.
  const sweep = (now: number) => {
    if (now - sweptAt < EVERY_MS) return;
    sweptAt = now;
    for (const [key, at] of lastWritten) if (now - at >= EVERY_MS) lastWritten.delete(key);
    poleOf.clear();
  };
  const poleOfDocument = (documentId: string) => {
    const known = poleOf.get(documentId);
    if (known) return known;
    const reading = db
      .selectFrom("documents")
      .select("pole_id")
      .where("id", "=", documentId)
      .executeTakeFirst()
      .then((document) => {
        if (!document) poleOf.delete(documentId);
        return document?.pole_id;
      });
    reading.catch(() => poleOf.delete(documentId));
    poleOf.set(documentId, reading);
    return reading;
  };
  const write = async (documentId: string, userId: string, now: number) => {
    await db
      .insertInto("document_edits")
      .values({
        document_id: documentId,
        user_id: userId,
        day: new Date(now).toISOString().slice(0, 10),
        last_at: now,
      })
      .onConflict((oc) =>
        oc.columns(["document_id", "user_id", "day"]).doUpdateSet({ last_at: now }),
      )
      .execute();
    const poleId = await poleOfDocument(documentId);
    if (poleId) poleEvents.publish(poleId, { type: "activity", id: documentId, documentId });
  };
  return (documentId: string, userId: string, now = Date.now()) => {
    const key = `${documentId} ${userId}`;
    if (now - (lastWritten.get(key) ?? Number.NEGATIVE_INFINITY) < EVERY_MS) return;
    sweep(now);
    lastWritten.set(key, now);
    write(documentId, userId, now).catch(onError);
  };
}
