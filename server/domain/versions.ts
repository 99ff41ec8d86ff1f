/**
 * Versions of a document (CONTRACT.md "Versions"): listed for its readers, named and
 * restored by its editors, exported in the document's formats, and taken by themselves
 * while people work. The content of a live document is always read and changed through
 * its loaded Y.Doc, so a version holds exactly what the editors saw.
 */
import * as Y from "yjs";
import type { NamedVersionAnswer, RestoreAnswer, VersionView } from "../../shared/api/versions";
import { autoVersionDue, type VersionKind, versionsToThin } from "../../shared/versions";
import type { DB } from "../db/database";
import { createKyselyStore, type StoredVersion, stateHash, type VersionSummary } from "../storage";
import { audit } from "./audit";
import type { Ctx } from "./context";
import { revertUpdate } from "./document-changes";
import { openDocument } from "./documents";
import { forbidden, notFound } from "./errors";
import { type ExportedFile, renderExport } from "./exports";
import { newId } from "./ids";
import type { LiveDocuments } from "./live-documents";

/** What the version use cases reach: the database and the live documents. */
export type VersionContext = Ctx<"live">;

const editOnly = () =>
  forbidden("Seules les personnes qui modifient ce document en gèrent les versions.");

/** The document as its reader sees it; editors only when `edit`. */
async function readable(db: DB, actorId: string, documentId: string, edit = false) {
  const detail = await openDocument({ db }, actorId, { documentId });
  if (edit && detail.access !== "edit") throw editOnly();
  return detail;
}

/** One version of this document: another document's version is as unknown as none. */
async function versionOf(db: DB, documentId: string, versionId: string): Promise<StoredVersion> {
  const version = await createKyselyStore(db).loadVersion(documentId, versionId);
  if (!version) throw notFound("Version");
  return version;
}

export async function presentVersions(
  db: DB,
  versions: readonly VersionSummary[],
): Promise<VersionView[]> {
  const authorIds = Array.from(
    new Set(versions.flatMap((version) => (version.authorId ? [version.authorId] : []))),
  );
  const names = new Map(
    authorIds.length === 0
      ? []
      : (
          await db.selectFrom("users").select(["id", "name"]).where("id", "in", authorIds).execute()
        ).map((user) => [user.id, user.name]),
  );
  return versions.map((version) => ({
    id: version.id,
    number: version.number,
    name: version.name,
    kind: version.kind,
    createdAt: new Date(version.createdAt).toISOString(),
    authorId: version.authorId,
    authorName: version.authorId ? (names.get(version.authorId) ?? null) : null,
    decisionId: version.decisionId,
  }));
}

export async function listVersions(
  { db }: VersionContext,
  actorId: string,
  { documentId }: { documentId: string },
): Promise<VersionView[]> {
  await readable(db, actorId, documentId);
  return presentVersions(db, await createKyselyStore(db).listVersions(documentId));
}

/** The live document's whole content, as every connection to it sees it now (v2). */
export const liveState = (live: LiveDocuments, documentId: string) =>
  live.edit(documentId, (doc) => Y.encodeStateAsUpdateV2(doc));

/** Stores the live document as a version of `kind`. */
export async function storeVersion(
  { db, live }: VersionContext,
  input: {
    documentId: string;
    kind: VersionKind;
    name: string | null;
    authorId: string | null;
    decisionId: string | null;
  },
  now = Date.now(),
): Promise<VersionSummary> {
  const state = await liveState(live, input.documentId);
  return createKyselyStore(db).saveVersion({ id: newId(), ...input, state, createdAt: now });
}

export async function createNamedVersion(
  ctx: VersionContext,
  actorId: string,
  { documentId, name }: { documentId: string; name: string },
): Promise<NamedVersionAnswer> {
  const detail = await readable(ctx.db, actorId, documentId, true);
  const version = await storeVersion(ctx, {
    documentId,
    kind: "named",
    name,
    authorId: actorId,
    decisionId: null,
  });
  await audit(ctx.db, {
    poleId: detail.poleId,
    actorId,
    action: "document.version_named",
    target: documentId,
    details: { number: version.number, name },
  });
  return { id: version.id, number: version.number, name, kind: "named" };
}

