/**
 * Debian's Chromium driven by playwright-core, for the browser tests and the benchmarks
 * alike (no Vitest here, so benchmarks run it under plain tsx).
 */
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

/** Without the background-networking flags Chromium keeps dialling hosts this box cannot reach. */
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs, headless: true });
}
