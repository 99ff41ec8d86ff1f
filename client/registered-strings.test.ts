/**
 * Features register their strings when their modules load (lib/i18n `registerStrings`),
 * so a component reading a namespace must load a module that registers it: through its
 * own imports, not by luck of what another page loaded first.
 */
import { describe, expect, it } from "vitest";
import { fileOf, importsOf, readSource, sourceFiles } from "../tests/helpers/imports";

/** The files loaded with `file`, itself included. */
function loadedWith(file: string): Set<string> {
  const seen = new Set<string>([file]);
  const queue = [file];
  for (let current = queue.pop(); current !== undefined; current = queue.pop()) {
    for (const module of importsOf(current, { runtime: true })) {
      const next = fileOf(module);
      if (next && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

const namespacesRead = (text: string) =>
  new Set(
    [...text.matchAll(/useTranslation\("(\w+)"\)|\bns: "(\w+)"/g)].map(
      (match) => match[1] ?? match[2] ?? "",
    ),
  );

function unregistered(): string[] {
  const missing: string[] = [];
  for (const file of sourceFiles("client").filter((name) => name.endsWith(".tsx"))) {
    const loaded = [...loadedWith(file)].map(readSource).join("\n");
    for (const namespace of namespacesRead(readSource(file))) {
      if (!loaded.includes(`registerStrings("${namespace}"`)) missing.push(`${file}: ${namespace}`);
    }
  }
  return missing.sort();
}

describe("strings", () => {
  it("are registered by the modules of every component that reads them", () => {
    expect(unregistered()).toEqual([]);
  });

  it("finds the namespaces a component reads (a scan that finds nothing proves nothing)", () => {
    expect(namespacesRead(readSource("client/features/boards/Kanban.tsx"))).toContain("boards");
  });
});
