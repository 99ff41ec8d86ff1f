/**
 * Fan-out: C clients over D documents, each typing R times a second for T seconds; the
 * latency from writer to every other client, deliveries, server CPU per 10,000 deliveries,
 * server memory, and convergence. Same workload for the three servers.
 */

import { LoadFleet } from "./lib/load";
import type { LoadClient } from "./lib/load-child";
import {
  persistedPeers,
  protocolOf,
  type RunningServer,
  type ServerKind,
  serverLabels,
  startServer,
} from "./lib/servers";
import { copyTemplate, memberHeaders, type Template } from "./lib/setup";
import { fmt, mb, medianOf, ratio, sleep, summarize } from "./lib/stats";
import type { SuiteContext } from "./lib/suite";

export interface FanoutWorkload {
  name: string;
  clients: number;
  docs: number;
  /** Updates per second per writer. */
  rate: number;
  seconds: number;
  awarenessRate: number;
  /** Scale mode: one full writer per document, every other client a light receiver. */
  lightReceivers?: boolean;
  /**
   * The same load for this long before measuring, uncounted: each instance's code is then
   * optimised as a long-running server's is, and what is measured is the steady state.
   */
  warmupSeconds?: number;
}

export interface FanoutResult {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  delivered: number;
  expected: number;
  /** delivered / expected, in %. */
  deliveredPct: number;
  errors: number;
  cpu: number;
  cpuPer10k: number;
  /** Read and write system calls per 10,000 deliveries, summed over the instances (Linux). */
  syscallsPer10k: number;
  contextSwitchesPer10k: number;
  rssIdle: number;
  rssConnected: number;
  rssPeak: number;
  /** 1 when every document is identical on every full client and holds every write. */
  converged: number;
  awareness: number;
  /** Several instances: latencies of deliveries within one instance and across (NaN otherwise). */
  sameP50: number;
  sameP99: number;
  crossP50: number;
  crossP99: number;
}

export interface FanoutOptions {
  template: Template;
  loadProcesses: number;
  profileDir?: string;
  /** Extra node flags for the server under test. */
  nodeFlags?: string[];
  /**
   * Several instances (Maillage on PostgreSQL + Redis: bench/scale.ts): their environment,
   * and the instance each client connects to. Without it, one server on a copy of the
   * template's SQLite data.
   */
  cluster?: {
    instances: number;
    env: Record<string, string>;
    place(client: number, doc: number): number;
  };
}

/** CPU and memory summed over the instances under test. */
async function statsOf(servers: RunningServer[], options?: { resetLoop?: boolean }) {
  const all = await Promise.all(servers.map((server) => server.stats(options)));
  const sum = (field: "cpu" | "rss" | "syscalls" | "contextSwitches") =>
    all.reduce((total, stats) => total + stats[field], 0);
  return {
    cpu: sum("cpu"),
    rss: sum("rss"),
    syscalls: sum("syscalls"),
    contextSwitches: sum("contextSwitches"),
  };
}

/**
 * The member each client connects as, given each client's document: a page's n-th client
 * is member page + n, so that no one holds more than the server's connections per person
 * to one page (8), however many clients share it.
 */
export function membersFor(template: Template, docs: readonly number[]): number[] {
  const seats = new Map<number, number>();
  return docs.map((doc) => {
    const page = doc % template.pages.length;
    const seat = seats.get(page) ?? 0;
    seats.set(page, seat + 1);
    return page + seat;
  });
}

/** Where a client of document `doc` connects on each server (as `member`, Maillage's). */
export function clientFor(
  kind: ServerKind,
  server: RunningServer,
  template: Template,
  doc: number,
  id: number,
  member = id,
): Omit<LoadClient, "writer" | "full"> {
  const ws = server.url.replace(/^http/, "ws");
  const page = template.pages[doc % template.pages.length];
  if (protocolOf[kind] === "maillage") {
    return {
      id,
      docName: page,
      url: `${ws}/sync/${page}`,
      flavour: "yws",
      headers: memberHeaders(template, server.url, member),
    };
  }
  if (protocolOf[kind] === "yws")
    return { id, docName: page, url: `${ws}/${page}`, flavour: "yws" };
  return { id, docName: page, url: ws, flavour: "hocuspocus" };
}

