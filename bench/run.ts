/**
 * `npm run bench` — every benchmark of the sync server against the reference y-websocket
 * server and Hocuspocus, in one run, medians of repeated runs. Never fails on timing.
 *
 *   npm run bench                 full run (about 30 minutes on 2 cores)
 *   npm run bench -- --quick      short run (under 3 minutes)
 *   npm run bench -- --only=fanout,coldload,memory,connections,http,scale,hostile,weight,instances
 *   npm run bench -- --repeats=5 --servers=maillage,reference --profile --no-extras
 *   npm run bench -- --only=fanout --seconds=5   the full fan-out workloads, 5 s each
 *   npm run bench -- --only=scale --connections=10000   one instance holding 10,000 connections
 *   npm run bench -- --only=scale --storm=5000          5,000 clients resyncing after a restart
 *   npm run bench -- --only=instances --kill-resync=10000   2 instances, one SIGKILLed
 *   npm run bench -- --only=instances --settings-only --repeats=3   1, 2, 3 instances, no kill
 *   (each of these three runs only the part it names; thousands of connections need
 *   `ulimit -n` above them: the suites say so before they start)
 *
 * Then the standalone bench/diagnostic.ts, bench/board.ts, bench/versions.ts and bench/search.ts run too.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { runScaleSuite } from "./capacity";
import { runColdLoad } from "./coldload";
import { runConnections } from "./connections";
import { runFanoutSuite } from "./fanout";
import { runHostile } from "./hostile";
import { runHttp } from "./http";
import { benchDir, repoDir, type ServerKind, serverKinds } from "./lib/servers";
import { prepareTemplate } from "./lib/setup";
import { fmt, markdownTable, mb, table } from "./lib/stats";
import type { SuiteContext } from "./lib/suite";
import { runMemory } from "./memory";
import { runInstancesSuite } from "./scale";
import { runWeight } from "./weight";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

const quick = flag("quick");
const only = option("only")?.split(",");
const repeats = Number(option("repeats") ?? (quick ? 1 : 3));
const seconds = option("seconds") ? Number(option("seconds")) : undefined;
const servers = (option("servers")?.split(",") ?? serverKinds) as ServerKind[];
const profileDir = flag("profile") ? join(benchDir, "profiles") : undefined;
if (profileDir) mkdirSync(profileDir, { recursive: true });
const wanted = (suite: string) => !only || only.includes(suite);
const size = (name: string) => {
  const value = option(name);
  if (value === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(value)) throw new Error(`--${name} takes a number of clients: ${value}`);
  return Number(value);
};
const sizes = {
  connections: size("connections"),
  storm: size("storm"),
  killResync: size("kill-resync"),
};

/** Everything printed, kept to write a Markdown copy at the end. */
const report: string[] = [];
function out(text: string, markdown = text) {
  console.log(text);
  report.push(markdown);
}
function section(title: string) {
  out(`\n== ${title} ==`, `\n### ${title}\n`);
}
function emit(headers: string[], rows: string[][]) {
  out(table(headers, rows), markdownTable(headers, rows));
}
function summary(line: string) {
  out(`→ ${line}`, `\n**${line}**\n`);
}

const started = Date.now();
out(
  `Maillage benchmarks — ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? "?"}, ` +
    `${mb(totalmem())} MiB RAM, Node ${process.version} — mode: ${quick ? "quick" : "full"}, ` +
    `${repeats} repeat(s), median reported`,
);

// The client's weight needs no server: first, and without the template of the others.
if (wanted("weight")) await runWeight({ section, emit, summary });

const suites: Array<[string, (context: SuiteContext) => Promise<void>]> = [
  ["fanout", runFanoutSuite],
  ["scale", runScaleSuite],
  ["coldload", runColdLoad],
  ["memory", runMemory],
  ["connections", runConnections],
  ["http", runHttp],
  ["hostile", runHostile],
  ["instances", runInstancesSuite],
];
const serverSuites = suites.filter(([name]) => wanted(name));
if (serverSuites.length > 0) {
  // One page per 10 clients of the scale suite (10,000 connections unless sized), so a
  // page never holds more clients than the suite says.
  const scaleClients = Math.max(sizes.connections ?? 0, sizes.storm ?? 0, quick ? 0 : 10_000);
  const template = await prepareTemplate(
    join(tmpdir(), "maillage-bench-template-v1"),
    quick ? 200 : 600,
    Math.max(400, Math.ceil(scaleClients / 10)),
  );
  const context: SuiteContext = {
    quick,
    repeats,
    seconds,
    sizes,
    settingsOnly: flag("settings-only"),
    template,
    servers,
    profileDir,
    section,
    emit,
    summary,
  };
  for (const [name, run] of serverSuites) {
    const suiteStarted = Date.now();
    await run(context);
    console.log(`(${name}: ${fmt((Date.now() - suiteStarted) / 1000, 0)} s)`);
  }
}

out(`\nBenchmarks done in ${fmt((Date.now() - started) / 60_000, 1)} min.`);
const copy = join(tmpdir(), "maillage-bench-last-run.md");
writeFileSync(copy, `${report.join("\n")}\n`);
console.log(`(Markdown copy of these tables: ${copy})`);

// Benchmarks other engineers own run last, each a standalone script.
for (const extra of flag("no-extras")
  ? []
  : ["diagnostic.ts", "board.ts", "versions.ts", "search.ts"]) {
  const file = join(benchDir, extra);
  if (!existsSync(file)) continue;
  console.log(`\n== bench/${extra} ==`);
  const result = spawnSync(process.execPath, ["--import", "tsx", file, ...args], {
    cwd: repoDir,
    stdio: "inherit",
  });
  if (result.status !== 0) console.log(`bench/${extra} exited with ${result.status}`);
}
