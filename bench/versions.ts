/**
 * `tsx bench/versions.ts [--quick]` — versions of a document: what one costs to store
 * and to take, and what comparing two costs, for a rich text typed in 100k keystrokes
 * and a diagnostic of 500 actors.
 *
 *  - bytes per version: the v2-encoded state a version stores (and its v1 size, the live
 *    document's own encoding, for comparison);
 *  - time to take one: encode the live document, hash it, insert it through the storage
 *    module into a real SQLite database (median of several);
 *  - diff between two versions (the history page's work before painting): reading both
 *    states with the editor's schema and computing the changes (rich text), or reading
 *    both registries and matching their rows (diagnostic);
 *  - restore: the forward edit that turns the live document back into the older version.
 *
 * Prints a table; never fails on timing. bench/run.ts runs it after its own suites.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getSchema } from "@tiptap/core";
import * as Y from "yjs";
import { bodyExtensions } from "../client/editor/extensions";
import { diffRecords, recordListsOf } from "../client/features/history/records";
import { bodyOf, textChanges } from "../client/features/history/textChanges";
import { openDatabase } from "../server/db/database";
import { migrateToLatest } from "../server/db/migrate";
import { revertUpdate } from "../server/domain/document-changes";
import { createSqliteStore, type DocumentStore } from "../server/storage";
import { BODY } from "../shared/documents";
import { fmt, markdownTable, median, table } from "./lib/stats";

const quick = process.argv.includes("--quick");
const KEYSTROKES = quick ? 20_000 : 100_000;
const ACTORS = 500;
const SAMPLES = quick ? 3 : 7;

/** A page typed one keystroke at a time: words, a new paragraph every ~400, a typo fixed every ~50. */
function typedPage(keystrokes: number): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  const body = doc.getXmlFragment(BODY);
  let text: Y.XmlText | null = null;
  const words = "la coopération territoriale relie les acteurs du pôle autour de projets communs ";
  for (let i = 0; i < keystrokes; i++) {
    if (!text || i % 400 === 0) {
      const paragraph = new Y.XmlElement("paragraph");
      text = new Y.XmlText();
      paragraph.insert(0, [text]);
      body.insert(body.length, [paragraph]);
    }
    if (i % 50 === 49 && text.length > 0) text.delete(text.length - 1, 1);
    else text.insert(text.length, words[i % words.length]);
  }
  return doc;
}

/** A diagnostic's actors registry: 500 rows of a dozen fields. */
function diagnostic(rows: number): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  const actors = doc.getArray<Y.Map<unknown>>("actors");
  doc.transact(() => {
    for (let i = 0; i < rows; i++) {
      const row = new Y.Map<unknown>();
      row.set("id", `actor-${i}`);
      row.set("name", `Structure ${i} de l'économie sociale et solidaire`);
      row.set("kind", i % 3 === 0 ? "association" : "entreprise");
      row.set("sector", "réemploi");
      row.set("commune", `Commune ${i % 40}`);
      row.set("contact", `contact${i}@example.org`);
      row.set("employees", i % 25);
      row.set("notes", "Rencontré lors du forum de l'emploi ; intéressé par la mutualisation.");
      actors.push([row]);
    }
  });
  return doc;
}

async function timeVersion(store: DocumentStore, documentId: string, doc: Y.Doc) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    const state = Y.encodeStateAsUpdateV2(doc);
    await store.saveVersion({
      id: `${documentId}-${i}`,
      documentId,
      kind: "auto",
      name: null,
      state,
      authorId: null,
      createdAt: Date.now(),
      decisionId: null,
    });
    times.push(performance.now() - started);
    bytes = state.byteLength;
  }
  return { bytes, ms: median(times) };
}

function timeIt(work: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return median(times);
}

