/**
 * PostgreSQL mode below the instances: the migrations and the document store, on a fresh
 * database of the test server (MAILLAGE_TEST_DATABASE_URL; see tests/helpers/scale.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type DB, openDatabase } from "../../server/db/database";
import { migrateToLatest } from "../../server/db/migrate";
import { openPostgres, type PostgresDatabase } from "../../server/db/postgres";
import { prepared } from "../../server/db/prepared";
import { createPostgresStore, loadDoc } from "../../server/storage";
import { insertPage, insertPoleWithPage } from "../helpers/document-db";
import { createTestDatabase, type TestDatabase } from "../helpers/scale";
import { migratedPostgresSchema, migratedSchema } from "../helpers/schema";

let database: TestDatabase;
let opened: PostgresDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  // Two instances starting together: each migrates, one at a time, and neither fails.
  const other = openPostgres(database.url, 2);
  opened = openPostgres(database.url);
  try {
    await Promise.all([migrateToLatest(opened.db), migrateToLatest(other.db)]);
  } finally {
    await other.db.destroy();
  }
  await insertPoleWithPage(opened.db, "doc-1");
});

afterAll(async () => {
  await opened?.db.destroy();
  await database?.drop();
});

describe("PostgreSQL mode", () => {
  it("runs the queries compiled once as named statements, parsed once per connection", async () => {
    const single = openPostgres(database.url, 1);
    try {
      const titleOf = prepared((db: DB, value: (name: "id") => string) =>
        db.selectFrom("documents").select("title").where("id", "=", value("id")),
      );
      await insertPage(single.db, "doc-named");
      expect(await titleOf(single.db, { id: "doc-named" })).toHaveLength(1);
      expect(await titleOf(single.db, { id: "nope" })).toEqual([]);
      const { rows } = await sql<{
        name: string;
      }>`select name from pg_prepared_statements`.execute(single.db);
      expect(rows.map((row) => row.name)).toEqual([expect.stringMatching(/^maillage_\d+$/)]);
    } finally {
      await single.db.destroy();
    }
  });

  it("migrates to the very tables, columns and nullability SQLite gets (so the Database type holds)", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "maillage-schema-"));
    const sqlite = openDatabase(dataDir);
    try {
      await migrateToLatest(sqlite.db);
      expect(await migratedPostgresSchema(opened.db)).toEqual(migratedSchema(sqlite.sqlite));
    } finally {
      await sqlite.db.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("loads the state and the log after it, in order, as the SQLite store does", async () => {
    await insertPage(opened.db, "doc-load");
    const store = createPostgresStore(opened.db);
    const doc = new Y.Doc();
    const text = doc.getText("t");
    const updates: Uint8Array[] = [];
    doc.on("update", (update: Uint8Array) => updates.push(update));
    text.insert(0, "un");
    text.insert(2, " deux");
    const firstTwo = await store.append(updates.map((data) => ({ documentId: "doc-load", data })));
    // Only a log: no state row yet.
    const logOnly = await store.load("doc-load");
    expect(logOnly.state).toBeNull();
    expect(logOnly.updates).toEqual(updates);
    expect(logOnly.lastUpdateId).toBe(firstTwo.get("doc-load"));
    // A state, then a log appended after it.
    const state = { update: Y.encodeStateAsUpdate(doc), vector: Y.encodeStateVector(doc) };
    await store.compact("doc-load", state, firstTwo.get("doc-load") ?? 0);
    updates.length = 0;
    text.insert(7, " trois");
    const third = await store.append([{ documentId: "doc-load", data: updates[0] }]);
    const both = await store.load("doc-load");
    expect(both.state).not.toBeNull();
    expect(both.stateVector).toEqual(state.vector);
    expect(both.updates).toEqual([updates[0]]);
    expect(both.lastUpdateId).toBe(third.get("doc-load"));
    const loaded = await loadDoc(store, "doc-load");
    expect(loaded.getText("t").toString()).toBe("un deux trois");
    // A document without state nor log.
    await insertPage(opened.db, "doc-empty");
    expect(await store.load("doc-empty")).toEqual({
      state: null,
      stateVector: null,
      updates: [],
      lastUpdateId: 0,
    });
    for (const d of [doc, loaded]) d.destroy();
  });

  it("keeps both sides when two instances compact one document from different states at once", async () => {
    const store = createPostgresStore(opened.db);
    // Each instance holds only its own client's edit: the other's message has not arrived.
    const [here, there] = [new Y.Doc(), new Y.Doc()];
    here.getText("t").insert(0, "ici ");
    there.getText("t").insert(0, "là-bas ");
    const highest = await store.append([
      { documentId: "doc-1", data: Y.encodeStateAsUpdate(here) },
      { documentId: "doc-1", data: Y.encodeStateAsUpdate(there) },
    ]);
    const upTo = highest.get("doc-1") ?? 0;
    const stateOf = (doc: Y.Doc) => ({
      update: Y.encodeStateAsUpdate(doc),
      vector: Y.encodeStateVector(doc),
    });
    const removed = await Promise.all([
      store.compact("doc-1", stateOf(here), upTo),
      store.compact("doc-1", stateOf(there), upTo),
    ]);
    expect(removed.reduce((sum, n) => sum + n, 0)).toBe(2);
    const stored = await store.load("doc-1");
    expect(stored.updates).toEqual([]);
    const doc = await loadDoc(store, "doc-1");
    expect(doc.getText("t").toString()).toContain("ici");
    expect(doc.getText("t").toString()).toContain("là-bas");
    for (const d of [doc, here, there]) d.destroy();
  });

  it("numbers versions one after the other when two instances save at once", async () => {
    const store = createPostgresStore(opened.db);
    const doc = new Y.Doc();
    doc.getText("t").insert(0, "version");
    const version = (id: string) => ({
      id,
      documentId: "doc-1",
      kind: "auto" as const,
      name: null,
      state: Y.encodeStateAsUpdateV2(doc),
      authorId: null,
      createdAt: Date.now(),
      decisionId: null,
    });
    const saved = await Promise.all([
      store.saveVersion(version("v-1")),
      store.saveVersion(version("v-2")),
    ]);
    expect(saved.map((v) => v.number).sort()).toEqual([1, 2]);
    doc.destroy();
  });
});