export async function runFanout(
  kind: ServerKind,
  workload: FanoutWorkload,
  options: FanoutOptions,
): Promise<FanoutResult> {
  const { cluster } = options;
  const data = kind === "maillage" && !cluster ? copyTemplate(options.template) : null;
  const servers = await Promise.all(
    Array.from({ length: cluster?.instances ?? 1 }, () =>
      startServer(kind, {
        env: cluster?.env ?? (data ? { DATA_DIR: data.dir } : {}),
        profileDir: options.profileDir,
        nodeFlags: options.nodeFlags,
      }),
    ),
  );
  const fleet = new LoadFleet(options.loadProcesses);
  try {
    await sleep(300);
    const idle = await statsOf(servers);
    const clients: LoadClient[] = [];
    const perDoc = new Map<string, number>();
    const placement: number[] = [];
    const docs = Array.from({ length: workload.clients }, (_, i) => i % workload.docs);
    const members = membersFor(options.template, docs);
    for (let i = 0; i < workload.clients; i++) {
      const doc = docs[i];
      placement.push(cluster?.place(i, doc) ?? 0);
      const server = servers[placement[i]];
      const base = clientFor(kind, server, options.template, doc, i, members[i]);
      const first = i < workload.docs;
      const writer = !workload.lightReceivers || first;
      clients.push({ ...base, writer, full: writer });
      perDoc.set(base.docName, (perDoc.get(base.docName) ?? 0) + 1);
    }
    const connected = await fleet.connect(clients);
    const plan = {
      rate: workload.rate,
      awarenessRate: workload.awarenessRate,
      placement: cluster ? placement : undefined,
    };
    const warmedUp = workload.warmupSeconds
      ? await fleet.run({ ...plan, seconds: workload.warmupSeconds, measure: false })
      : new Map<string, number>();
    await sleep(workload.warmupSeconds ? 1000 : 500);
    const before = await statsOf(servers, { resetLoop: true });
    let rssPeak = before.rss;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        await sleep(250);
        if (!sampling) break;
        const stats = await statsOf(servers).catch(() => null);
        if (stats) rssPeak = Math.max(rssPeak, stats.rss);
      }
    })();
    const writes = await fleet.run({ ...plan, seconds: workload.seconds });
    let expected = 0;
    for (const [doc, count] of writes) expected += count * ((perDoc.get(doc) ?? 1) - 1);
    await fleet.drain(expected, 5000);
    const after = await statsOf(servers);
    sampling = false;
    await sampler;
    rssPeak = Math.max(rssPeak, after.rss);
    const report = await fleet.finish();
    let converged = 1;
    for (const [doc, entry] of Object.entries(report.docs)) {
      const written = (writes.get(doc) ?? 0) + (warmedUp.get(doc) ?? 0);
      const same = entry.hashes.every((hash) => hash === entry.hashes[0]);
      const complete = workload.lightReceivers || entry.markers.every((m) => m === written);
      if (!same || !complete) converged = 0;
    }
    const latency = summarize(report.latencies);
    const same = summarize(report.placed.same);
    const cross = summarize(report.placed.cross);
    const cpu = after.cpu - before.cpu;
    const per10k = (count: number) =>
      report.delivered > 0 ? (count * 10_000) / report.delivered : Number.NaN;
    return {
      ...latency,
      sameP50: same.p50,
      sameP99: same.p99,
      crossP50: cross.p50,
      crossP99: cross.p99,
      delivered: report.delivered,
      expected,
      deliveredPct: expected > 0 ? (100 * report.delivered) / expected : 100,
      errors: report.errors + report.closes + connected.failed + connected.unsynced,
      cpu,
      cpuPer10k: per10k(cpu),
      syscallsPer10k: per10k(after.syscalls - before.syscalls),
      contextSwitchesPer10k: per10k(after.contextSwitches - before.contextSwitches),
      rssIdle: idle.rss,
      rssConnected: before.rss,
      rssPeak,
      converged,
      awareness: report.awareness,
    };
  } finally {
    await fleet.close();
    await Promise.all(servers.map((server) => server.stop()));
    data?.remove();
  }
}

