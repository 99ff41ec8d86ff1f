/**
 * The notifications' scheduled work, in every instance: each minute the reminders a date
 * brings and the e-mails due (digests once their moment has come); and, as soon as someone
 * is notified, that person's immediate e-mails. Running on several instances at once is
 * safe rather than avoided: reminders have unique event keys, e-mails are claimed in a
 * transaction before being sent (mail-claims.ts).
 */
import type { Logger } from "pino";
import type { Ctx } from "../context";
import type { Mailer } from "../mailer";
import { type MailSchedule, sendDueMails } from "./mail-sending";
import { sendReminders } from "./reminders";

const EVERY_MS = 60 * 1000;

export interface NotificationJobs {
  /** Stops the timers and waits for the run in progress. */
  stop(): Promise<void>;
}

export function startNotificationJobs(
  ctx: Ctx<"poleEvents" | "publicUrl"> & { mailer: Mailer | null },
  schedule: MailSchedule,
  logger: Pick<Logger, "error">,
): NotificationJobs {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const { mailer } = ctx;

  const mail = async (recipientId?: string) => {
    if (!mailer) return;
    const failures = await sendDueMails({ ...ctx, mailer }, { schedule, recipientId });
    for (const err of failures) logger.error({ err }, "sending a notification e-mail failed");
  };
  // One run at a time in this instance: a run waits for the previous one.
  const enqueue = (work: () => Promise<void>) => {
    if (stopped) return;
    running = running
      .then(work)
      .catch((err: unknown) => logger.error({ err }, "notification job failed"));
  };

  const tick = () =>
    enqueue(async () => {
      await sendReminders(ctx);
      await mail();
    });
  const timer = setInterval(tick, EVERY_MS);
  timer.unref();
  const unsubscribe = ctx.poleEvents.subscribe((_poleId, event) => {
    if (event.type === "notification") enqueue(() => mail(event.id));
  });
  tick();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      unsubscribe();
      await running;
    },
  };
}
