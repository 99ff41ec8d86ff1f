/**
 * Several instances (issue 16): the same fan-out workload, C=200 D=20 R=2, on one SQLite
 * instance, one PostgreSQL instance, and 2 or 3 instances on PostgreSQL + Redis — each
 * document's clients on one instance (what a load balancer's affinity gives) or spread
 * over the instances (about half, or two thirds, of the deliveries cross Redis; those are
 * timed apart from the deliveries within one instance). CPU is summed over the instances.
 * Then one of 2 instances is SIGKILLed under N clients, its clients reconnecting to the
 * other. Needs MAILLAGE_TEST_DATABASE_URL (as the scale-out tests do) and redis-server.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startRedis, type TestRedis } from "../tests/helpers/scale";
import { createTestDatabase, type TestDatabase } from "../tests/helpers/test-database";
import { reconnectJitterMs, syncSpread } from "./capacity";
import { clientFor, type FanoutResult, type FanoutWorkload, membersFor, runFanout } from "./fanout";
import { descriptorShortage, loadProcessesFor } from "./lib/descriptors";
import { LoadFleet } from "./lib/load";
import type { LoadClient } from "./lib/load-child";
import { quiet, startServer } from "./lib/servers";
import { prepareTemplate, type Template } from "./lib/setup";
import { fmt, medianOf, ratio, sleep } from "./lib/stats";
import type { SuiteContext } from "./lib/suite";

interface Setting {
  label: string;
  instances: number;
  redis: boolean;
  place(client: number, doc: number): number;
}

const D = 20;
const settings: Setting[] = [
  { label: "PostgreSQL, 1 instance", instances: 1, redis: false, place: () => 0 },
  {
    label: "PG + Redis, 2 instances, each document on one",
    instances: 2,
    redis: true,
    place: (_client, doc) => doc % 2,
  },
  {
    label: "PG + Redis, 2 instances, clients spread",
    instances: 2,
    redis: true,
    place: (client) => Math.floor(client / D) % 2,
  },
  {
    label: "PG + Redis, 3 instances, clients spread",
    instances: 3,
    redis: true,
    place: (client) => Math.floor(client / D) % 3,
  },
];

/** A difference with its sign, "+0.5" or "-0.3". */
const signed = (value: number) => `${value >= 0 ? "+" : ""}${fmt(value)}`;

/** Issue 16's goal after one of 2 instances dies. */
const killGoal = { clients: 10_000, seconds: 5 };

/** What every part of the suite shares: a PostgreSQL template database and one Redis. */
interface Cluster {
  database: TestDatabase;
  template: Template;
  redis: TestRedis;
}

export async function runInstancesSuite(context: SuiteContext) {
  const { quick, sizes, section, summary } = context;
  if (!process.env.MAILLAGE_TEST_DATABASE_URL) {
    section("Several instances");
    summary("Several instances: skipped, MAILLAGE_TEST_DATABASE_URL is not set (see README)");
    return;
  }
  const killClients = sizes.killResync ?? (quick ? 1000 : killGoal.clients);
  const documents = Math.ceil(killClients / 10);
  const database = await createTestDatabase();
  const templateDir = mkdtempSync(join(tmpdir(), "maillage-bench-pg-"));
  const redis = await startRedis();
  try {
    const template = await prepareTemplate(templateDir, 200, Math.max(D, documents), {
      DATABASE_URL: database.url,
    });
    const cluster: Cluster = { database, template, redis };
    if (sizes.killResync === undefined) await compareSettings(context, cluster);
    if (!context.settingsOnly) await killOneOfTwo(context, cluster, killClients);
  } finally {
    await redis.stop();
    await database.drop();
    rmSync(templateDir, { recursive: true, force: true });
  }
}

