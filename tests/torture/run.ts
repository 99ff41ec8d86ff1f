/**
 * `npm run torture` — the long versions of the torture tests (about 20 minutes):
 *   kill -9 under load ×20, a 10-minute soak with chaos, 100,000 fuzz frames, permission
 *   races. Short versions of the same run in `npm test` (tests/integration/torture.test.ts).
 *   npm run torture -- --only=killnine,soak,fuzz,permissions
 */
import { fuzz } from "./fuzz";
import { killNine } from "./killnine";
import { permissionRace } from "./permissions";
import { soak } from "./soak";

const only = process.argv
  .find((a) => a.startsWith("--only="))
  ?.slice(7)
  .split(",");
const wanted = (name: string) => !only || only.includes(name);
const log = (line: string) => console.log(`  ${line}`);
const mib = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
let failures = 0;
const verdict = (ok: boolean, line: string) => {
  if (!ok) failures++;
  console.log(`${ok ? "PASS" : "FAIL"} ${line}`);
};

if (wanted("killnine")) {
  console.log("== kill -9 under load: 100 clients, 10 pages, 20 kills ==");
  const r = await killNine({ clients: 100, docs: 10, repeats: 20, rate: 5, log });
  verdict(
    r.missing.length === 0,
    `${r.received} updates received before the kills, ${r.missing.length} missing after restart`,
  );
}
if (wanted("soak")) {
  console.log("== soak with chaos: 300 clients, 10 pages, 10 minutes, 2 restarts ==");
  const r = await soak({ clients: 300, docs: 10, durationMs: 10 * 60_000, rate: 1, log });
  verdict(
    r.diverged.length === 0,
    `${r.writes} writes, ${r.disconnects} disconnections, ${r.restarts} restarts, ${r.diverged.length} pages diverged`,
  );
  verdict(
    r.rssEnd <= r.rssPlateau * 1.25 + 16 * 1024 * 1024,
    `RSS plateau ${mib(r.rssPlateau)} MiB, at the end ${mib(r.rssEnd)} MiB`,
  );
}
if (wanted("fuzz")) {
  console.log("== fuzz: 100,000 hostile frames ==");
  const r = await fuzz({ frames: 100_000, parallel: 8, log });
  verdict(
    r.serverUp && r.leftOpen === 0 && r.honestSynced && r.storedClean,
    `${r.frames} frames over ${r.connections} connections: server up ${r.serverUp}, bad connections left open ${r.leftOpen}, honest pair synced ${r.honestSynced}, stored clean ${r.storedClean}`,
  );
}
if (wanted("permissions")) {
  console.log("== permission races: 10 removals while writing from 5 connections ==");
  const r = await permissionRace({ rounds: 10, connections: 5, log });
  verdict(
    r.leaked.length === 0,
    `${r.before} writes before the removals, ${r.after} after, ${r.leaked.length} stored or relayed`,
  );
}
process.exit(failures === 0 ? 0 : 1);
