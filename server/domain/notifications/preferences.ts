/**
 * How often each person is e-mailed each kind of notification: a row per kind changed,
 * the kind's default otherwise (shared/notifications.ts).
 */
import type { Preference } from "../../../shared/api/notifications";
import {
  defaultFrequency,
  emailedKinds,
  type MailFrequency,
  mailedByMeetings,
  type NotificationKind,
} from "../../../shared/notifications";
import type { DB } from "../../db/database";
import type { Ctx } from "../context";

export type Frequencies = Record<NotificationKind, MailFrequency>;

/** Each person's frequency of every kind. */
export async function frequenciesOf(
  db: DB,
  userIds: readonly string[],
): Promise<Map<string, Frequencies>> {
  const rows =
    userIds.length === 0
      ? []
      : await db
          .selectFrom("notification_preferences")
          .selectAll()
          .where("user_id", "in", userIds)
          .execute();
  const result = new Map<string, Frequencies>(
    userIds.map((userId) => [userId, { ...defaultFrequency }]),
  );
  for (const row of rows) {
    const frequencies = result.get(row.user_id);
    if (frequencies) frequencies[row.kind] = row.frequency;
  }
  for (const frequencies of result.values()) {
    for (const kind of mailedByMeetings) frequencies[kind] = "off";
  }
  return result;
}

export async function getPreferences({ db }: Ctx, actorId: string): Promise<Preference[]> {
  const frequencies = (await frequenciesOf(db, [actorId])).get(actorId) ?? defaultFrequency;
  return emailedKinds.map((kind) => ({ kind, frequency: frequencies[kind] }));
}

/** Sets the kinds named, in one step (the others keep theirs). */
export async function setFrequencies(db: DB, userId: string, preferences: readonly Preference[]) {
  for (const { kind, frequency } of preferences) {
    await db
      .insertInto("notification_preferences")
      .values({ user_id: userId, kind, frequency })
      .onConflict((oc) => oc.columns(["user_id", "kind"]).doUpdateSet({ frequency }))
      .execute();
  }
}

export async function updatePreferences(
  ctx: Ctx,
  actorId: string,
  { preferences }: { preferences: readonly Preference[] },
): Promise<Preference[]> {
  await ctx.db.transaction().execute((trx) => setFrequencies(trx, actorId, preferences));
  return getPreferences(ctx, actorId);
}
