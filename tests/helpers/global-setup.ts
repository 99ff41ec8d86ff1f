/**
 * Vitest global set-up for the browser tests:
 *  (a) Chromium must exist at /usr/bin/chromium — installed with apt-get when we are root,
 *      otherwise a clear error says how to install it (never a silent skip);
 *  (b) the client is built once per version of its sources into
 *      test-artifacts/client-<stamp> (or used as is from an existing CLIENT_DIST), and its
 *      path is handed to the tests as CLIENT_DIST (and `inject("clientDist")`).
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { CHROMIUM } from "./chromium";

declare module "vitest" {
  export interface ProvidedContext {
    clientDist: string;
  }
}

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const aptGet = ["/usr/bin/apt-get", "/bin/apt-get"].find((path) => existsSync(path));
  if (!isRoot || !aptGet) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM}, which is missing.\n` +
        "Install it with:  sudo apt-get install chromium\n" +
        "(playwright-core drives the system Chromium; never run `npx playwright install`.)",
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  console.log(`[e2e] ${CHROMIUM} is missing; installing it: ${aptGet} update`);
  execFileSync(aptGet, ["update"], { stdio: "inherit", env });
  console.log(`[e2e] ${aptGet} install -y chromium`);
  execFileSync(aptGet, ["install", "-y", "chromium"], { stdio: "inherit", env });
  if (!existsSync(CHROMIUM)) {
    throw new Error(`apt-get installed chromium but ${CHROMIUM} still does not exist.`);
  }
  console.log(`[e2e] Chromium installed at ${CHROMIUM}`);
}

/** Every file under the given paths with its size and modification time, for a stamp. */
function listFiles(path: string, into: string[] = []): string[] {
  if (!existsSync(path)) return into;
  const stat = statSync(path);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(path).sort()) listFiles(join(path, entry), into);
  } else {
    into.push(`${path}:${stat.size}:${stat.mtimeMs}`);
  }
  return into;
}

async function runViteBuild(outDir: string) {
  const { build } = await import("vite");
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      configFile: join(repo, "vite.config.ts"),
      root: join(repo, "client"),
      mode: "production",
      logLevel: "warn",
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/**
 * Builds the client unless a build of the same sources exists. Each build goes to its own
 * folder named by a stamp of the sources (test-artifacts/client-<stamp>), written under a
 * temporary name and renamed when complete, so that test runs going on at the same time
 * never see a half-written build or lose the files they are serving.
 */
async function buildClient(): Promise<string> {
  const sources = ["client", "shared", "vite.config.ts", "package-lock.json"].map((p) =>
    join(repo, p),
  );
  const stamp = createHash("sha256")
    .update(sources.flatMap((path) => listFiles(path)).join("\n"))
    .digest("hex")
    .slice(0, 12);
  const base = join(repo, "test-artifacts");
  const outDir = join(base, `client-${stamp}`);
  if (existsSync(join(outDir, "index.html"))) {
    const now = new Date();
    utimesSync(outDir, now, now); // in use: keep it through the clean-up below
    console.log(`[e2e] client build is up to date: ${outDir}`);
    return outDir;
  }
  console.log(`[e2e] building the client into ${outDir}…`);
  const started = Date.now();
  const partial = `${outDir}.partial-${process.pid}`;
  await runViteBuild(partial);
  try {
    renameSync(partial, outDir);
  } catch {
    // Another run finished the same build first: use theirs.
    rmSync(partial, { recursive: true, force: true });
  }
  console.log(`[e2e] client built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // Forget builds of older sources that no run has touched for an hour.
  for (const entry of readdirSync(base)) {
    const path = join(base, entry);
    if (!entry.startsWith("client-") || path === outDir) continue;
    if (Date.now() - statSync(path).mtimeMs > 60 * 60 * 1000) {
      rmSync(path, { recursive: true, force: true });
    }
  }
  return outDir;
}

export default async function setup(project: TestProject) {
  ensureChromium();
  const clientDist = process.env.CLIENT_DIST
    ? resolve(process.env.CLIENT_DIST)
    : await buildClient();
  if (!existsSync(join(clientDist, "index.html"))) {
    console.log(`[e2e] CLIENT_DIST=${clientDist} has no index.html: building it there`);
    await runViteBuild(clientDist);
  }
  process.env.CLIENT_DIST = clientDist;
  project.provide("clientDist", clientDist);
}