async function compareSettings(context: SuiteContext, cluster: Cluster) {
  const { quick, repeats, seconds, template, section, emit, summary } = context;
  section(
    `Several instances: C=200 D=20 R=2, SQLite and PostgreSQL (+ Redis), median of ${repeats} round(s)`,
  );
  const workload: FanoutWorkload = {
    name: "C=200 D=20 R=2",
    clients: 200,
    docs: D,
    rate: 2,
    seconds: seconds ?? (quick ? 5 : 15),
    awarenessRate: 0,
    warmupSeconds: quick ? 2 : 5,
  };
  // Every setting once per round, rounds one after the other: a slow spell of the box
  // then weighs on each setting alike, and the medians compare like with like.
  const runs = new Map<string, FanoutResult[]>();
  const record = (label: string, result: FanoutResult) =>
    runs.set(label, [...(runs.get(label) ?? []), result]);
  for (let round = 0; round < repeats; round++) {
    record(
      "SQLite, 1 instance",
      await runFanout("maillage", workload, { template, loadProcesses: 2 }),
    );
    for (const setting of settings) {
      const database = await createTestDatabase(cluster.database);
      try {
        const env: Record<string, string> = { DATABASE_URL: database.url };
        if (setting.redis) env.REDIS_URL = cluster.redis.url;
        const result = await runFanout("maillage", workload, {
          template: cluster.template,
          loadProcesses: 2,
          profileDir: context.profileDir,
          cluster: { instances: setting.instances, env, place: setting.place },
        });
        record(setting.label, result);
      } finally {
        await database.drop();
      }
    }
  }
  const results = Array.from(runs, ([label, all]): [string, FanoutResult] => [
    label,
    medianOf(all),
  ]);
  emit(
    [
      "setting",
      "p50 ms",
      "p99 ms",
      "max ms",
      "delivered",
      "errors",
      "CPU s/10k",
      "syscalls/10k",
      "switches/10k",
      "converged",
    ],
    results.map(([label, r]) => [
      label,
      fmt(r.p50),
      fmt(r.p99),
      fmt(r.max),
      `${r.delivered}/${r.expected} (${fmt(r.deliveredPct, 2)}%)`,
      String(r.errors),
      fmt(r.cpuPer10k, 3),
      fmt(r.syscallsPer10k, 0),
      fmt(r.contextSwitchesPer10k, 0),
      r.converged === 1 ? "yes" : "NO",
    ]),
  );
  const spread = results.filter(([, r]) => Number.isFinite(r.crossP50));
  emit(
    ["clients spread", "same p50", "cross p50", "added p50", "same p99", "cross p99", "added p99"],
    spread.map(([label, r]) => [
      label,
      fmt(r.sameP50),
      fmt(r.crossP50),
      fmt(r.crossP50 - r.sameP50),
      fmt(r.sameP99),
      fmt(r.crossP99),
      fmt(r.crossP99 - r.sameP99),
    ]),
  );
  const [sqlite, pg, together, spread2, spread3] = results.map(([, r]) => r);
  summary(
    `Cross-instance delivery (2 instances, clients spread, writer and reader on different ` +
      `instances vs on one, same run): p50 ${fmt(spread2.crossP50)} vs ${fmt(spread2.sameP50)} ms = ` +
      `${signed(spread2.crossP50 - spread2.sameP50)} ms (goal ≤ 2 ms), p99 ${fmt(spread2.crossP99)} vs ` +
      `${fmt(spread2.sameP99)} ms = ${signed(spread2.crossP99 - spread2.sameP99)} ms (goal ≤ 5 ms); ` +
      `all deliveries vs each document on one instance: p50 ${signed(spread2.p50 - together.p50)} ms, ` +
      `p99 ${signed(spread2.p99 - together.p99)} ms`,
  );
  summary(
    `CPU per 10k deliveries summed over instances: 2 instances ${ratio(spread2.cpuPer10k, pg.cpuPer10k)}, ` +
      `3 instances ${ratio(spread3.cpuPer10k, pg.cpuPer10k)} the single PostgreSQL instance (goal ≤ 1.3× with 2); ` +
      `their read and write system calls per 10k: ${ratio(spread2.syscallsPer10k, pg.syscallsPer10k)} and ` +
      `${ratio(spread3.syscallsPer10k, pg.syscallsPer10k)}`,
  );
  summary(
    `One instance, PostgreSQL vs SQLite: p50 ${ratio(pg.p50, sqlite.p50)}, p99 ${ratio(pg.p99, sqlite.p99)}, ` +
      `CPU/10k ${ratio(pg.cpuPer10k, sqlite.cpuPer10k)}`,
  );
}

