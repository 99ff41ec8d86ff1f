/**
 * Sends the e-mails notifications are due: each event of a kind the person wants at once,
 * and the daily or weekly digest of the rest, once the period's moment is reached. Every
 * e-mail is claimed before it is sent (mail-claims.ts), so runs on several instances, or
 * again after a crash, never send one twice.
 */
import {
  type MailFrequency,
  type NotificationKind,
  notificationKinds,
} from "../../../shared/notifications";
import type { DB } from "../../db/database";
import type { Ctx } from "../context";
import type { Mailer } from "../mailer";
import { subjectLink } from "./links";
import { type Claim, claimMail, markSent, releaseClaim, skipUnmailed } from "./mail-claims";
import { digestText, eventText, type MailItem } from "./mail-text";
import { type DigestPeriod, digestMoment } from "./periods";
import { frequenciesOf } from "./preferences";
import { issueUnsubscribeToken } from "./unsubscribe";

export interface MailSchedule {
  /** The UTC hour digests go out (DIGEST_HOUR). */
  digestHour: number;
}

type MailContext = Ctx<"publicUrl"> & { mailer: Mailer };

const kindsAt = (frequencies: Record<NotificationKind, MailFrequency>, wanted: MailFrequency) =>
  notificationKinds.filter((kind) => frequencies[kind] === wanted);

async function itemsOf(ctx: MailContext, claim: Claim): Promise<MailItem[]> {
  const rows = await ctx.db
    .selectFrom("notifications")
    .leftJoin("users as actor", "actor.id", "notifications.actor_id")
    .select([
      "notifications.kind",
      "notifications.title",
      "notifications.pole_id",
      "notifications.subject_type",
      "notifications.subject_id",
      "notifications.detail",
      "actor.name as actor_name",
    ])
    .where("notifications.id", "in", claim.notificationIds)
    .orderBy("notifications.created_at")
    .execute();
  return rows.map((row) => ({
    kind: row.kind,
    title: row.title,
    actorName: row.actor_name,
    url:
      ctx.publicUrl +
      subjectLink(row.pole_id, {
        type: row.subject_type,
        id: row.subject_id,
        detail: row.detail,
      }),
  }));
}

const unsubscribeUrl = async (
  ctx: MailContext,
  userId: string,
  kinds: readonly NotificationKind[],
) => `${ctx.publicUrl}/api/unsubscribe/${await issueUnsubscribeToken(ctx.db, { userId, kinds })}`;

/** Sends a claimed e-mail; a refusal releases the claim for the next run. */
async function deliver(
  ctx: MailContext,
  claim: Claim,
  compose: (items: MailItem[]) => Promise<Parameters<Mailer["sendNotification"]>[0]>,
  now: number,
) {
  const mail = await compose(await itemsOf(ctx, claim));
  try {
    await ctx.mailer.sendNotification(mail);
  } catch (error) {
    await releaseClaim(ctx.db, claim);
    throw error;
  }
  await markSent(ctx.db, claim, now);
}

async function unmailedRecipients(db: DB, recipientId?: string) {
  let query = db
    .selectFrom("notifications")
    .innerJoin("users", "users.id", "notifications.recipient_id")
    .select(["users.id", "users.name", "users.email"])
    .distinct()
    .where("notifications.mail_id", "is", null);
  if (recipientId) query = query.where("notifications.recipient_id", "=", recipientId);
  return query.execute();
}

async function sendEvents(
  ctx: MailContext,
  person: { id: string; name: string; email: string },
  kinds: readonly NotificationKind[],
  now: number,
) {
  if (kinds.length === 0) return;
  const pending = await ctx.db
    .selectFrom("notifications")
    .select(["id", "kind"])
    .where("recipient_id", "=", person.id)
    .where("mail_id", "is", null)
    .where("kind", "in", kinds)
    .execute();
  for (const notification of pending) {
    const claim = await claimMail(
      ctx.db,
      {
        recipientId: person.id,
        key: `event:${notification.id}`,
        kinds,
        until: now,
        notificationId: notification.id,
      },
      now,
    );
    if (!claim) continue;
    await deliver(
      ctx,
      claim,
      async ([item]) => {
        if (!item) throw new Error("a claimed notification vanished");
        const url = await unsubscribeUrl(ctx, person.id, [item.kind]);
        return { to: person.email, unsubscribeUrl: url, ...eventText(person.name, item, url) };
      },
      now,
    );
  }
}

async function sendDigest(
  ctx: MailContext,
  person: { id: string; name: string; email: string },
  {
    period,
    kinds,
    hour,
  }: { period: DigestPeriod; kinds: readonly NotificationKind[]; hour: number },
  now: number,
) {
  const moment = digestMoment(period, now, hour);
  // Most runs find nothing old enough: read before writing a claim.
  const due = await ctx.db
    .selectFrom("notifications")
    .select("id")
    .where("recipient_id", "=", person.id)
    .where("mail_id", "is", null)
    .where("kind", "in", kinds)
    .where("created_at", "<=", moment.at)
    .executeTakeFirst();
  if (!due) return;
  const claim = await claimMail(
    ctx.db,
    { recipientId: person.id, key: moment.key, kinds, until: moment.at },
    now,
  );
  if (!claim) return;
  await deliver(
    ctx,
    claim,
    async (items) => {
      const carried = kinds.filter((kind) => items.some((item) => item.kind === kind));
      const groups = await Promise.all(
        carried.map(async (kind) => ({
          kind,
          items: items.filter((item) => item.kind === kind),
          unsubscribeUrl: await unsubscribeUrl(ctx, person.id, [kind]),
        })),
      );
      const url = await unsubscribeUrl(ctx, person.id, carried);
      return { to: person.email, unsubscribeUrl: url, ...digestText(person.name, period, groups) };
    },
    now,
  );
}

/**
 * Sends every e-mail due now (for one person when `recipientId` is given: after they were
 * notified). Each person's e-mails are independent: one refused does not stop the others.
 */
export async function sendDueMails(
  ctx: MailContext,
  { schedule, recipientId }: { schedule: MailSchedule; recipientId?: string },
  now = Date.now(),
): Promise<unknown[]> {
  const people = await unmailedRecipients(ctx.db, recipientId);
  const frequencies = await frequenciesOf(
    ctx.db,
    people.map((person) => person.id),
  );
  const failures: unknown[] = [];
  for (const person of people) {
    const wanted = frequencies.get(person.id);
    if (!wanted) continue;
    try {
      await skipUnmailed(ctx.db, { recipientId: person.id, kinds: kindsAt(wanted, "off") });
      await sendEvents(ctx, person, kindsAt(wanted, "immediate"), now);
      for (const period of ["daily", "weekly"] as const) {
        const kinds = kindsAt(wanted, period);
        if (kinds.length > 0) {
          await sendDigest(ctx, person, { period, kinds, hour: schedule.digestHour }, now);
        }
      }
    } catch (error) {
      failures.push(error);
    }
  }
  return failures;
}
