/**
 * Soak with chaos: clients that go offline, come back and keep writing all along, and
 * two server restarts (one graceful, one SIGKILL). At the end every page is identical on
 * every client and in the database, holds every write, and the server's memory has not
 * grown past its plateau.
 */
import type { WireClient } from "../../bench/lib/wire";
import {
  browser,
  freePort,
  markersIn,
  prepareInstance,
  rssOf,
  sleep,
  startChild,
  storedBody,
  waitFor,
} from "./lib";

export interface SoakOptions {
  clients: number;
  docs: number;
  durationMs: number;
  /** Updates per second per client. */
  rate: number;
  log?: (line: string) => void;
}

export interface SoakResult {
  writes: number;
  /** Pages whose clients or database differ, or miss a write. */
  diverged: string[];
  disconnects: number;
  restarts: number;
  /** RSS of the last server instance: its plateau (first half) and at the end, bytes. */
  rssPlateau: number;
  rssEnd: number;
}

export async function soak(options: SoakOptions): Promise<SoakResult> {
  const instance = await prepareInstance(Math.min(10, options.clients), options.docs);
  const port = String(await freePort());
  const env = { PORT: port, DOC_UNLOAD_DELAY_SECONDS: "2" };
  let server = await startChild(instance.dataDir, env);
  const written = instance.pages.map(() => new Set<string>());
  const clients: WireClient[] = [];
  const offlineUntil: number[] = [];
  let disconnects = 0;
  let restarts = 0;
  let writes = 0;
  let running = true;
  const rss: Array<{ at: number; rss: number }> = [];
  let serverStarted = Date.now();
  try {
    for (let i = 0; i < options.clients; i++) {
      clients.push(
        browser(
          server,
          // Spread over the pages: one person's connections to one page are capped.
          instance.members[Math.floor(i / options.docs) % instance.members.length],
          instance.pages[i % options.docs],
        ),
      );
      offlineUntil.push(0);
    }
    await Promise.all(clients.map((c) => c.connect()));
    await waitFor(() => clients.every((c) => c.synced), "every client to sync");

    const writers = clients.map((client, i) =>
      setInterval(() => {
        if (!running) return;
        const marker = `~${i}.${writes++}~`;
        client.type(marker); // offline or not: a client keeps its edits and sends them later
        written[i % options.docs].add(marker);
      }, 1000 / options.rate),
    );
    const chaos = (async () => {
      while (running) {
        await sleep(100);
        const now = Date.now();
        for (let i = 0; i < clients.length; i++) {
          const client = clients[i];
          if (!client.closed && Math.random() < 0.01) {
            client.disconnect();
            disconnects++;
            offlineUntil[i] = now + 300 + Math.random() * 2500;
          } else if (client.closed && now >= offlineUntil[i]) {
            offlineUntil[i] = now + 500; // back-off before the next try
            client.connect().catch(() => {});
          }
        }
      }
    })();
    const sampler = (async () => {
      while (running) {
        await sleep(500);
        if (Date.now() - serverStarted > 2000)
          rss.push({ at: Date.now(), rss: await rssOf(server.child.pid ?? 0) });
      }
    })();

    for (const how of ["SIGTERM", "SIGKILL"] as const) {
      await sleep(options.durationMs / 3);
      server.child.kill(how);
      await server.exited;
      restarts++;
      options.log?.(
        `restart ${restarts} (${how}) after ${writes} writes, ${disconnects} disconnects`,
      );
      server = await startChild(instance.dataDir, env);
      serverStarted = Date.now();
      rss.length = 0;
    }
    await sleep(options.durationMs / 3);
    running = false;
    for (const writer of writers) clearInterval(writer);
    await chaos;
    await sampler;

    // Everyone back online; wait until every page converged on every client.
    for (const client of clients) if (client.closed) await client.connect().catch(() => {});
    await waitFor(
      () => clients.every((c) => c.synced && !c.closed),
      "every client to be back",
      60_000,
    );
    const converged = () =>
      instance.pages.every((_, doc) => {
        const texts = clients.filter((_, i) => i % options.docs === doc).map((c) => c.text());
        const markers = new Set(markersIn(texts[0]));
        return texts.every((t) => t === texts[0]) && [...written[doc]].every((m) => markers.has(m));
      });
    await waitFor(converged, "every page to converge", 60_000).catch(() => {});
    const rssEnd = await rssOf(server.child.pid ?? 0);
    const firstHalf = rss.slice(0, Math.max(1, Math.floor(rss.length / 2)));
    const rssPlateau = Math.max(0, ...firstHalf.map((s) => s.rss));

    server.child.kill("SIGTERM");
    await server.exited;
    const diverged: string[] = [];
    instance.pages.forEach((page, doc) => {
      const texts = clients.filter((_, i) => i % options.docs === doc).map((c) => c.text());
      const stored = storedBody(instance.dataDir, page).text;
      const markers = new Set(markersIn(stored));
      const complete = [...written[doc]].every((m) => markers.has(m));
      if (!complete || texts.some((t) => t !== stored)) diverged.push(page);
    });
    return { writes, diverged, disconnects, restarts, rssPlateau, rssEnd };
  } finally {
    running = false;
    for (const client of clients) client.close();
    if (server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill("SIGKILL");
      await server.exited;
    }
    instance.remove();
  }
}
