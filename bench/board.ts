/**
 * `tsx bench/board.ts [--quick]` — a project board of 300 cards in 10 columns.
 *
 *  1. Moves in Yjs alone: one moveCard (fractional index + one Y transaction), the update
 *     it produces, and applying that update on another replica.
 *  2. In Chromium, against a real server: time until the 300 cards are on screen, then
 *     pointer drags between columns — frame intervals while dragging, and the time from
 *     the drop until the card sits in its new column.
 *
 * Prints tables; never fails on timing. bench/run.ts runs it after its own suites.
 */
import { rmSync } from "node:fs";
import * as Y from "yjs";
import {
  addCard,
  addColumn,
  cardsOf,
  groupByColumn,
  moveCard,
  readCards,
  readColumns,
  seedColumns,
} from "../shared/board-doc";
import { launchBrowser } from "../tests/helpers/chromium";
import setup from "../tests/helpers/global-setup";
import { client, setUpPole, startTestServer } from "../tests/helpers/server";
import { closeDocument, connect, type OpenDocument, waitFor } from "../tests/helpers/sync-client";
import { fmt, summarize, table } from "./lib/stats";

const quick = process.argv.includes("--quick");
const CARDS = 300;
const COLUMNS = 10;
const MOVES = quick ? 500 : 2000;
const DRAGS = quick ? 6 : 15;

/** A deterministic sequence, so that runs compare. */
let seed = 42;
const random = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};

function fillBoard(doc: Y.Doc): string[] {
  seedColumns(doc);
  while (readColumns(doc).length < COLUMNS)
    addColumn(doc, `Colonne ${readColumns(doc).length + 1}`);
  const columns = readColumns(doc);
  const ids: string[] = [];
  doc.transact(() => {
    for (let i = 0; i < CARDS; i++) {
      const id = addCard(doc, { title: `Projet ${i + 1}`, columnId: columns[i % COLUMNS].id });
      const card = cardsOf(doc).get(id);
      card?.set("jobsCreated", (i % 7) / 2);
      card?.set("labels", i % 3 === 0 ? ["réemploi"] : []);
      ids.push(id);
    }
  });
  return ids;
}

function benchYjs() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const ids = fillBoard(a);
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const columns = readColumns(a);
  const moveMs: number[] = [];
  const applyMs: number[] = [];
  let bytes = 0;
  let update: Uint8Array | null = null;
  a.on("update", (u: Uint8Array) => {
    update = u;
  });
  for (let i = 0; i < MOVES; i++) {
    const started = performance.now();
    moveCard(a, ids[random(ids.length)], columns[random(COLUMNS)].id, random(35));
    moveMs.push(performance.now() - started);
    if (update) {
      const u: Uint8Array = update;
      bytes += u.byteLength;
      const applied = performance.now();
      Y.applyUpdate(b, u);
      applyMs.push(performance.now() - applied);
      update = null;
    }
  }
  const same =
    JSON.stringify([...groupByColumn(readColumns(a), readCards(a))]) ===
    JSON.stringify([...groupByColumn(readColumns(b), readCards(b))]);
  const readStarted = performance.now();
  for (let i = 0; i < 20; i++) groupByColumn(readColumns(a), readCards(a));
  const fullRead = (performance.now() - readStarted) / 20;
  a.destroy();
  b.destroy();
  const move = summarize(moveMs);
  const apply = summarize(applyMs);
  console.log(`\n-- Yjs: ${CARDS} cards, ${COLUMNS} columns, ${MOVES} random moves --`);
  console.log(
    table(
      ["operation", "p50 ms", "p95 ms", "max ms"],
      [
        ["moveCard (index + transaction)", fmt(move.p50, 3), fmt(move.p95, 3), fmt(move.max, 3)],
        ["apply the move on a replica", fmt(apply.p50, 3), fmt(apply.p95, 3), fmt(apply.max, 3)],
        ["read the whole board (300 cards)", fmt(fullRead, 3), "", ""],
      ],
    ),
  );
  console.log(
    `update per move: ${fmt(bytes / MOVES, 0)} bytes on average; replicas converged: ${same ? "yes" : "NO"}`,
  );
}

/**
 * Frame intervals recorded in the page from startProbe() until probe.running is cleared.
 * Passed as source text: tsx would wrap named functions in a helper the page lacks.
 */
const frameProbe = `
  window.probe = { frames: [], running: false, last: 0 };
  window.startProbe = () => {
    const probe = window.probe;
    probe.frames = [];
    probe.last = 0;
    probe.running = true;
    const tick = (now) => {
      if (!probe.running) return;
      if (probe.last) probe.frames.push(now - probe.last);
      probe.last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
`;