const dataDir = mkdtempSync(join(tmpdir(), "maillage-bench-versions-"));
const { db, sqlite } = openDatabase(dataDir);
try {
  await migrateToLatest(db);
  await db
    .insertInto("poles")
    .values({ id: "p", slug: "p", name: "Pôle", created_at: 0 })
    .execute();
  for (const id of ["page", "diagnostic"]) {
    await db
      .insertInto("documents")
      .values({
        id,
        pole_id: "p",
        kind: id === "page" ? "page" : "diagnostic",
        title: id,
        circle_id: null,
        created_by: null,
        created_at: 0,
        updated_at: 0,
      })
      .execute();
  }
  const store = createSqliteStore(db, sqlite);
  const schema = getSchema(bodyExtensions());
  const rows: string[][] = [];

  // Rich text: two versions 2 000 keystrokes apart (a paragraph reworded, another added).
  let built = performance.now();
  const page = typedPage(KEYSTROKES);
  const typedMs = performance.now() - built;
  const older = Y.encodeStateAsUpdateV2(page);
  const paragraph = page.getXmlFragment(BODY).get(3) as Y.XmlElement;
  (paragraph.get(0) as Y.XmlText).delete(0, 120);
  for (let i = 0; i < 2000; i++) {
    const last = page.getXmlFragment(BODY).get(page.getXmlFragment(BODY).length - 1);
    const text = (last as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(text.length, "x");
  }
  const newer = Y.encodeStateAsUpdateV2(page);
  const pageVersion = await timeVersion(store, "page", page);
  const pageDiff = timeIt(() => {
    textChanges(bodyOf(older, schema), bodyOf(newer, schema));
  });
  const pageRestore = timeIt(() => revertUpdate(page, older));
  rows.push([
    `rich text, ${KEYSTROKES / 1000}k keystrokes`,
    fmt(pageVersion.bytes / 1024, 1),
    fmt(Y.encodeStateAsUpdate(page).byteLength / 1024, 1),
    fmt(pageVersion.ms, 1),
    fmt(pageDiff, 1),
    fmt(pageRestore, 1),
  ]);
  console.log(`(typing ${KEYSTROKES} keystrokes into the Y.Doc took ${fmt(typedMs / 1000, 1)} s)`);

  // Diagnostic: two versions 50 edited rows, 10 added and 10 removed apart.
  built = performance.now();
  const registry = diagnostic(ACTORS);
  const before = Y.encodeStateAsUpdateV2(registry);
  const actors = registry.getArray<Y.Map<unknown>>("actors");
  for (let i = 0; i < 50; i++) actors.get(i * 9).set("notes", `Relancé le ${i} mars.`);
  actors.delete(100, 10);
  for (let i = 0; i < 10; i++) {
    const row = new Y.Map<unknown>();
    row.set("id", `new-${i}`);
    row.set("name", `Nouvelle structure ${i}`);
    actors.push([row]);
  }
  const after = Y.encodeStateAsUpdateV2(registry);
  const registryVersion = await timeVersion(store, "diagnostic", registry);
  const registryDiff = timeIt(() => {
    diffRecords(recordListsOf(before), recordListsOf(after));
  });
  const registryRestore = timeIt(() => revertUpdate(registry, before));
  rows.push([
    `diagnostic, ${ACTORS} actors`,
    fmt(registryVersion.bytes / 1024, 1),
    fmt(Y.encodeStateAsUpdate(registry).byteLength / 1024, 1),
    fmt(registryVersion.ms, 1),
    fmt(registryDiff, 1),
    fmt(registryRestore, 1),
  ]);
  console.log(`(building the diagnostic took ${fmt((performance.now() - built) / 1000, 1)} s)`);

  const headers = [
    "document",
    "KiB per version (v2)",
    "KiB live (v1)",
    "ms to take one",
    "ms diff of two",
    "ms restore edit",
  ];
  console.log(table(headers, rows));
  console.log(`\n${markdownTable(headers, rows)}`);
} finally {
  await db.destroy();
  rmSync(dataDir, { recursive: true, force: true });
}
