/**
 * The client's weight: builds it (vite build into a temporary folder, with its manifest)
 * and sums the gzipped JavaScript each main route loads, following the manifest from the
 * route's entries through their static imports — what the browser fetches before the page
 * shows. Dynamic imports (a chart shown later, another page) are not counted. A module that
 * is no entry of its own was bundled into a chunk that imports it statically, so is counted.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "vite";
import { repoDir } from "./lib/servers";
import { fmt } from "./lib/stats";
import type { SuiteContext } from "./lib/suite";

interface ManifestChunk {
  file: string;
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** Each route's entries in the manifest (source paths below client/); index.html first. */
const routes: Array<{ name: string; entries: string[]; goalKb?: number }> = [
  { name: "home", entries: ["index.html", "features/home/HomePage.tsx"], goalKb: 150 },
  { name: "document", entries: ["index.html", "features/document/DocumentPage.tsx"], goalKb: 300 },
  {
    name: "diagnostic",
    entries: [
      "index.html",
      "features/document/DocumentPage.tsx",
      "features/diagnostic/DiagnosticView.tsx",
    ],
  },
  {
    name: "diagnostic + trend chart",
    entries: [
      "index.html",
      "features/document/DocumentPage.tsx",
      "features/diagnostic/DiagnosticView.tsx",
      "features/diagnostic/TrendCharts.tsx",
    ],
  },
  {
    name: "board",
    entries: ["index.html", "features/document/DocumentPage.tsx", "features/boards/BoardView.tsx"],
  },
  { name: "portfolio", entries: ["index.html", "features/boards/PortfolioPage.tsx"] },
];

/** The chunk files a set of entries loads: the entries and, recursively, their static imports. */
export function chunksOf(manifest: Manifest, entries: readonly string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) return;
    if (chunk.file.endsWith(".js")) files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const entry of entries) visit(entry);
  return files;
}

/** Per route: how many chunks it loads and their gzipped size in KB. */
export function measure(outDir: string) {
  const manifest: Manifest = JSON.parse(
    readFileSync(join(outDir, ".vite", "manifest.json"), "utf8"),
  );
  if (!manifest["index.html"]) throw new Error(`no index.html entry in ${outDir}'s manifest`);
  const gzipped = new Map<string, number>();
  const sizeOf = (file: string) => {
    let size = gzipped.get(file);
    if (size === undefined) {
      size = gzipSync(readFileSync(join(outDir, file))).byteLength;
      gzipped.set(file, size);
    }
    return size;
  };
  return routes.map((route) => {
    const files = [...chunksOf(manifest, route.entries)];
    const kb = files.reduce((sum, file) => sum + sizeOf(file), 0) / 1024;
    return { ...route, chunks: files.length, kb };
  });
}

export async function runWeight({
  section,
  emit,
  summary,
}: Pick<SuiteContext, "section" | "emit" | "summary">) {
  section("Client weight (gzipped JavaScript each route loads)");
  const outDir = mkdtempSync(join(tmpdir(), "maillage-weight-"));
  try {
    await build({
      configFile: join(repoDir, "vite.config.ts"),
      logLevel: "warn",
      build: { outDir, emptyOutDir: true, manifest: true, sourcemap: false },
    });
    const rows = measure(outDir).map((route) => [
      route.name,
      String(route.chunks),
      fmt(route.kb, 1),
      route.goalKb === undefined ? "" : `≤ ${route.goalKb}`,
    ]);
    emit(["route", "chunks", "KB gzipped", "goal (KB)"], rows);
    summary(
      `home ${rows[0]?.[2]} KB, document ${rows[1]?.[2]} KB of gzipped JavaScript before the page shows`,
    );
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
