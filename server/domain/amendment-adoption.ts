/**
 * What follows a decision on an amendment, once its transaction committed: when it
 * opens, the open connections to the amendment's document are re-checked (they become
 * read-only); when it adopts the amendment, the amendment's own changes since its base
 * are merged into the live charter as a forward edit and an `adopted` version of the
 * charter, carrying the decision, is stored. Follows the pôle's decision events, and at
 * start finishes any adoption a stop interrupted: merging is idempotent (a Yjs update
 * applied twice changes nothing), and the version is stored once, by one instance: every
 * instance hears of the decision, the first to take the amendment's lock adopts it and
 * the others then find it done.
 */
import type { Logger } from "pino";
import * as Y from "yjs";
import { exclusively } from "../db/dialect";
import { createKyselyStore, readState } from "../storage";
import type { GovernanceContext } from "./amendments";
import { audit } from "./audit";
import { changesSince } from "./document-changes";
import { storeVersion } from "./versions";

export interface AmendmentFollower {
  stop(): void;
  /** Resolves once every adoption started so far is done (tests, shutdown). */
  settled(): Promise<void>;
}

/** Merges an adopted amendment into its charter, unless that was done already. */
const mergeAdopted = (ctx: GovernanceContext, amendmentId: string) =>
  exclusively(ctx.db, `adoption:${amendmentId}`, () => mergeOnce(ctx, amendmentId));

async function mergeOnce(ctx: GovernanceContext, amendmentId: string): Promise<void> {
  const { db, live } = ctx;
  const amendment = await db
    .selectFrom("amendments")
    .selectAll()
    .where("id", "=", amendmentId)
    .where("state", "=", "adopted")
    .where("adopted_version_id", "is", null)
    .executeTakeFirst();
  if (!amendment) return;
  const store = createKyselyStore(db);
  const base = await store.loadVersion(amendment.charter_id, amendment.base_version_id);
  const text = await readState(store, amendment.document_id);
  if (!base || !text) throw new Error(`amendment ${amendment.id} lost its base or its text`);
  const changes = changesSince(text.update, base.stateVector);
  await live.edit(amendment.charter_id, (doc) => Y.applyUpdate(doc, changes));
  const version = await storeVersion(ctx, {
    documentId: amendment.charter_id,
    kind: "adopted",
    name: amendment.title,
    authorId: amendment.author_id,
    decisionId: amendment.decision_id,
  });
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("amendments")
      .set({ adopted_version_id: version.id })
      .where("id", "=", amendment.id)
      .execute();
    await audit(trx, {
      poleId: amendment.pole_id,
      actorId: null,
      action: "charter.amended",
      target: amendment.charter_id,
      details: {
        amendmentId: amendment.id,
        decisionId: amendment.decision_id,
        version: version.number,
      },
    });
  });
  ctx.poleEvents.publish(amendment.pole_id, { type: "amendment", id: amendment.id });
}

export function followAmendmentDecisions(
  ctx: GovernanceContext,
  logger: Pick<Logger, "error">,
): AmendmentFollower {
  const { db } = ctx;
  // One adoption at a time: two amendments of one charter merge one after the other.
  let queue: Promise<void> = Promise.resolve();
  const adopt = (amendmentId: string) => {
    queue = queue.then(() =>
      mergeAdopted(ctx, amendmentId).catch((err: unknown) =>
        logger.error({ err, amendmentId }, "merging an adopted amendment failed"),
      ),
    );
  };

  const follow = async (decisionId: string) => {
    const amendment = await db
      .selectFrom("decisions")
      .innerJoin("amendments", "amendments.id", "decisions.amendment_id")
      .select(["amendments.id", "amendments.state", "amendments.document_id"])
      .where("decisions.id", "=", decisionId)
      .executeTakeFirst();
    if (!amendment) return;
    if (amendment.state === "voting") ctx.events.documentMoved(amendment.document_id);
    if (amendment.state === "adopted") adopt(amendment.id);
  };

  const unsubscribe = ctx.poleEvents.subscribe((_poleId, event) => {
    if (event.type !== "decision") return;
    follow(event.id).catch((err: unknown) =>
      logger.error({ err, decisionId: event.id }, "following a decision on an amendment failed"),
    );
  });
  db.selectFrom("amendments")
    .select("id")
    .where("state", "=", "adopted")
    .where("adopted_version_id", "is", null)
    .execute()
    .then(
      (rows) => {
        for (const row of rows) adopt(row.id);
      },
      (err: unknown) => logger.error({ err }, "reading unfinished adoptions failed"),
    );

  return {
    stop: unsubscribe,
    settled: () => queue,
  };
}
