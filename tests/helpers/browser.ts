/**
 * Browser helpers for tests/e2e: the system Chromium driven by playwright-core, sessions
 * from API cookies, axe-core checks, a narrow-screen check, screenshots on failure.
 */
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AxeResults } from "axe-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { beforeEach, expect, inject } from "vitest";

const require = createRequire(import.meta.url);

export { launchBrowser } from "./chromium";

/** The built client the test servers serve (see global-setup.ts). */
export function clientDist(): string {
  const fromEnv = process.env.CLIENT_DIST;
  if (fromEnv) return fromEnv;
  const provided = inject("clientDist");
  if (!provided)
    throw new Error("CLIENT_DIST is unknown: is tests/helpers/global-setup.ts in globalSetup?");
  return provided;
}

export const DESKTOP = { width: 1280, height: 900 } as const;
export const NARROW = { width: 375, height: 812 } as const;

export interface Session {
  context: BrowserContext;
  page: Page;
}

export interface SessionOptions {
  cookie?: string;
  viewport?: { width: number; height: number };
  /** The browser's language; French unless a test shows the interface does not follow it. */
  locale?: string;
}

/** A new context (French, desktop size) with an optional session cookie, and one page. */
export async function newSession(
  browser: Browser,
  baseUrl: string,
  options: SessionOptions = {},
): Promise<Session> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: options.viewport ?? DESKTOP,
    locale: options.locale ?? "fr-FR",
  });
  if (options.cookie) await addSessionCookie(context, baseUrl, options.cookie);
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  watchErrors(page);
  return { context, page };
}

const pageErrors = new WeakMap<Page, string[]>();

/** Collects uncaught exceptions and Content-Security-Policy violations of a page. */
export function watchErrors(page: Page) {
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
      errors.push(`CSP: ${message.text()}`);
    }
  });
}

/** Fails when the page threw an uncaught exception or broke the CSP. */
export function expectNoPageErrors(page: Page) {
  expect(pageErrors.get(page) ?? [], `errors in ${page.url()}`).toEqual([]);
}

/** Adds a `name=value` session cookie (as returned by tests/helpers/server.ts) to a context. */
export async function addSessionCookie(context: BrowserContext, baseUrl: string, cookie: string) {
  const separator = cookie.indexOf("=");
  await context.addCookies([
    {
      name: cookie.slice(0, separator),
      value: cookie.slice(separator + 1),
      url: baseUrl,
      httpOnly: true,
      sameSite: "Lax",
    },
  ]);
}

declare global {
  interface Window {
    axe?: { run(context: Document, options: object): Promise<AxeResults> };
  }
}

let axeSource: string | undefined;

/**
 * Runs axe-core on the page; fails on serious or critical violations, listing them.
 * The pages run under the server's Content-Security-Policy (script-src 'self'), which
 * blocks the inline <script> that `page.addScriptTag` would add, so axe-core
 * (node_modules/axe-core/axe.min.js) is evaluated through the DevTools protocol instead,
 * which the policy does not apply to; the policy stays on so that tests catch violations.
 */
export async function checkA11y(page: Page, label = page.url()) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== "undefined");
  if (!hasAxe) {
    axeSource ??= readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
    await page.evaluate(axeSource);
  }
  const results = await page.evaluate(async () => {
    if (!window.axe) throw new Error("axe-core did not load");
    const run = await window.axe.run(document, {
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
      },
      resultTypes: ["violations"],
    });
    return run.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? "unknown",
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => ({
        target: node.target.join(" "),
        summary: node.failureSummary ?? "",
      })),
    }));
  });
  const blocking = results.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = blocking
    .map(
      (v) =>
        `- ${v.id} [${v.impact}] ${v.help}\n${v.nodes
          .map((n) => `    at ${n.target}\n      ${n.summary.replace(/\n/g, "\n      ")}`)
          .join("\n")}`,
    )
    .join("\n");
  expect(blocking, `accessibility violations on ${label}:\n${report}`).toEqual([]);
}

/** The page has no horizontal scroll at 375 px wide; the viewport is restored after. */
export async function checkNarrow(page: Page, label = page.url()) {
  const before = page.viewportSize();
  await page.setViewportSize(NARROW);
  try {
    const widths = await page.evaluate(() => ({
      scroll: document.scrollingElement?.scrollWidth ?? 0,
      client: document.scrollingElement?.clientWidth ?? 0,
    }));
    expect(widths.scroll, `horizontal scroll at 375 px on ${label}`).toBeLessThanOrEqual(
      NARROW.width,
    );
  } finally {
    if (before) await page.setViewportSize(before);
  }
}

/** Axe and the 375 px check on one page, then (with MAILLAGE_SHOTS) its screenshots. */
export async function inspect(page: Page, label: string, shot?: string) {
  await checkA11y(page, label);
  await checkNarrow(page, label);
  if (shot) await shoot(page, shot);
}

/**
 * Registers a hook that, when a test fails, saves a PNG of each page `pages()` returns into
 * a temporary folder and prints its path.
 */
export function screenshotOnFailure(pages: () => Iterable<Page>) {
  let folder: string | undefined;
  beforeEach((context) => {
    context.onTestFailed(async () => {
      folder ??= mkdtempSync(join(tmpdir(), "maillage-e2e-failure-"));
      const name = context.task.name.replace(/[^a-z0-9]+/gi, "-").slice(0, 60);
      let index = 0;
      for (const page of pages()) {
        if (page.isClosed()) continue;
        index++;
        const path = join(folder, `${name}-${index}.png`);
        try {
          await page.screenshot({ path, fullPage: true, timeout: 5000 });
          console.error(`[e2e] screenshot of ${page.url()} after the failure: ${path}`);
        } catch (error) {
          console.error(`[e2e] could not screenshot ${page.url()}: ${String(error)}`);
        }
      }
    });
  });
}

/**
 * With MAILLAGE_SHOTS set (e.g. MAILLAGE_SHOTS=/tmp/maillage-shots), saves the page at 1280
 * and 375 px wide, for a person to look at. Does nothing otherwise.
 */
export async function shoot(page: Page, name: string) {
  const folder = process.env.MAILLAGE_SHOTS;
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  const before = page.viewportSize();
  for (const viewport of [DESKTOP, NARROW]) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(100);
    await page.screenshot({ path: join(folder, `${name}-${viewport.width}.png`), fullPage: true });
  }
  if (before) await page.setViewportSize(before);
}
