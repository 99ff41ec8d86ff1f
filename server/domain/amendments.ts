/**
 * Amendments to the charter (CONTRACT.md "Governance"): proposed as a copy of the charter
 * that shares its history (so that adopting one merges only its own changes), edited live
 * while a draft, frozen once a decision opens on it, withdrawn by its author or a
 * coordinator. What happens when a decision closes is in amendment-adoption.ts.
 */
import * as Y from "yjs";
import type { AmendmentView, CharterView } from "../../shared/api/amendments";
import { BODY } from "../../shared/documents";
import { canProposeAmendment, canWithdrawAmendment } from "../../shared/permissions";
import type { DB } from "../db/database";
import type { AmendmentRow } from "../db/schema";
import { createKyselyStore, loadDoc } from "../storage";
import { audit } from "./audit";
import type { Ctx } from "./context";
import { insertDocument, openDocument } from "./documents";
import { DomainError, forbidden, notFound } from "./errors";
import { newId } from "./ids";
import { loadMember } from "./members";

/**
 * What the amendment use cases reach: the live documents, the access events (open
 * connections to an amendment's document are re-checked when it freezes) and the pôle's
 * events (open pages of the charter and the amendment refresh).
 */
export type GovernanceContext = Ctx<"live" | "events" | "poleEvents">;

export const notDraft = () =>
  new DomainError(
    "conflict",
    "Cet amendement n'est plus un brouillon : il a été soumis au vote, adopté, rejeté ou retiré.",
  );

/** The charter document, for a member of its pôle; anything else is unknown (404). */
async function charterFor(db: DB, actorId: string, charterId: string) {
  const detail = await openDocument({ db }, actorId, { documentId: charterId });
  if (detail.kind !== "charter") throw notFound("Charte");
  const member = await loadMember(db, { poleId: detail.poleId, userId: actorId });
  if (!member) throw notFound("Charte");
  return { detail, member };
}

