import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { openDocumentDatabase, type TemporaryDatabase } from "../../tests/helpers/document-db";
import { createKyselyStore, createSqliteStore, type DocumentStore, loadDoc, readState } from ".";

const DOC = "doc-1";
let database: TemporaryDatabase;

beforeEach(async () => {
  database = await openDocumentDatabase(DOC);
});

afterEach(() => database.remove());

/** A state holding `text`, and an update that appends `more` to it. */
function edits(text: string, more: string) {
  const doc = new Y.Doc();
  doc.getText("t").insert(0, text);
  const state = Y.encodeStateAsUpdate(doc);
  const vector = Y.encodeStateVector(doc);
  doc.getText("t").insert(text.length, more);
  const update = Y.encodeStateAsUpdate(doc, vector);
  doc.destroy();
  return { state, update };
}

const textOf = async (store: DocumentStore) => {
  const doc = await loadDoc(store, DOC);
  const text = doc.getText("t").toString();
  doc.destroy();
  return text;
};

const implementations: [string, () => DocumentStore][] = [
  ["Kysely", () => createKyselyStore(database.db)],
  ["raw SQLite", () => createSqliteStore(database.db, database.sqlite)],
];

describe.each(implementations)("the %s store", (_name, makeStore) => {
  it("creates a document with its state vector, read back without decoding", async () => {
    const store = makeStore();
    const { state } = edits("bonjour", "");
    await store.create(DOC, state);
    const stored = await store.load(DOC);
    expect(stored.stateVector).toEqual(Y.encodeStateVectorFromUpdate(state));
    expect(stored.updates).toEqual([]);
    const read = await readState(store, DOC);
    // The very bytes stored: nothing was decoded nor re-encoded.
    expect(read?.update).toEqual(state);
    expect(await textOf(store)).toBe("bonjour");
  });

  it("refuses to create a document twice, keeping the first state", async () => {
    const store = makeStore();
    await store.create(DOC, edits("premier", "").state);
    await expect(store.create(DOC, edits("second", "").state)).rejects.toThrow();
    expect(await textOf(store)).toBe("premier");
  });

  it("appends updates in order, then compacts those a state covers", async () => {
    const store = makeStore();
    const { state, update } = edits("un", " deux");
    const highest = await store.append([
      { documentId: DOC, data: state },
      { documentId: DOC, data: update },
    ]);
    const stored = await store.load(DOC);
    expect(stored.updates).toHaveLength(2);
    expect(stored.lastUpdateId).toBe(highest.get(DOC));
    expect(await textOf(store)).toBe("un deux");

    const merged = await readState(store, DOC);
    if (!merged) throw new Error("no state");
    expect(await store.compact(DOC, merged, stored.lastUpdateId)).toBe(2);
    const compacted = await store.load(DOC);
    expect(compacted).toMatchObject({ updates: [], stateVector: merged.vector });
    expect(await textOf(store)).toBe("un deux");
  });

  it("reads an unknown document as empty", async () => {
    const store = makeStore();
    expect(await store.load("absent")).toEqual({
      state: null,
      stateVector: null,
      updates: [],
      lastUpdateId: 0,
    });
    expect(await readState(store, "absent")).toBeNull();
  });

  it("numbers versions per document, lists them newest first, loads one of its own", async () => {
    const store = makeStore();
    const doc = new Y.Doc();
    const version = (kind: "auto" | "named", name: string | null, createdAt: number) => ({
      id: `v${createdAt}`,
      documentId: DOC,
      kind,
      name,
      state: Y.encodeStateAsUpdateV2(doc),
      authorId: null,
      createdAt,
      decisionId: null,
    });
    doc.getText("t").insert(0, "un");
    const first = await store.saveVersion(version("auto", null, 1));
    doc.getText("t").insert(2, " deux");
    const second = await store.saveVersion(version("named", "Pour le COPIL", 2));
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(second.hash).not.toBe(first.hash);
    expect(second.size).toBe(Y.encodeStateAsUpdateV2(doc).byteLength);
    expect((await store.listVersions(DOC)).map((v) => v.number)).toEqual([2, 1]);

    const loaded = await store.loadVersion(DOC, first.id);
    const back = new Y.Doc();
    if (!loaded) throw new Error("no version");
    Y.applyUpdateV2(back, loaded.state);
    expect(back.getText("t").toString()).toBe("un");
    expect(loaded.stateVector).toEqual(Y.encodeStateVector(back));
    expect(await store.loadVersion("another-document", first.id)).toBeNull();

    expect(await store.deleteVersions(DOC, [first.id])).toBe(1);
    const third = await store.saveVersion(version("auto", null, 3));
    // Numbers are never reused: the highest one left counts, not how many are left.
    expect(third.number).toBe(3);
    doc.destroy();
    back.destroy();
  });
});

it("creates inside the caller's transaction, and nothing when it rolls back", async () => {
  await expect(
    database.db.transaction().execute(async (trx) => {
      const store = createKyselyStore(trx);
      await store.create(DOC, edits("annulé", "").state);
      expect((await store.load(DOC)).state).not.toBeNull();
      throw new Error("rollback");
    }),
  ).rejects.toThrow("rollback");
  expect((await createKyselyStore(database.db).load(DOC)).state).toBeNull();
});
