/**
 * The direction of imports between folders. Lower layers never reach up: the client's
 * lib/ and ui/ know no page, app/ (the frame every page shares) knows no feature, the
 * editor stands alone, shared/ belongs to neither side, the server never reaches the client.
 * Only the top (client/routes.tsx, client/main.tsx, client/strings.ts) gathers features.
 */
import { describe, expect, it } from "vitest";
import { importsOf, sourceFiles } from "../tests/helpers/imports";

/** Folder (relative to the repository) → folders it must not import from. */
const forbidden: Record<string, string[]> = {
  "client/lib": ["client/features", "client/app", "client/ui", "client/editor"],
  "client/ui": ["client/features", "client/app", "client/editor"],
  "client/editor": ["client/features", "client/app"],
  "client/app": ["client/features"],
  shared: ["server", "client"],
  server: ["client"],
};

const inside = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

function violations(): string[] {
  const found: string[] = [];
  for (const [folder, banned] of Object.entries(forbidden)) {
    for (const file of sourceFiles(folder)) {
      for (const target of importsOf(file)) {
        const hit = banned.find((other) => inside(target, other));
        if (hit) found.push(`${file} → ${target}`);
      }
    }
  }
  return found.sort();
}

describe("layering", () => {
  it("has no import from a lower layer to a higher one", () => {
    expect(violations()).toEqual([]);
  });

  it("sees the imports it checks (a scan that finds nothing proves nothing)", () => {
    expect(importsOf("client/routes.tsx")).toContain("client/features/document/DocumentPage");
    expect(importsOf("client/app/Layout.tsx")).toContain("client/app/session");
    expect(importsOf("client/app/pole.tsx")).toContain("client/app/strings");
  });
});
