/**
 * Closes decisions by themselves at their `closesAt`. Timers live in the server process;
 * at start it reads every open decision with a date (those due while it was down close at
 * once), and afterwards it learns of new ones from the pôle's event stream.
 */
import type { Logger } from "pino";
import type { Ctx } from "./context";
import { settleDecision } from "./decisions";
import { DomainError } from "./errors";

/** setTimeout's ceiling (about 24.8 days): a later date is reached in several waits. */
const MAX_DELAY = 2 ** 31 - 1;

export interface DecisionCloser {
  stop(): void;
}

export async function startDecisionCloser(
  ctx: Ctx<"poleEvents">,
  logger: Pick<Logger, "error">,
): Promise<DecisionCloser> {
  const timers = new Map<string, NodeJS.Timeout>();
  let stopped = false;

  const close = (decisionId: string) => {
    timers.delete(decisionId);
    settleDecision(ctx, { decisionId, closedBy: null }).catch((err: unknown) => {
      // Closed meanwhile by a person: the outcome they got stands.
      if (err instanceof DomainError && err.code === "conflict") return;
      logger.error({ err, decisionId }, "closing a decision at its date failed");
    });
  };

  const schedule = (decisionId: string, closesAt: number) => {
    if (stopped) return;
    clearTimeout(timers.get(decisionId));
    const delay = closesAt - Date.now();
    const timer = setTimeout(
      () => (delay > MAX_DELAY ? schedule(decisionId, closesAt) : close(decisionId)),
      Math.max(0, Math.min(delay, MAX_DELAY)),
    );
    timer.unref();
    timers.set(decisionId, timer);
  };

  const due = (decisionIds?: string[]) => {
    let query = ctx.db
      .selectFrom("decisions")
      .select(["id", "closes_at"])
      .where("state", "=", "open")
      .where("closes_at", "is not", null);
    if (decisionIds) query = query.where("id", "in", decisionIds);
    return query.execute();
  };

  const unsubscribe = ctx.poleEvents.subscribe((_poleId, event) => {
    if (event.type !== "decision" || timers.has(event.id)) return;
    due([event.id]).then(
      (rows) => {
        for (const row of rows) if (row.closes_at !== null) schedule(row.id, row.closes_at);
      },
      (err: unknown) =>
        logger.error({ err, decisionId: event.id }, "reading a decision's date failed"),
    );
  });
  for (const row of await due()) if (row.closes_at !== null) schedule(row.id, row.closes_at);

  return {
    stop() {
      stopped = true;
      unsubscribe();
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