export async function runFanoutSuite(context: SuiteContext) {
  const { quick, repeats, seconds, servers, template, profileDir, section, emit, summary } =
    context;
  const runsOf: Partial<Record<ServerKind, FanoutResult[]>> = {};
  const plain = (clients: number, docs: number, seconds: number): FanoutWorkload => ({
    name: `C=${clients} D=${docs} R=2 T=${seconds}`,
    clients,
    docs,
    rate: 2,
    seconds,
    awarenessRate: 0,
  });
  const cursors = (seconds: number): FanoutWorkload => ({
    ...plain(200, 20, seconds),
    name: `C=200 D=20 R=2 T=${seconds} +5 cursors/s`,
    awarenessRate: 5,
  });
  const workloads =
    quick && !seconds
      ? [plain(200, 20, 3), cursors(3)]
      : [plain(200, 20, seconds ?? 20), plain(600, 30, seconds ?? 10), cursors(seconds ?? 20)];
  for (const workload of workloads) {
    section(`Fan-out ${workload.name}`);
    const results = new Map<ServerKind, FanoutResult>();
    for (let r = 0; r < repeats; r++) {
      for (const kind of servers) {
        const result = await runFanout(kind, workload, {
          template,
          loadProcesses: 2,
          profileDir,
        });
        runsOf[kind] ??= [];
        runsOf[kind].push(result);
      }
    }
    for (const kind of servers) results.set(kind, medianOf(runsOf[kind] ?? []));
    for (const kind of servers) runsOf[kind] = [];
    emit(
      [
        "server",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "max ms",
        "delivered",
        "errors",
        "CPU s",
        "CPU s/10k",
        "RSS idle MiB",
        "RSS conn MiB",
        "RSS peak MiB",
        "converged",
        ...(workload.awarenessRate > 0 ? ["awareness msgs"] : []),
      ],
      servers.map((kind) => {
        const r = results.get(kind) as FanoutResult;
        return [
          serverLabels[kind],
          fmt(r.p50),
          fmt(r.p95),
          fmt(r.p99),
          fmt(r.max),
          `${r.delivered}/${r.expected} (${fmt(r.deliveredPct, 2)}%)`,
          String(r.errors),
          fmt(r.cpu, 2),
          fmt(r.cpuPer10k, 3),
          mb(r.rssIdle),
          mb(r.rssConnected),
          mb(r.rssPeak),
          r.converged === 1 ? "yes" : "NO",
          ...(workload.awarenessRate > 0 ? [String(r.awareness)] : []),
        ];
      }),
    );
    const m = results.get("maillage");
    const ref = results.get("reference");
    const hp = results.get("hocuspocus");
    if (m) {
      summary(
        `${workload.name}: Maillage CPU/10k deliveries ${fmt(m.cpuPer10k, 3)} s = ` +
          `${ratio(m.cpuPer10k, ref?.cpuPer10k ?? Number.NaN)} the reference (goal ≤ 1.0×), ` +
          `${ratio(m.cpuPer10k, hp?.cpuPer10k ?? Number.NaN)} Hocuspocus (goal ≤ 0.8×); ` +
          `p99 ${fmt(m.p99)} ms = ${ratio(m.p99, ref?.p99 ?? Number.NaN)} the reference (goal ≤ 1.1×); ` +
          `delivered ${fmt(m.deliveredPct, 2)}%`,
      );
      const goals = persistedGoals(workload);
      for (const kind of goals ? persistedPeers : []) {
        const peer = results.get(kind);
        if (!peer || !goals) continue;
        summary(
          `${workload.name}: Maillage vs ${serverLabels[kind]}: CPU/10k ${ratio(m.cpuPer10k, peer.cpuPer10k)} ` +
            `(goal ≤ ${goals.cpu}×), p99 ${ratio(m.p99, peer.p99)} (goal ≤ ${goals.p99}×)`,
        );
      }
      if (goals && ref) {
        summary(
          `${workload.name}: Maillage vs the non-persisting reference: CPU/10k ` +
            `${ratio(m.cpuPer10k, ref.cpuPer10k)} (goal ≤ ${goals.reference}×)`,
        );
      }
    }
  }
}

/** Issue 16's goals against the persisted peers, for the two plain workloads it names. */
function persistedGoals(workload: FanoutWorkload) {
  if (workload.awarenessRate > 0) return null;
  if (workload.clients === 200 && workload.docs === 20)
    return { cpu: 0.9, p99: 1.1, reference: 1.35 };
  if (workload.clients === 600 && workload.docs === 30)
    return { cpu: 0.8, p99: 1.0, reference: 1.0 };
  return null;
}
