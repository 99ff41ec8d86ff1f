/** The repository's TypeScript files and the relative modules each one imports. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const repo = resolve(import.meta.dirname, "../..");

export const readSource = (file: string) => readFileSync(join(repo, file), "utf8");

/** Every .ts and .tsx file below a folder, as paths relative to the repository. */
export function sourceFiles(folder: string): string[] {
  return readdirSync(join(repo, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => relative(repo, join(entry.parentPath, entry.name)));
}

/**
 * Every relative module a file names: static imports, re-exports, dynamic imports; with
 * `runtime`, only what loads with the file (no dynamic import, no `import type`).
 */
export function importsOf(file: string, { runtime = false } = {}): string[] {
  const text = readSource(file);
  const from = runtime
    ? /(?:^|\s)(?:import|export)\s(?!type\s)[^;]*?from\s*"([^"]+)"/g
    : /(?:^|\s)(?:import|export)\s[^;]*?from\s*"([^"]+)"/g;
  const specifiers = [
    ...text.matchAll(from),
    ...text.matchAll(/(?:^|\s)import\s*"([^"]+)"/g),
    ...(runtime ? [] : text.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g)),
  ].map((match) => match[1] ?? "");
  return specifiers
    .filter((specifier) => specifier.startsWith("."))
    .map((specifier) => relative(repo, resolve(repo, dirname(file), specifier)));
}

/** The file a module path names (imports leave the extension out). */
export function fileOf(module: string): string | undefined {
  return [`${module}.ts`, `${module}.tsx`, `${module}/index.ts`, module].find(
    (candidate) => /\.tsx?$/.test(candidate) && existsSync(join(repo, candidate)),
  );
}