/**
 * 2 instances, each document's clients on one (as a load balancer's affinity places
 * them), every client a writer that typed a paragraph: one instance is SIGKILLed and its
 * clients reconnect to the other (jittered, as y-websocket does). Time from the kill until
 * all are synced, the survivor's loads, and whether every document converged.
 */
async function killOneOfTwo(context: SuiteContext, cluster: Cluster, clients: number) {
  const { section, emit, summary, profileDir } = context;
  section(`SIGKILL of one of 2 instances (PostgreSQL + Redis) under ${clients} clients`);
  const shortage = descriptorShortage(clients);
  if (shortage) summary(`Kill and resync: ${shortage}`);
  const database = await createTestDatabase(cluster.database);
  const env = { DATABASE_URL: database.url, REDIS_URL: cluster.redis.url };
  // Only the survivor is profiled: the victim's SIGKILL leaves no profile.
  const [victim, survivor] = await Promise.all(
    [undefined, profileDir].map((dir) => startServer("maillage", { env, profileDir: dir })),
  );
  const fleet = new LoadFleet(loadProcessesFor(clients));
  try {
    const { template } = cluster;
    const docs = Array.from({ length: clients }, (_, i) => i % Math.ceil(clients / 10));
    const members = membersFor(template, docs);
    const specs: LoadClient[] = docs.map((doc, i) => ({
      ...clientFor("maillage", doc % 2 === 0 ? victim : survivor, template, doc, i, members[i]),
      writer: true,
      full: true,
    }));
    const victimWs = victim.url.replace(/^http/, "ws");
    const moving = specs.filter((spec) => spec.url.startsWith(victimWs));
    const moved = new Set(moving.map((spec) => spec.docName));
    const connecting = Date.now();
    const connected = await fleet.connect(specs);
    const connectSeconds = (Date.now() - connecting) / 1000;
    // The writers' paragraphs reach PostgreSQL and every reader before the kill: what is
    // measured is the resync of idle clients, not the backlog of an instance still busy.
    await quiet([victim, survivor]);
    const loadsBefore = (await survivor.stats()).loads;
    const killed = Date.now();
    await victim.kill("SIGKILL");
    const { unsynced, retries, syncedAfterMs } = await fleet.reconnect(reconnectJitterMs, {
      from: victim.url,
      to: survivor.url,
    });
    const seconds = (Date.now() - killed) / 1000;
    const loads = (await survivor.stats()).loads - loadsBefore;
    await sleep(1000);
    const report = await fleet.finish();
    const diverged = Object.values(report.docs).filter(
      (entry) => !entry.hashes.every((hash) => hash === entry.hashes[0]),
    ).length;
    emit(
      [
        "instance killed",
        "clients",
        "first connect",
        "moved",
        "resynced in",
        "synced p50 / p99",
        "unsynced",
        "retries",
        "loads",
        "documents",
        "diverged",
      ],
      [
        [
          "1 of 2",
          String(clients),
          `${fmt(connectSeconds, 1)} s`,
          String(moving.length),
          `${fmt(seconds, 1)} s`,
          syncSpread(syncedAfterMs),
          String(unsynced + connected.failed + connected.unsynced),
          String(retries),
          String(loads),
          String(moved.size),
          String(diverged),
        ],
      ],
    );
    summary(
      `Kill and resync: ${clients} clients on 2 instances, one SIGKILLed: all synced ${fmt(seconds, 1)} s ` +
        `after the kill (goal: ${killGoal.clients.toLocaleString("en")} within ${killGoal.seconds} s), ` +
        `${unsynced} unsynced, the survivor loaded ${loads} documents for the ${moved.size} moved ` +
        `(goal: each once), ${diverged} documents diverged`,
    );
  } finally {
    await fleet.close();
    await Promise.all([victim, survivor].map((server) => server.stop()));
    await database.drop();
  }
}
