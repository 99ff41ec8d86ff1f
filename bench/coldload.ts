/**
 * Cold load: from a first connection to a synced client, for a page holding N stored
 * per-keystroke updates, as a raw log (never compacted) and after the server compacted
 * it; against the physical floor, Y.applyUpdate of the page's own compacted state.
 */
import SQLite from "better-sqlite3";
import * as Y from "yjs";
import { databaseFile } from "../server/db/database";
import { startServer } from "./lib/servers";
import { copyTemplate, memberHeaders, type Template } from "./lib/setup";
import { fmt, median } from "./lib/stats";
import type { SuiteContext } from "./lib/suite";
import { type Typed, typeKeystrokes } from "./lib/typing";
import { WireClient } from "./lib/wire";

interface Stored {
  rows: number;
  bytes: number;
}

function storedSize(dir: string, page: string): Stored {
  const db = new SQLite(databaseFile(dir), { readonly: true });
  try {
    const log = db
      .prepare(
        "SELECT count(*) AS rows, coalesce(sum(length(data)), 0) AS bytes FROM document_updates WHERE document_id = ?",
      )
      .get(page) as { rows: number; bytes: number };
    const state = db
      .prepare(
        "SELECT coalesce(sum(length(state)), 0) AS bytes FROM document_states WHERE document_id = ?",
      )
      .get(page) as { bytes: number };
    return { rows: log.rows, bytes: log.bytes + state.bytes };
  } finally {
    db.close();
  }
}

/** Appends the keystrokes to the page's log, as a server that never compacted would have. */
function writeRawLog(dir: string, page: string, typed: Typed): void {
  const db = new SQLite(databaseFile(dir));
  try {
    const insert = db.prepare("INSERT INTO document_updates (document_id, data) VALUES (?, ?)");
    db.transaction(() => {
      for (const update of typed.updates) insert.run(page, update);
    })();
  } finally {
    db.close();
  }
}

/** Opens `page` with a fresh client: milliseconds until it is synced, and its paragraphs. */
async function open(url: string, template: Template, page: string) {
  let resolveSynced: () => void = () => {};
  const synced = new Promise<void>((resolve) => (resolveSynced = resolve));
  const client = new WireClient(
    {
      url: `${url.replace(/^http/, "ws")}/sync/${page}`,
      docName: page,
      flavour: "yws",
      headers: memberHeaders(template, url, 0),
      full: true,
    },
    { onSynced: () => resolveSynced() },
  );
  const started = performance.now();
  await client.connect();
  await synced;
  const elapsed = performance.now() - started;
  const paragraphs = client.doc?.getXmlFragment("body").length ?? 0;
  client.close();
  return { elapsed, paragraphs };
}

/**
 * Milliseconds from opening the socket to a synced client holding the whole page, in a
 * server already warmed up by loading another page (a process that just started runs
 * its code cold, which is not what a document's cold load is about).
 */
async function coldLoad(dir: string, template: Template, page: string, expected: number) {
  const server = await startServer("maillage", { env: { DATA_DIR: dir } });
  try {
    await open(server.url, template, template.pages[1]);
    await open(server.url, template, template.pages[1]);
    const { elapsed, paragraphs } = await open(server.url, template, page);
    if (paragraphs < expected)
      throw new Error(`cold load got ${paragraphs} paragraphs, not ${expected}`);
    return elapsed;
  } finally {
    await server.stop();
  }
}

/** Median of warm runs: the first applies of a process also pay for compiling Yjs. */
function floorOf(compacted: Uint8Array): number {
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const doc = new Y.Doc();
    const started = performance.now();
    Y.applyUpdate(doc, compacted);
    if (i >= 3) times.push(performance.now() - started);
    doc.destroy();
  }
  return median(times);
}

export async function runColdLoad(context: SuiteContext): Promise<void> {
  const { quick, repeats, template, section, emit, summary } = context;
  section("Cold load: first connection to synced client (Maillage)");
  const sizes = quick ? [1000, 10_000] : [1000, 10_000, 100_000];
  const rows: string[][] = [];
  let last = { after: Number.NaN, ratio: Number.NaN, n: 0 };
  // A shared 2-core box drifts by tens of percent within a minute: each load is compared
  // with a floor measured just before it, over more repeats than the other suites.
  const runs = quick ? repeats : Math.max(repeats, 5);
  for (const n of sizes) {
    const typed = typeKeystrokes(n);
    const paragraphs = (() => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, typed.compacted);
      const count = doc.getXmlFragment("body").length;
      doc.destroy();
      return count;
    })();
    const before: number[] = [];
    const after: number[] = [];
    const floors: number[] = [];
    const ratios: number[] = [];
    let sizeBefore: Stored = { rows: 0, bytes: 0 };
    let sizeAfter: Stored = { rows: 0, bytes: 0 };
    const page = template.pages[0];
    for (let r = 0; r < runs; r++) {
      const data = copyTemplate(template);
      try {
        writeRawLog(data.dir, page, typed);
        writeRawLog(data.dir, template.pages[1], typeKeystrokes(2000, 3));
        sizeBefore = storedSize(data.dir, page);
        before.push(await coldLoad(data.dir, template, page, paragraphs));
        // The load compacted the log and the stop stored the state: load it again.
        sizeAfter = storedSize(data.dir, page);
        const floor = floorOf(typed.compacted);
        const load = await coldLoad(data.dir, template, page, paragraphs);
        floors.push(floor);
        after.push(load);
        ratios.push(load / floor);
      } finally {
        data.remove();
      }
    }
    const afterMs = median(after);
    last = { after: afterMs, ratio: median(ratios), n };
    rows.push([
      n.toLocaleString("en"),
      `${sizeBefore.rows} / ${fmt(sizeBefore.bytes / 1024, 0)} KiB`,
      fmt(median(before)),
      `${sizeAfter.rows} / ${fmt(sizeAfter.bytes / 1024, 0)} KiB`,
      fmt(afterMs),
      fmt(median(floors)),
      `${fmt(last.ratio, 2)}×`,
    ]);
  }
  emit(
    [
      "keystrokes",
      "raw log: rows / bytes",
      "load ms",
      "compacted: rows / bytes",
      "load ms",
      "floor ms (applyUpdate)",
      "compacted / floor (median of runs)",
    ],
    rows,
  );
  summary(
    `Cold load of ${last.n.toLocaleString("en")} keystrokes after compaction: ${fmt(last.after)} ms = ` +
      `${fmt(last.ratio, 2)}× the floor measured just before each run (goal ≤ 1.5×)`,
  );
}