async function presentAmendment(db: DB, row: AmendmentRow): Promise<AmendmentView> {
  const author = row.author_id
    ? await db.selectFrom("users").select("name").where("id", "=", row.author_id).executeTakeFirst()
    : undefined;
  return {
    id: row.id,
    title: row.title,
    state: row.state,
    documentId: row.document_id,
    baseVersionId: row.base_version_id,
    decisionId: row.decision_id,
    charterId: row.charter_id,
    rationale: row.rationale,
    authorId: row.author_id,
    authorName: author?.name ?? null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export async function proposeAmendment(
  { db, live, poleEvents }: GovernanceContext,
  actorId: string,
  input: { charterId: string; title: string; rationale?: string },
  now = Date.now(),
): Promise<AmendmentView> {
  const { detail, member } = await charterFor(db, actorId, input.charterId);
  if (!canProposeAmendment(member)) {
    throw forbidden("Les personnes observatrices ne proposent pas d'amendement.");
  }
  // The charter as its editors see it now: the copy starts from the very same structs.
  const charter = await live.edit(input.charterId, (doc) => ({
    v1: Y.encodeStateAsUpdate(doc),
    v2: Y.encodeStateAsUpdateV2(doc),
  }));
  const id = newId();
  const row = await db.transaction().execute(async (trx) => {
    const store = createKyselyStore(trx, () => now);
    const base = await store.saveVersion({
      id: newId(),
      documentId: input.charterId,
      kind: "named",
      name: `Base de l'amendement « ${input.title} »`,
      state: charter.v2,
      authorId: actorId,
      createdAt: now,
      decisionId: null,
    });
    const document = await insertDocument(
      trx,
      {
        poleId: detail.poleId,
        kind: "amendment",
        title: `Amendement : ${input.title}`,
        circleId: detail.circleId,
        createdBy: actorId,
      },
      now,
    );
    await store.create(document.id, charter.v1);
    const amendment: AmendmentRow = {
      id,
      pole_id: detail.poleId,
      charter_id: input.charterId,
      document_id: document.id,
      title: input.title,
      rationale: input.rationale ?? "",
      author_id: actorId,
      state: "draft",
      base_version_id: base.id,
      decision_id: null,
      adopted_version_id: null,
      created_at: now,
    };
    await trx.insertInto("amendments").values(amendment).execute();
    await audit(
      trx,
      {
        poleId: detail.poleId,
        actorId,
        action: "amendment.proposed",
        target: id,
        details: { title: input.title, baseVersion: base.number },
      },
      now,
    );
    return amendment;
  });
  poleEvents.publish(detail.poleId, { type: "amendment", id });
  return presentAmendment(db, row);
}

/** The amendment for a member of its pôle; another pôle's is as unknown as a missing one. */
async function readable(db: DB, actorId: string, amendmentId: string) {
  const row = await db
    .selectFrom("amendments")
    .selectAll()
    .where("id", "=", amendmentId)
    .executeTakeFirst();
  const member = row ? await loadMember(db, { poleId: row.pole_id, userId: actorId }) : null;
  if (!row || !member) throw notFound("Amendement");
  return { row, member };
}

export async function getAmendment(
  { db }: Pick<GovernanceContext, "db">,
  actorId: string,
  { amendmentId }: { amendmentId: string },
): Promise<AmendmentView> {
  return presentAmendment(db, (await readable(db, actorId, amendmentId)).row);
}

/** The amendment a document of kind `amendment` holds the text of. */
export async function amendmentOfDocument(
  { db }: Pick<GovernanceContext, "db">,
  actorId: string,
  { documentId }: { documentId: string },
): Promise<AmendmentView> {
  const row = await db
    .selectFrom("amendments")
    .select("id")
    .where("document_id", "=", documentId)
    .executeTakeFirst();
  if (!row) throw notFound("Amendement");
  return getAmendment({ db }, actorId, { amendmentId: row.id });
}

export async function withdrawAmendment(
  { db, events, poleEvents }: GovernanceContext,
  actorId: string,
  { amendmentId }: { amendmentId: string },
  now = Date.now(),
): Promise<AmendmentView> {
  const { row, member } = await readable(db, actorId, amendmentId);
  if (!canWithdrawAmendment(member, row.author_id === actorId)) {
    throw forbidden("Seuls son auteur ou son autrice et la coordination retirent un amendement.");
  }
  await db.transaction().execute(async (trx) => {
    const withdrawn = await trx
      .updateTable("amendments")
      .set({ state: "withdrawn" })
      .where("id", "=", row.id)
      .where("state", "=", "draft")
      .executeTakeFirst();
    if (withdrawn.numUpdatedRows !== 1n) throw notDraft();
    await audit(
      trx,
      { poleId: row.pole_id, actorId, action: "amendment.withdrawn", target: row.id },
      now,
    );
  });
  // Its editors' connections become read-only.
  events.documentMoved(row.document_id);
  poleEvents.publish(row.pole_id, { type: "amendment", id: row.id });
  return presentAmendment(db, { ...row, state: "withdrawn" });
}

const bodyOf = (doc: Y.Doc) => doc.getXmlFragment(BODY).toString();

export async function getCharter(
  { db }: Pick<GovernanceContext, "db">,
  actorId: string,
  { charterId }: { charterId: string },
): Promise<CharterView> {
  await charterFor(db, actorId, charterId);
  const store = createKyselyStore(db);
  const adopted = (await store.listVersions(charterId)).find((v) => v.kind === "adopted");
  const amendments = await db
    .selectFrom("amendments")
    .select(["id", "title", "state", "document_id as documentId"])
    .where("charter_id", "=", charterId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
  let workingTextDiffers = true;
  if (adopted) {
    const version = await store.loadVersion(charterId, adopted.id);
    const [working, then] = [await loadDoc(store, charterId), new Y.Doc()];
    if (version) Y.applyUpdateV2(then, version.state);
    workingTextDiffers = bodyOf(working) !== bodyOf(then);
    working.destroy();
    then.destroy();
  }
  return {
    adoptedVersion: adopted
      ? {
          id: adopted.id,
          number: adopted.number,
          adoptedAt: new Date(adopted.createdAt).toISOString(),
          decisionId: adopted.decisionId,
        }
      : null,
    amendments,
    workingTextDiffers,
  };
}
