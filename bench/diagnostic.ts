/**
 * `tsx bench/diagnostic.ts [--quick]` — a large territorial diagnostic: 500 actors, 300
 * needs, 50 findings with votes (plus trends, sources, meetings, themes).
 *
 *  1. Yjs and the shared code alone: building the doc, encoding and loading its state,
 *     reading every table tolerantly, one field edit and applying it on a replica.
 *  2. The server side: the SQL projection (extract + store) and every export format.
 *  3. In Chromium, against a real server: time until the page shows the actors table,
 *     switching tabs, a local field edit, and a remote edit until it is on screen.
 *
 * Prints tables; never fails on timing. bench/run.ts runs it after its own suites.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import * as Y from "yjs";
import { openDatabase } from "../server/db/database";
import { migrateToLatest } from "../server/db/migrate";
import type { DocumentRow } from "../server/db/schema";
import { toCsv } from "../server/domain/exports/csv";
import { toDocx } from "../server/domain/exports/docx";
import { toHtml } from "../server/domain/exports/html";
import { toMarkdown } from "../server/domain/exports/markdown";
import { exportModel } from "../server/domain/exports/model";
import { toOdt } from "../server/domain/exports/odt";
import { diagnosticProjector } from "../server/projections/diagnostic";
import { completeness } from "../shared/diagnostic/completeness";
import { readDiagnostic } from "../shared/diagnostic/reading";
import { addRow, findRowMap, setVote, writeField } from "../shared/diagnostic/writing";
import { launchBrowser } from "../tests/helpers/chromium";
import setup from "../tests/helpers/global-setup";
import { setUpPole, startTestServer } from "../tests/helpers/server";
import { closeDocument, connect, type OpenDocument } from "../tests/helpers/sync-client";
import { fmt, summarize, table } from "./lib/stats";

const quick = process.argv.includes("--quick");
const SIZES = {
  actors: 500,
  needs: 300,
  findings: 50,
  trends: 60,
  sources: 40,
  meetings: 40,
  themes: 8,
};
const REPEATS = quick ? 5 : 20;
const EDITS = quick ? 200 : 1000;

let seed = 7;
const random = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};
const pick = <T>(list: readonly T[]) => list[random(list.length)];

const LOREM =
  "Insertion par l'activité économique, réemploi des matériaux, mobilité solidaire en zone rurale, circuits courts alimentaires";

/**
 * Fills a diagnostic the size of a well-advanced pôle's, `batch` rows per transaction (the
 * server refuses a single update that costs too much to apply: a client sends it in parts).
 */
