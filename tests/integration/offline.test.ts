/**
 * How the server serves the service worker of the built client: the worker script and its
 * Workbox imports revalidated on every load, never the single-page app in their place, and
 * allowed by the Content-Security-Policy.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { withServer } from "../helpers/fixture";
import { client } from "../helpers/server";

let clientDist: string;

beforeAll(() => {
  clientDist = mkdtempSync(join(tmpdir(), "maillage-client-"));
  mkdirSync(join(clientDist, "assets"));
  writeFileSync(join(clientDist, "index.html"), "<!doctype html><title>Maillage</title>");
  writeFileSync(join(clientDist, "sw.js"), "self.addEventListener('fetch', () => {});");
  writeFileSync(join(clientDist, "workbox-5ffe50d4.js"), "// workbox");
  writeFileSync(join(clientDist, "assets", "index-abc.js"), "// app");
});
afterAll(() => rmSync(clientDist, { recursive: true, force: true }));
// Registered after the client's hooks: starts once it is written, closes before it goes.
const t = withServer(() => ({ env: { CLIENT_DIST: clientDist } }));

const get = (path: string) => client(t.server.url)(path);

describe("the service worker's files", () => {
  test("/sw.js and workbox-*.js are JavaScript revalidated on every load", async () => {
    for (const path of ["/sw.js", "/workbox-5ffe50d4.js"]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type"), path).toMatch(/javascript/);
      expect(response.headers.get("cache-control"), path).toBe("no-cache");
    }
  });

  test("other files keep their caching; a page is not a worker", async () => {
    expect((await get("/assets/index-abc.js")).headers.get("cache-control")).toBeNull();
    expect((await get("/d/some-document")).headers.get("cache-control")).toBeNull();
  });

  test("a missing worker script is a 404, not the single-page app", async () => {
    rmSync(join(clientDist, "sw.js"));
    try {
      for (const path of ["/sw.js", "/workbox-0000.js"]) {
        const response = await get(path);
        expect(response.status, path).toBe(404);
        expect(await response.json(), path).toEqual({
          error: { code: "not_found", message: "Fichier introuvable." },
        });
      }
    } finally {
      writeFileSync(join(clientDist, "sw.js"), "self.addEventListener('fetch', () => {});");
    }
  });

  test("the Content-Security-Policy lets the page run its own worker only", async () => {
    const policy = (await get("/")).headers.get("content-security-policy") ?? "";
    expect(policy).toContain("worker-src 'self'");
    expect(policy).toContain("script-src 'self'");
  });
});
