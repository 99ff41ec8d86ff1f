/**
 * Memory per idle connection (issue 16), which sets how many instances a network needs:
 * N light clients connected and synced over up to 400 documents, the server's RSS and
 * heap (after a full GC) against the same server before they came. Same steps for every
 * server; each count on a fresh server.
 */
import { clientFor } from "./fanout";
import { LoadFleet } from "./lib/load";
import type { LoadClient } from "./lib/load-child";
import { type ServerKind, serverLabels } from "./lib/servers";
import { startOnTemplate, type Template } from "./lib/setup";
import { fmt, sleep } from "./lib/stats";
import type { SuiteContext } from "./lib/suite";

interface PerConnection {
  connections: number;
  failed: number;
  rssKb: number;
  heapKb: number;
  /** The heap without compiled code, which a busier process compiles more of, once. */
  dataHeapKb: number;
  externalKb: number;
}

async function idleConnections(
  kind: ServerKind,
  template: Template,
  connections: number,
): Promise<PerConnection> {
  const { server, stop } = await startOnTemplate(kind, template);
  const fleet = new LoadFleet(2);
  try {
    const docs = Math.min(connections / 10, template.pages.length);
    // A first document opened and closed: code paths and pools that exist once.
    await fleet.cycle([{ ...clientFor(kind, server, template, 0, 0), writer: false, full: false }]);
    await sleep(300);
    const before = await server.stats({ gc: true });
    const clients: LoadClient[] = Array.from({ length: connections }, (_, i) => ({
      ...clientFor(kind, server, template, i % docs, i),
      writer: false,
      full: false,
    }));
    const connected = await fleet.connect(clients);
    await sleep(1000);
    const after = await server.stats({ gc: true });
    const per = (bytes: number) => bytes / 1024 / connections;
    return {
      connections,
      failed: connected.failed + connected.unsynced,
      rssKb: per(after.rss - before.rss),
      heapKb: per(after.heapUsed - before.heapUsed),
      dataHeapKb: per(after.heapUsed - after.codeUsed - (before.heapUsed - before.codeUsed)),
      externalKb: per(after.external - before.external),
    };
  } finally {
    await fleet.close();
    await stop();
  }
}

export async function runConnections(context: SuiteContext): Promise<void> {
  const { quick, servers, template, section, emit, summary } = context;
  const counts = quick ? [1000] : [1000, 5000];
  section(`Memory per idle connection: ${counts.join(" and ")} connections, ≤ 400 documents`);
  const rows: string[][] = [];
  const measured = new Map<string, PerConnection>();
  for (const connections of counts) {
    for (const kind of servers) {
      const r = await idleConnections(kind, template, connections);
      measured.set(`${kind}/${connections}`, r);
      rows.push([
        serverLabels[kind],
        String(connections),
        String(r.failed),
        `${fmt(r.rssKb, 1)} KiB`,
        `${fmt(r.heapKb, 1)} KiB`,
        `${fmt(r.dataHeapKb, 1)} KiB`,
        `${fmt(r.externalKb, 1)} KiB`,
      ]);
    }
  }
  emit(
    [
      "server",
      "connections",
      "failed",
      "RSS per conn",
      "heap per conn",
      "heap without code",
      "external per conn",
    ],
    rows,
  );
  for (const connections of counts) {
    const mine = measured.get(`maillage/${connections}`);
    const reference = measured.get(`reference/${connections}`);
    if (mine !== undefined && reference !== undefined) {
      summary(
        `${connections} idle connections (goal ≤ the reference's): Maillage ${fmt(mine.rssKb, 1)} KiB ` +
          `RSS each, the reference ${fmt(reference.rssKb, 1)} KiB; heap ${fmt(mine.heapKb, 1)} against ` +
          `${fmt(reference.heapKb, 1)} KiB, without compiled code ${fmt(mine.dataHeapKb, 1)} against ` +
          `${fmt(reference.dataHeapKb, 1)} KiB`,
      );
    }
  }
}