function fillDiagnostic(doc: Y.Doc, batch = Number.POSITIVE_INFINITY) {
  const ops: Array<() => void> = [];
  const themes: string[] = [];
  const actors: string[] = [];
  const sources: string[] = [];
  const meetings: string[] = [];
  const needs: string[] = [];
  for (let i = 0; i < SIZES.themes; i++) {
    ops.push(() =>
      themes.push(addRow(doc, "themes", { title: `Thématique ${i + 1}`, description: LOREM })),
    );
  }
  for (let i = 0; i < SIZES.actors; i++) {
    ops.push(() =>
      actors.push(
        addRow(doc, "actors", {
          name: `Structure ${i + 1}`,
          type: pick(["association", "scic", "scop", "company", "local_authority"]),
          sector: pick(["Réemploi", "Mobilité", "Alimentation", "Énergie", "Emploi"]),
          competencies: LOREM.slice(0, 40 + random(60)),
          problems: LOREM.slice(0, 30 + random(80)),
          vision: LOREM.slice(0, 20 + random(90)),
          contact: pick(["spotted", "met", "member"]),
        }),
      ),
    );
  }
  for (let i = 0; i < SIZES.sources; i++) {
    ops.push(() =>
      sources.push(
        addRow(doc, "sources", {
          title: `Étude ${i + 1}`,
          author: "Communauté de communes",
          year: 2015 + random(10),
          kind: pick(["authority_diagnostic", "study", "interview", "collective_meeting"]),
          link: `https://example.org/etude-${i + 1}`,
        }),
      ),
    );
  }
  for (let i = 0; i < SIZES.meetings; i++) {
    ops.push(() =>
      meetings.push(
        addRow(doc, "meetings", {
          title: `Rencontre ${i + 1}`,
          date: `2026-0${1 + random(9)}-1${random(10)}`,
          kind: pick(["individual", "collective"]),
          actorIds: [pick(actors), pick(actors)],
          notes: LOREM,
        }),
      ),
    );
  }
  for (let i = 0; i < SIZES.needs; i++) {
    ops.push(() =>
      needs.push(
        addRow(doc, "needs", {
          title: `Besoin ${i + 1}`,
          description: LOREM,
          actorIds: [pick(actors), pick(actors), pick(actors)],
          themeId: pick(themes),
          priority: pick(["high", "medium", "low"]),
          status: pick(["to_explore", "shared", "retained", "dismissed"]),
          meetingId: pick(meetings),
        }),
      ),
    );
  }
  for (let i = 0; i < SIZES.findings; i++) {
    ops.push(() => {
      const id = addRow(doc, "findings", {
        title: `Constat ${i + 1} : ${LOREM.slice(0, 60)}`,
        needIds: [pick(needs), pick(needs)],
        sourceIds: [pick(sources)],
      });
      for (let v = 0; v < 8; v++) {
        setVote(doc, id, `user-${v}`, {
          vote: pick(["agree", "agree", "reserved", "disagree"]),
          comment: v % 3 === 0 ? "Vu en comité" : "",
          name: `Membre ${v}`,
        });
      }
    });
  }
  for (let i = 0; i < SIZES.trends; i++) {
    ops.push(() =>
      addRow(doc, "trends", {
        title: `Indicateur ${i % 15}`,
        value: 100 + random(50),
        unit: "%",
        year: 2018 + Math.floor(i / 15),
        scale: "epci",
      }),
    );
  }
  for (let start = 0; start < ops.length; start += batch) {
    doc.transact(() => {
      for (const op of ops.slice(start, start + batch)) op();
    });
  }
}

const time = (run: () => void, repeats = REPEATS) => {
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return summarize(samples);
};

const timeAsync = async (run: () => Promise<unknown>, repeats = REPEATS) => {
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return summarize(samples);
};

type Summary = ReturnType<typeof summarize>;
const row = (name: string, s: Summary): string[] => [
  name,
  fmt(s.p50, 2),
  fmt(s.p95, 2),
  fmt(s.max, 2),
];

async function benchShared() {
  const build = time(
    () => {
      const doc = new Y.Doc();
      fillDiagnostic(doc);
      doc.destroy();
    },
    quick ? 2 : 5,
  );
  const doc = new Y.Doc();
  fillDiagnostic(doc);
  const state = Y.encodeStateAsUpdate(doc);
  const encode = time(() => Y.encodeStateAsUpdate(doc));
  const load = time(() => {
    const replica = new Y.Doc();
    Y.applyUpdate(replica, state);
    replica.destroy();
  });
  const read = time(() => completeness(readDiagnostic(doc)));

  const replica = new Y.Doc();
  Y.applyUpdate(replica, state);
  const actorIds = readDiagnostic(doc).actors.rows.map((actor) => actor.id);
  const editMs: number[] = [];
  const applyMs: number[] = [];
  let bytes = 0;
  let pending: Uint8Array | null = null;
  doc.on("update", (update: Uint8Array) => {
    pending = update;
  });
  for (let i = 0; i < EDITS; i++) {
    const started = performance.now();
    writeField(
      doc,
      "actors",
      pick(actorIds),
      pick(["sector", "vision", "competencies"]),
      `Édition ${i}`,
    );
    editMs.push(performance.now() - started);
    if (pending) {
      const update: Uint8Array = pending;
      bytes += update.byteLength;
      const applied = performance.now();
      Y.applyUpdate(replica, update);
      applyMs.push(performance.now() - applied);
      pending = null;
    }
  }
  const converged =
    JSON.stringify(readDiagnostic(doc).actors.rows) ===
    JSON.stringify(readDiagnostic(replica).actors.rows);

  console.log(
    `\n-- Yjs + shared/diagnostic.ts: ${SIZES.actors} actors, ${SIZES.needs} needs, ${SIZES.findings} findings (8 votes each), ${SIZES.trends} trends, ${SIZES.sources} sources, ${SIZES.meetings} meetings --`,
  );
  console.log(
    table(
      ["operation", "p50 ms", "p95 ms", "max ms"],
      [
        row("build the whole doc (one transaction)", build),
        row("encode its state", encode),
        row("load the state into a new doc", load),
        row("read every table + completeness", read),
        row("one field edit (find row + validate + set)", summarize(editMs)),
        row("apply that edit on a replica", summarize(applyMs)),
      ],
    ),
  );
  console.log(
    `state: ${fmt(state.byteLength / 1024, 0)} KiB; update per field edit: ${fmt(bytes / EDITS, 0)} bytes on average; replicas converged: ${converged ? "yes" : "NO"}`,
  );
  replica.destroy();
  return { doc, state };
}

