/**
 * Memory: documents opened and closed with a client each (what stays once they are
 * unloaded, and how soon they are), heap per small loaded document with one connection,
 * RSS per idle connection. Same steps for the three servers.
 */

import { client } from "../tests/helpers/server";
import { clientFor } from "./fanout";
import { LoadFleet } from "./lib/load";
import type { LoadClient } from "./lib/load-child";
import { type RunningServer, type ServerKind, serverLabels } from "./lib/servers";
import { startOnTemplate, type Template } from "./lib/setup";
import { fmt, sleep } from "./lib/stats";
import type { SuiteContext } from "./lib/suite";

interface MemoryResult {
  cycles: number;
  /** Seconds from the last close until no document is loaded (NaN: never). */
  unloadSeconds: number;
  retainedPerDocKb: number;
  rssGrowthMb: number;
  heapPerLoadedDocKb: number;
  rssPerConnectionKb: number;
}

/** Adds pages to a copy of the template through the API, for cycles over distinct documents. */
async function morePages(url: string, template: Template, total: number): Promise<string[]> {
  const pages = [...template.pages];
  const api = client(url, template.coordinatorCookie);
  let next = pages.length;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < total) {
        const i = next++;
        const response = await api(`/api/poles/${template.poleId}/documents`, {
          body: { kind: "page", title: `Page ${i}`, circleId: template.coreCircleId },
        });
        if (response.status !== 201) throw new Error(`page: ${response.status}`);
        pages[i] = ((await response.json()) as { id: string }).id;
      }
    }),
  );
  return pages;
}

/** `perDoc` light clients on each of `docs` documents, from document number `first`. */
const clientsOf = (
  kind: ServerKind,
  server: RunningServer,
  template: Template,
  docs: number,
  perDoc: number,
  first = 0,
): LoadClient[] =>
  Array.from({ length: docs * perDoc }, (_, i) => ({
    ...clientFor(kind, server, template, first + (i % docs), i),
    writer: false,
    full: false,
  }));

const WARM_UP = 50;

async function settledHeap(server: RunningServer) {
  await sleep(200);
  return server.stats({ gc: true });
}

async function measure(
  kind: ServerKind,
  template: Template,
  cycles: number,
  held: number,
): Promise<MemoryResult> {
  const { server, stop } = await startOnTemplate(kind, template);
  try {
    // Cycled documents first, then as many never opened, to hold, then warm-up ones.
    const total = cycles + held + WARM_UP;
    const pages =
      kind === "maillage"
        ? await morePages(server.url, template, total)
        : Array.from({ length: total }, (_, i) => `bench-doc-${i}`);
    const docsTemplate = { ...template, pages };
    const fleet = new LoadFleet(2);
    try {
      // Code paths and pools that exist once, not per document.
      await fleet.cycle(clientsOf(kind, server, docsTemplate, WARM_UP, 1, cycles + held));
      // A server that has not unloaded these within the goal's 15 s never will (the
      // reference keeps every document): no point waiting for it again.
      const unloads = await waitUnloaded(server, 15_000);
      const base = await settledHeap(server);
      await fleet.cycle(clientsOf(kind, server, docsTemplate, cycles, 1));
      const closedAt = Date.now();
      const unloaded = unloads && (await waitUnloaded(server, 30_000));
      const unloadSeconds = unloaded ? (Date.now() - closedAt) / 1000 : Number.NaN;
      const after = await settledHeap(server);

      const hold = new LoadFleet(2);
      let loaded: Awaited<ReturnType<typeof settledHeap>>;
      try {
        await hold.connect(clientsOf(kind, server, docsTemplate, held, 1, cycles));
        loaded = await settledHeap(server);
      } finally {
        await hold.close();
      }
      if (unloads) await waitUnloaded(server, 30_000);
      const idle = await settledHeap(server);
      const many = new LoadFleet(2);
      let connected: Awaited<ReturnType<typeof settledHeap>>;
      try {
        await many.connect(clientsOf(kind, server, docsTemplate, held / 10, 10));
        connected = await settledHeap(server);
      } finally {
        await many.close();
      }
      return {
        cycles,
        unloadSeconds,
        retainedPerDocKb: (after.heapUsed - base.heapUsed) / 1024 / cycles,
        rssGrowthMb: (after.rss - base.rss) / (1024 * 1024),
        heapPerLoadedDocKb: (loaded.heapUsed - after.heapUsed) / 1024 / held,
        rssPerConnectionKb: (connected.rss - idle.rss) / 1024 / held,
      };
    } finally {
      await fleet.close();
    }
  } finally {
    await stop();
  }
}

/** Polls until the server holds no document; false after `timeoutMs`. */
async function waitUnloaded(server: RunningServer, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await server.stats()).documents === 0) return true;
    await sleep(250);
  }
  return false;
}

export async function runMemory(context: SuiteContext): Promise<void> {
  const { quick, servers, template, section, emit, summary } = context;
  const cycles = quick ? 100 : 10_000;
  const held = quick ? 100 : 1000;
  section(
    `Memory: ${cycles.toLocaleString("en")} documents opened and closed; ${held} small ones ` +
      `held with a connection each; ${held} idle connections over ${held / 10} documents`,
  );
  const results = new Map<ServerKind, MemoryResult>();
  for (const kind of servers) results.set(kind, await measure(kind, template, cycles, held));
  emit(
    [
      "server",
      "unloaded after",
      "heap kept per closed doc",
      "RSS growth",
      "heap per loaded doc (1 conn)",
      "RSS per idle connection",
    ],
    servers.map((kind) => {
      const r = results.get(kind) as MemoryResult;
      return [
        serverLabels[kind],
        Number.isFinite(r.unloadSeconds) ? `${fmt(r.unloadSeconds, 1)} s` : "never",
        `${fmt(r.retainedPerDocKb, 2)} KiB`,
        `${fmt(r.rssGrowthMb, 1)} MiB`,
        `${fmt(r.heapPerLoadedDocKb, 1)} KiB`,
        `${fmt(r.rssPerConnectionKb, 1)} KiB`,
      ];
    }),
  );
  const m = results.get("maillage");
  if (m) {
    summary(
      `Memory: Maillage unloads within ${fmt(m.unloadSeconds, 1)} s (goal ≤ 15 s), keeps ` +
        `${fmt(m.retainedPerDocKb, 2)} KiB per closed document after ${cycles.toLocaleString("en")} ` +
        `cycles (goal < 1), ${fmt(m.heapPerLoadedDocKb, 1)} KiB per loaded document (goal ≤ 12)`,
    );
  }
}
