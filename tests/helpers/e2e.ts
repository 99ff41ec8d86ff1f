/**
 * What every browser test file sets up: one Chromium for the file, the sessions it opens
 * (all closed after the file, and screenshotted when a test fails), and a server that serves
 * the built client with a founded pôle.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import {
  clientDist,
  launchBrowser,
  newSession,
  type Session,
  type SessionOptions,
  screenshotOnFailure,
} from "./browser";
import { client, joinPole, startPole, startTestServer } from "./server";
import type { Endpoint } from "./sync-client";

/** A server serving the built client, with a founded pôle. */
export const startClientPole = () => startPole({ env: { CLIENT_DIST: clientDist() } });

/** A pôle served with the built client, and a member of its steering committee. */
export async function startClientPoleWithMember() {
  const { server, pole } = await startClientPole();
  const member = await joinPole(
    server,
    pole,
    [{ circleId: pole.circles.steering, role: "member" }],
    "Dominique Petit",
  );
  return { server, pole, member };
}

/**
 * A pôle served with the built client and a thematic group, "Réemploi", that its
 * coordinator facilitates and Alice Martin is a member of.
 */
export async function startClientPoleWithGroup() {
  const { server, pole } = await startClientPole();
  const api = client(server.url, pole.coordinator.cookie);
  const circle = await (
    await api(`/api/poles/${pole.poleId}/circles`, { body: { kind: "thematic", name: "Réemploi" } })
  ).json();
  await api(`/api/circles/${circle.id}/members/${pole.coordinator.userId}`, {
    method: "PUT",
    body: { role: "facilitator" },
  });
  const alice = await joinPole(
    server,
    pole,
    [{ circleId: circle.id, role: "member" }],
    "Alice Martin",
  );
  return { server, pole, circleId: circle.id as string, alice };
}

/** A fresh server serving the built client, not set up yet. */
export const startClientServer = () => startTestServer({ env: { CLIENT_DIST: clientDist() } });

/**
 * Registers the file's hooks: Chromium launched before its tests, and closed after them
 * with every session `open` gave; a screenshot of each open page when a test fails.
 */
export function browserSessions() {
  let browser: Browser | undefined;
  const sessions: Session[] = [];
  screenshotOnFailure(() => sessions.map((session) => session.page));
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await Promise.all(sessions.map((session) => session.context.close().catch(() => {})));
    await browser?.close();
  });
  return {
    /** A new session on this server: French, desktop-sized, signed in with `cookie`. */
    async open(server: Endpoint, options: SessionOptions = {}): Promise<Session> {
      if (!browser) throw new Error("Chromium is not launched yet: open pages from tests");
      const session = await newSession(browser, server.url, options);
      sessions.push(session);
      return session;
    },
  };
}

/** Waits until the page's document is synchronised with the server. */
export async function waitConnected(page: Page, timeout = 15_000) {
  await expect
    .poll(() => connection(page).getAttribute("data-state"), {
      timeout,
    })
    .toBe("connected");
}

/** The document's connection state (its `data-state`: connected, syncing, offline…). */
export const connection = (page: Page) => page.locator(".connection[role='status']");

/** The document's editor. */
export const editor = (page: Page) => page.locator(".ProseMirror");

/** Types at the end of the document, on a new line when it is not empty. */
export async function typeAtEnd(page: Page, text: string) {
  // Keys pressed before the editor is editable go nowhere; under load a test once went on
  // without its text, and failed further on for no visible reason.
  await expect.poll(() => editor(page).getAttribute("contenteditable")).toBe("true");
  const blocks = editor(page).locator(":scope > *");
  if ((await blocks.count()) === 0) await editor(page).click();
  else await blocks.last().click();
  await page.keyboard.press("End");
  const current = ((await blocks.last().textContent()) ?? "").trim();
  if (current !== "") await page.keyboard.press("Enter");
  await page.keyboard.type(text);
  await expect.poll(() => editor(page).textContent()).toContain(text);
}

/** A decision page's tally for one choice, as shown (`data-testid='tally'`). */
export const tallyCount = (page: Page, choice: string) =>
  page.locator(`[data-testid='tally'] [data-choice='${choice}'] dd`).textContent();