async function benchBrowser() {
  await setup({ provide() {} } as unknown as Parameters<typeof setup>[0]);
  const server = await startTestServer({ env: { CLIENT_DIST: process.env.CLIENT_DIST ?? "" } });
  const browser = await launchBrowser();
  let opened: OpenDocument | undefined;
  try {
    const pole = await setUpPole(server);
    const api = client(server.url, pole.coordinator.cookie);
    const circle = await (
      await api(`/api/poles/${pole.poleId}/circles`, { body: { kind: "thematic", name: "Banc" } })
    ).json();
    const documents: Array<{ id: string; kind: string; circleId: string }> = await (
      await api(`/api/poles/${pole.poleId}/documents`)
    ).json();
    const boardId = documents.find((d) => d.kind === "board" && d.circleId === circle.id)?.id;
    if (!boardId) throw new Error("no board");

    opened = await connect(server, pole.coordinator, boardId);
    const { doc } = opened;
    fillBoard(doc);

    const context = await browser.newContext({
      baseURL: server.url,
      viewport: { width: 1440, height: 900 },
      locale: "fr-FR",
    });
    const [name, value] = pole.coordinator.cookie.split("=");
    await context.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: "Lax" }]);
    const page = await context.newPage();
    const loadStarted = Date.now();
    await page.goto(`/d/${boardId}`);
    await page
      .waitForFunction((n) => document.querySelectorAll(".board-card").length >= n, CARDS, {
        timeout: 20_000,
      })
      .catch(async (error: unknown) => {
        const shown = await page.locator(".board-card").count();
        console.log(`only ${shown} cards at ${page.url()}`);
        await page.screenshot({ path: "/tmp/bench-board-failure.png" });
        throw error;
      });
    const renderMs = Date.now() - loadStarted;
    const domNodes = await page.evaluate(() => document.getElementsByTagName("*").length);
    await page.evaluate(frameProbe);

    const columns = readColumns(doc);
    const frames: number[] = [];
    const settles: number[] = [];
    for (let i = 0; i < DRAGS; i++) {
      // Among the first three columns, which the page shows without scrolling sideways.
      const from = columns[i % 3];
      const to = columns[(i + 1) % 3];
      const card = page.locator(`[data-column="${from.id}"] .board-card`).first();
      const cardId = await card.getAttribute("data-card");
      const handle = card.locator(".board-card__handle");
      await handle.scrollIntoViewIfNeeded();
      const start = await handle.boundingBox();
      const end = await page.locator(`[data-column="${to.id}"] .kanban__title`).boundingBox();
      if (!start || !end || !cardId) throw new Error("nothing to drag");
      await page.evaluate("window.startProbe()");
      await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
      await page.mouse.down();
      const steps = 24;
      for (let s = 1; s <= steps; s++) {
        await page.mouse.move(
          start.x + ((end.x + end.width / 2 - start.x) * s) / steps,
          start.y + ((end.y + end.height + 20 - start.y) * s) / steps,
        );
      }
      const dropped = Date.now();
      await page.mouse.up();
      await page.waitForFunction(
        ([column, id]) =>
          document.querySelector(`[data-column="${column}"] [data-card="${id}"]`) !== null &&
          document.querySelector(".board-card--overlay") === null,
        [to.id, cardId],
      );
      settles.push(Date.now() - dropped);
      const recorded = (await page.evaluate(
        "window.probe.running = false, window.probe.frames",
      )) as number[];
      frames.push(...recorded);
      await waitFor(
        () => cardsOf(doc).get(cardId)?.get("columnId") === to.id,
        "the move to reach the replica",
      );
    }
    const frame = summarize(frames);
    const settle = summarize(settles);
    console.log(`\n-- Chromium (headless, no GPU): ${CARDS} cards, ${COLUMNS} columns --`);
    console.log(
      table(
        ["measure", "p50", "p95", "max"],
        [
          ["first render of the board (ms)", String(renderMs), "", ""],
          [
            `frame interval while dragging (ms, ${frames.length} frames)`,
            fmt(frame.p50),
            fmt(frame.p95),
            fmt(frame.max),
          ],
          [
            `drop → card in its new column (ms, ${DRAGS} drags)`,
            fmt(settle.p50),
            fmt(settle.p95),
            fmt(settle.max),
          ],
        ],
      ),
    );
    console.log(`DOM elements on the page: ${domNodes}; the drags reached the server: yes`);
    await context.close();
  } finally {
    if (opened) closeDocument(opened);
    await browser.close();
    const dataDir = server.dataDir;
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(`Project board benchmark${quick ? " (quick)" : ""}`);
benchYjs();
await benchBrowser();
process.exit(0);
