/**
 * Several instances (issue 16): the same fan-out workload, C=200 D=20 R=2, on one SQLite
 * instance, one PostgreSQL instance, and 2 or 3 instances on PostgreSQL + Redis — each
 * document's clients on one instance (what a load balancer's affinity gives) or spread
 * over the instances (about half, or two thirds, of the deliveries cross Redis). CPU is
 * summed over the instances. Needs MAILLAGE_TEST_DATABASE_URL (as the scale-out tests do)
 * and redis-server.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startRedis } from "../tests/helpers/scale";
import { createTestDatabase } from "../tests/helpers/test-database";
import { type FanoutResult, type FanoutWorkload, runFanout } from "./fanout";
import { prepareTemplate } from "./lib/setup";
import { fmt, ratio } from "./lib/stats";
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

export async function runInstancesSuite(context: SuiteContext) {
  const { quick, template, section, emit, summary } = context;
  section("Several instances: C=200 D=20 R=2, SQLite and PostgreSQL (+ Redis)");
  if (!process.env.MAILLAGE_TEST_DATABASE_URL) {
    summary("Several instances: skipped, MAILLAGE_TEST_DATABASE_URL is not set (see README)");
    return;
  }
  const workload: FanoutWorkload = {
    name: "C=200 D=20 R=2",
    clients: 200,
    docs: D,
    rate: 2,
    seconds: quick ? 5 : 15,
    awarenessRate: 0,
  };
  const pgTemplateDatabase = await createTestDatabase();
  const pgTemplateDir = mkdtempSync(join(tmpdir(), "maillage-bench-pg-"));
  const redis = await startRedis();
  const results: Array<[string, FanoutResult]> = [];
  try {
    const pgTemplate = await prepareTemplate(pgTemplateDir, 200, D, {
      DATABASE_URL: pgTemplateDatabase.url,
    });
    results.push([
      "SQLite, 1 instance",
      await runFanout("maillage", workload, { template, loadProcesses: 2 }),
    ]);
    for (const setting of settings) {
      const database = await createTestDatabase(pgTemplateDatabase);
      try {
        const env: Record<string, string> = { DATABASE_URL: database.url };
        if (setting.redis) env.REDIS_URL = redis.url;
        const result = await runFanout("maillage", workload, {
          template: pgTemplate,
          loadProcesses: 2,
          cluster: { instances: setting.instances, env, place: setting.place },
        });
        results.push([setting.label, result]);
      } finally {
        await database.drop();
      }
    }
  } finally {
    await redis.stop();
    await pgTemplateDatabase.drop();
    rmSync(pgTemplateDir, { recursive: true, force: true });
  }
  emit(
    ["setting", "p50 ms", "p99 ms", "max ms", "delivered", "errors", "CPU s/10k", "converged"],
    results.map(([label, r]) => [
      label,
      fmt(r.p50),
      fmt(r.p99),
      fmt(r.max),
      `${r.delivered}/${r.expected} (${fmt(r.deliveredPct, 2)}%)`,
      String(r.errors),
      fmt(r.cpuPer10k, 3),
      r.converged === 1 ? "yes" : "NO",
    ]),
  );
  const [sqlite, pg, together, spread2, spread3] = results.map(([, r]) => r);
  summary(
    `Cross-instance delivery (2 instances, spread vs each document on one): p50 +${fmt(spread2.p50 - together.p50)} ms ` +
      `(goal ≤ 2 ms), p99 +${fmt(spread2.p99 - together.p99)} ms (goal ≤ 5 ms)`,
  );
  summary(
    `CPU per 10k deliveries summed over instances: 2 instances ${ratio(spread2.cpuPer10k, pg.cpuPer10k)}, ` +
      `3 instances ${ratio(spread3.cpuPer10k, pg.cpuPer10k)} the single PostgreSQL instance (goal ≤ 1.3× with 2)`,
  );
  summary(
    `One instance, PostgreSQL vs SQLite: p50 ${ratio(pg.p50, sqlite.p50)}, p99 ${ratio(pg.p99, sqlite.p99)}, ` +
      `CPU/10k ${ratio(pg.cpuPer10k, sqlite.cpuPer10k)}`,
  );
}