async function benchServer(doc: Y.Doc) {
  const dataDir = mkdtempSync(join(tmpdir(), "maillage-bench-diagnostic-"));
  const { db } = openDatabase(dataDir);
  try {
    await migrateToLatest(db);
    const now = Date.now();
    await db
      .insertInto("poles")
      .values({ id: "p", slug: "p", name: "Pôle du banc", created_at: now })
      .execute();
    const document: DocumentRow = {
      id: "d",
      pole_id: "p",
      kind: "diagnostic",
      title: "Diagnostic de territoire",
      circle_id: null,
      created_by: null,
      created_at: now,
      updated_at: now,
      archived_at: null,
    };
    await db.insertInto("documents").values(document).execute();
    const extract = time(() => diagnosticProjector.extract(doc));
    const firstStarted = performance.now();
    await diagnosticProjector.store(db, document, diagnosticProjector.extract(doc));
    const first = performance.now() - firstStarted;
    const actorIds = readDiagnostic(doc).actors.rows.map((actor) => actor.id);
    let edit = 0;
    const afterEdit = await timeAsync(async () => {
      writeField(doc, "actors", pick(actorIds), "sector", `Secteur ${edit++}`);
      await diagnosticProjector.store(db, document, diagnosticProjector.extract(doc));
    });
    const lookups = { circles: new Map<string, string>(), structures: new Map<string, string>() };
    const model = () => exportModel(document, "Pôle du banc", doc, lookups);
    const blocks = model().blocks;
    const repeats = quick ? 3 : 8;
    const rows = [
      row("projection: extract (read + completeness)", extract),
      [`projection: first store of every row`, fmt(first, 2), "", ""],
      row("projection: edit one field, extract + store", afterEdit),
      row("export model (body + tables)", time(model, repeats)),
      row(
        "export Markdown",
        time(() => toMarkdown(blocks), repeats),
      ),
      row(
        "export HTML",
        time(() => toHtml("Diagnostic", blocks), repeats),
      ),
      row(
        "export ODT (zip)",
        time(() => toOdt("Diagnostic", blocks), repeats),
      ),
      row("export DOCX", await timeAsync(() => toDocx("Diagnostic", blocks), repeats)),
      row(
        "export CSV of the actors",
        time(() => toCsv(readDiagnostic(doc), "actors", lookups), repeats),
      ),
    ];
    console.log("\n-- Server side: projection and exports --");
    console.log(table(["operation", "p50 ms", "p95 ms", "max ms"], rows));
  } finally {
    await db.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Milliseconds, measured inside the page, until `selector` matches and shows `text`.
 * A string script: tsx would wrap a named closure in a helper the page does not have.
 */
async function pageWait(page: Page, selector: string, text: string): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const selector = ${JSON.stringify(selector)};
    const text = ${JSON.stringify(text)};
    const started = performance.now();
    const check = () => {
      const element = document.querySelector(selector);
      const value = element && "value" in element ? element.value : element?.textContent;
      if (element && value?.includes(text)) resolve(performance.now() - started);
      else if (performance.now() - started > 20000) reject(new Error("timed out: " + selector));
      else requestAnimationFrame(check);
    };
    check();
  })`);
}

async function benchBrowser() {
  await setup({ provide() {} } as unknown as Parameters<typeof setup>[0]);
  const server = await startTestServer({ env: { CLIENT_DIST: process.env.CLIENT_DIST ?? "" } });
  const browser = await launchBrowser();
  let writer: OpenDocument | undefined;
  try {
    const pole = await setUpPole(server);
    const diagnosticId = pole.documents.diagnostic;
    writer = await connect(server, pole.coordinator, diagnosticId);
    const { doc } = writer;
    fillDiagnostic(doc, 40);
    // Every part stored and relayed: the server's state vector matches ours.
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const [name, value] = pole.coordinator.cookie.split("=");
    const newPage = async () => {
      const context = await browser.newContext({
        baseURL: server.url,
        viewport: { width: 1440, height: 900 },
        locale: "fr-FR",
      });
      await context.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: "Lax" }]);
      return { context, page: await context.newPage() };
    };
    const loads: number[] = [];
    const tabs: number[] = [];
    let opened = await newPage();
    // Cold loads, each in a fresh context: nothing comes from IndexedDB.
    for (let i = 0; i < (quick ? 2 : 4); i++) {
      if (i > 0) {
        await opened.context.close();
        opened = await newPage();
      }
      const { page } = opened;
      const started = Date.now();
      await page.goto(`/d/${diagnosticId}`);
      await page.locator(".diagnostic__tab").first().waitFor();
      await page.locator("#diagnostic-tab-actors").click();
      await page.locator(".reg__table--actors tr[data-row-id]").first().waitFor();
      loads.push(Date.now() - started);
      const tabStarted = Date.now();
      await page.locator("#diagnostic-tab-needs").click();
      await page.locator(".reg__table--needs tr[data-row-id]").first().waitFor();
      tabs.push(Date.now() - tabStarted);
      await page.locator("#diagnostic-tab-actors").click();
      await page.locator(".reg__table--actors tr[data-row-id]").first().waitFor();
    }
    const { context, page } = opened;
    const rendered = await page.locator(".reg__table--actors tr[data-row-id]").count();

    // A remote edit of the first visible row, until it shows in its input.
    const firstId = await page
      .locator(".reg__table--actors tr[data-row-id]")
      .first()
      .getAttribute("data-row-id");
    if (!firstId) throw new Error("no row");
    const remote: number[] = [];
    for (let i = 0; i < (quick ? 5 : 15); i++) {
      const text = `Distant ${i}`;
      const waiting = pageWait(
        page,
        `tr[data-row-id="${firstId}"] textarea[aria-label^="Vision"]`,
        text,
      );
      findRowMap(doc, "actors", firstId)?.set("vision", text);
      remote.push(await waiting);
    }

    // Local typing: one keystroke in a field, until the input shows it (React round trip).
    const field = page.locator(`tr[data-row-id="${firstId}"] input`).first();
    await field.click();
    const typing: number[] = [];
    for (let i = 0; i < (quick ? 10 : 30); i++) {
      typing.push(
        await field.evaluate(
          (input: HTMLInputElement, character) =>
            new Promise<number>((resolve) => {
              const started = performance.now();
              input.dispatchEvent(new KeyboardEvent("keydown", { key: character, bubbles: true }));
              const setter = Object.getOwnPropertyDescriptor(
                HTMLInputElement.prototype,
                "value",
              )?.set;
              setter?.call(input, input.value + character);
              input.dispatchEvent(new Event("input", { bubbles: true }));
              requestAnimationFrame(() => resolve(performance.now() - started));
            }),
          String.fromCharCode(97 + (i % 26)),
        ),
      );
    }
    await field.blur();

    const load = summarize(loads);
    const tab = summarize(tabs);
    console.log(
      `\n-- Chromium: the same diagnostic through a real server (${rendered} actor rows in the DOM of ${SIZES.actors}) --`,
    );
    console.log(
      table(
        ["operation", "p50 ms", "p95 ms", "max ms"],
        [
          row("open the page until the actors table shows", load),
          row("switch to the needs tab until rows show", tab),
          row("remote field edit until on screen (in page)", summarize(remote)),
          row("a keystroke in a field until next frame", summarize(typing)),
        ],
      ),
    );
    await context.close();
  } finally {
    if (writer) closeDocument(writer);
    await browser.close();
    await server.close();
  }
}

const { doc } = await benchShared();
await benchServer(doc);
doc.destroy();
try {
  await benchBrowser();
} catch (error) {
  console.log(`Chromium part skipped: ${error instanceof Error ? error.message : String(error)}`);
}