/** A version's content, v2-encoded, for the diff view of its readers. */
export async function versionState(
  { db }: VersionContext,
  actorId: string,
  { documentId, versionId }: { documentId: string; versionId: string },
): Promise<Uint8Array> {
  await readable(db, actorId, documentId);
  return (await versionOf(db, documentId, versionId)).state;
}

/** The live document's content, v2-encoded, for the diff view of its readers. */
export async function currentState(
  { db, live }: VersionContext,
  actorId: string,
  { documentId }: { documentId: string },
): Promise<Uint8Array> {
  await readable(db, actorId, documentId);
  return liveState(live, documentId);
}

export async function exportVersion(
  { db }: VersionContext,
  actorId: string,
  input: { documentId: string; versionId: string; format: string; registry: string | undefined },
): Promise<ExportedFile> {
  const detail = await readable(db, actorId, input.documentId);
  const version = await versionOf(db, input.documentId, input.versionId);
  const doc = new Y.Doc();
  try {
    Y.applyUpdateV2(doc, version.state);
    return await renderExport(
      { db },
      {
        ...input,
        kind: detail.kind,
        doc,
        suffix: `-version-${version.number}`,
      },
    );
  } finally {
    doc.destroy();
  }
}

/**
 * Makes the document equal to one of its versions: first a `pre_restore` version of the
 * text as it is, then the difference applied to the live document as a forward edit that
 * open editors receive live. Stored history is never rewritten.
 */
export async function restoreVersion(
  ctx: VersionContext,
  actorId: string,
  { documentId, versionId }: { documentId: string; versionId: string },
): Promise<RestoreAnswer> {
  const detail = await readable(ctx.db, actorId, documentId, true);
  const version = await versionOf(ctx.db, documentId, versionId);
  const before = await storeVersion(ctx, {
    documentId,
    kind: "pre_restore",
    name: null,
    authorId: actorId,
    decisionId: null,
  });
  await ctx.live.edit(documentId, (doc) => {
    const update = revertUpdate(doc, version.state);
    if (update) Y.applyUpdate(doc, update);
  });
  await audit(ctx.db, {
    poleId: detail.poleId,
    actorId,
    action: "document.restored",
    target: documentId,
    details: { number: version.number, preRestore: before.number },
  });
  return {
    restored: { id: version.id, number: version.number },
    preRestore: { id: before.id, number: before.number },
  };
}

/** Versions that decisions or amendments point at: never thinned. */
async function referencedVersions(db: DB, documentId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom("amendments")
    .select(["base_version_id", "adopted_version_id"])
    .where("charter_id", "=", documentId)
    .execute();
  return new Set(
    rows.flatMap((row) => [row.base_version_id, row.adopted_version_id ?? row.base_version_id]),
  );
}

/**
 * After a changed document was stored: an automatic version when the last one is ten
 * minutes old or more and the content differs from the last version, then the automatic
 * ones thinned with age. `doc` is only read, in this turn.
 */
export async function takeAutoVersion(
  db: DB,
  { documentId, doc }: { documentId: string; doc: Y.Doc },
  now = Date.now(),
): Promise<VersionSummary | null> {
  const store = createKyselyStore(db);
  const versions = await store.listVersions(documentId);
  const lastAuto = versions.find((version) => version.kind === "auto");
  if (!autoVersionDue(lastAuto?.createdAt ?? null, now)) return null;
  const state = Y.encodeStateAsUpdateV2(doc);
  if (versions[0]?.hash === stateHash(state)) return null;
  const taken = await store.saveVersion({
    id: newId(),
    documentId,
    kind: "auto",
    name: null,
    state,
    authorId: null,
    createdAt: now,
    decisionId: null,
  });
  const referenced = await referencedVersions(db, documentId);
  const thinned = versionsToThin(
    [taken, ...versions].map((version) => ({
      id: version.id,
      kind: version.kind,
      createdAt: version.createdAt,
      referenced: version.decisionId !== null || referenced.has(version.id),
    })),
    now,
  );
  await store.deleteVersions(documentId, thinned);
  return taken;
}
