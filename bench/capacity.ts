/**
 * One instance's capacity (issue 16): the connections it holds at 100 % delivery with
 * p99 < 100 ms (10 clients per document: 1 full writer, 9 light receivers, R=2), and how
 * fast its clients resync after a restart, each document loaded once.
 */
import { freePort } from "../tests/torture/lib";
import { clientFor, type FanoutWorkload, membersFor, runFanout } from "./fanout";
import { descriptorShortage, loadProcessesFor } from "./lib/descriptors";
import { LoadFleet } from "./lib/load";
import type { LoadClient } from "./lib/load-child";
import { startServer } from "./lib/servers";
import { copyTemplate, type Template } from "./lib/setup";
import { fmt, mb, summarize } from "./lib/stats";
import type { SuiteContext } from "./lib/suite";

/** Goals of issue 16 for one instance. */
const goals = { connections: 10_000, p99Ms: 100, stormClients: 5_000, stormSeconds: 5 };

/** Clients come back with jittered back-off up to 2 s, as y-websocket does. */
export const reconnectJitterMs = 2000;

/** When clients synced again: "p50 / p99" in seconds after the reconnect began. */
export function syncSpread(syncedAfterMs: number[]): string {
  const { p50, p99 } = summarize(syncedAfterMs);
  return `${fmt(p50 / 1000, 1)} / ${fmt(p99 / 1000, 1)} s`;
}

export async function runScaleSuite(context: SuiteContext) {
  const { quick, sizes } = context;
  const chosen = sizes.connections !== undefined || sizes.storm !== undefined;
  const steps = sizes.connections
    ? [sizes.connections]
    : chosen
      ? []
      : quick
        ? [1000]
        : [2500, 5000, goals.connections];
  const storm = sizes.storm ?? (chosen ? 0 : quick ? 200 : goals.stormClients);
  if (steps.length > 0) await holdConnections(context, steps);
  if (storm > 0) await stormAfterRestart(context, storm);
}

async function holdConnections(context: SuiteContext, steps: number[]) {
  const { quick, template, profileDir, section, emit, summary } = context;
  section("Scale: Maillage, 10 clients per document (1 writer + 9 light receivers), R=2");
  const shortage = descriptorShortage(Math.max(...steps));
  if (shortage) summary(`Scale: ${shortage}`);
  const rows: string[][] = [];
  let best = 0;
  for (const clients of steps) {
    const workload: FanoutWorkload = {
      name: `C=${clients}`,
      clients,
      docs: Math.ceil(clients / 10),
      rate: 2,
      seconds: quick ? 3 : 10,
      awarenessRate: 0,
      lightReceivers: true,
    };
    const r = await runFanout("maillage", workload, {
      template,
      loadProcesses: loadProcessesFor(clients),
      profileDir,
    });
    rows.push([
      String(clients),
      fmt(r.p50),
      fmt(r.p99),
      fmt(r.max),
      `${fmt(r.deliveredPct, 2)}%`,
      String(r.errors),
      fmt(r.cpuPer10k, 3),
      mb(r.rssConnected),
      mb(r.rssPeak),
    ]);
    const ok = r.deliveredPct >= 100 && r.p99 < goals.p99Ms && r.errors === 0;
    if (!ok) break;
    best = clients;
  }
  emit(
    [
      "connections",
      "p50 ms",
      "p99 ms",
      "max ms",
      "delivered",
      "errors",
      "CPU s/10k",
      "RSS conn MiB",
      "RSS peak MiB",
    ],
    rows,
  );
  summary(
    `Scale: largest C tried (${steps.join(", ")}) with 100% delivery and p99 < ${goals.p99Ms} ms = ` +
      `${best > 0 ? `${best} connections` : "none"} (goal ≥ ${goals.connections.toLocaleString("en")})`,
  );
}

async function stormAfterRestart(context: SuiteContext, clients: number) {
  const { template, section, emit, summary } = context;
  section(`Reconnect storm: one Maillage instance restarted under ${clients} clients`);
  const shortage = descriptorShortage(clients);
  if (shortage) summary(`Reconnect storm: ${shortage}`);
  const storm = await reconnectStorm(template, clients, context.profileDir);
  emit(
    [
      "reconnect storm",
      "clients",
      "documents",
      "restart",
      "resynced in",
      "synced p50 / p99",
      "unsynced",
      "retries",
      "loads",
    ],
    [
      [
        "Maillage restarted",
        String(storm.clients),
        String(storm.documents),
        `${fmt(storm.restartSeconds, 1)} s`,
        `${fmt(storm.seconds, 1)} s`,
        storm.spread,
        String(storm.unsynced),
        String(storm.retries),
        String(storm.loads),
      ],
    ],
  );
  summary(
    `Reconnect storm: ${storm.clients} clients resynced in ${fmt(storm.seconds, 1)} s after the ` +
      `restarted instance listened (goal: ${goals.stormClients.toLocaleString("en")} within ` +
      `${goals.stormSeconds} s), ${storm.unsynced} unsynced, ${storm.loads} loads for ` +
      `${storm.documents} documents (goal: each loaded once)`,
  );
}

/**
 * A restart under `clients` connected clients (10 per document): time from the new
 * process listening until every client is synced again, and how many loads that took.
 */
async function reconnectStorm(template: Template, clients: number, profileDir?: string) {
  const data = copyTemplate(template);
  const port = String(await freePort());
  const docs = Array.from({ length: clients }, (_, i) => i % Math.ceil(clients / 10));
  const members = membersFor(template, docs);
  let server = await startServer("maillage", { env: { DATA_DIR: data.dir, PORT: port } });
  const fleet = new LoadFleet(loadProcessesFor(clients));
  try {
    const specs: LoadClient[] = docs.map((doc, i) => ({
      ...clientFor("maillage", server, template, doc, i, members[i]),
      writer: true,
      full: true,
    }));
    const documents = new Set(specs.map((spec) => spec.docName)).size;
    await fleet.connect(specs);
    const stopped = Date.now();
    await server.stop();
    // Only the restarted server is profiled: the storm is all it serves.
    server = await startServer("maillage", { env: { DATA_DIR: data.dir, PORT: port }, profileDir });
    const started = Date.now();
    const { unsynced, retries, syncedAfterMs } = await fleet.reconnect(reconnectJitterMs);
    const seconds = (Date.now() - started) / 1000;
    const stats = await server.stats();
    return {
      clients,
      documents,
      restartSeconds: (started - stopped) / 1000,
      seconds,
      unsynced,
      retries,
      spread: syncSpread(syncedAfterMs),
      loads: stats.loads,
    };
  } finally {
    await fleet.close();
    await server.stop();
    data.remove();
  }
}
