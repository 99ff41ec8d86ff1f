/**
 * One-click unsubscribe links (RFC 8058): each e-mail carries a random token per kind it
 * holds (and one for all of them, in its List-Unsubscribe header); only its SHA-256 is
 * kept. Using it needs no session: it turns the kinds' e-mails off, once.
 */
import { type NotificationKind, notificationKinds } from "../../../shared/notifications";
import { generateSessionToken, hashToken } from "../../auth/sessions";
import type { DB } from "../../db/database";
import type { Ctx } from "../context";
import { DomainError, notFound } from "../errors";
import { setFrequencies } from "./preferences";

export async function issueUnsubscribeToken(
  db: DB,
  { userId, kinds }: { userId: string; kinds: readonly NotificationKind[] },
  now = Date.now(),
): Promise<string> {
  const token = generateSessionToken();
  await db
    .insertInto("unsubscribe_tokens")
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      kinds: JSON.stringify(kinds),
      created_at: now,
      used_at: null,
    })
    .execute();
  return token;
}

const isKind = (value: unknown): value is NotificationKind =>
  notificationKinds.some((kind) => kind === value);

/** Turns off the link's kinds; a second use is refused (410) and changes nothing. */
export async function unsubscribe(
  { db }: Ctx,
  { token }: { token: string },
  now = Date.now(),
): Promise<{ kinds: NotificationKind[] }> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("unsubscribe_tokens")
      .selectAll()
      .where("token_hash", "=", hashToken(token))
      .executeTakeFirst();
    if (!row) throw notFound("Lien de désabonnement");
    const used = await trx
      .updateTable("unsubscribe_tokens")
      .set({ used_at: now })
      .where("token_hash", "=", row.token_hash)
      .where("used_at", "is", null)
      .executeTakeFirst();
    if (used.numUpdatedRows !== 1n) {
      throw new DomainError("gone", "Ce lien de désabonnement a déjà servi.");
    }
    const kinds = (JSON.parse(row.kinds) as unknown[]).filter(isKind);
    await setFrequencies(
      trx,
      row.user_id,
      kinds.map((kind) => ({ kind, frequency: "off" as const })),
    );
    return { kinds };
  });
}
