/**
 * The offline promise in a real Chromium: a document opened once reopens after a reload
 * without a network (shell from the service worker, metadata from its cache, content from
 * y-indexeddb), takes edits, and they reach the server on return. The cached answers are one
 * person's: sign-out deletes them with the person's local copies, and another person's
 * session never gets the first one's.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { addSessionCookie, checkA11y, expectNoPageErrors } from "../helpers/browser";
import {
  browserSessions,
  connection,
  editor,
  startClientPoleWithMember,
  typeAtEnd,
  waitConnected,
} from "../helpers/e2e";
import {
  client,
  type FoundedPole,
  type Person,
  sessionCookie,
  type TestServer,
} from "../helpers/server";

const API_CACHE = "maillage-api";

const sessions = browserSessions();
let server: TestServer;
let pole: FoundedPole;
let member: Person;

/** The paths of the API answers the service worker holds (none when its cache is gone). */
const cachedApiPaths = (page: Page) =>
  page.evaluate(async (name) => {
    if (!(await caches.has(name))) return [];
    const requests = await (await caches.open(name)).keys();
    return requests.map((request) => new URL(request.url).pathname);
  }, API_CACHE);

/** The name `/api/me` has in the service worker's cache, if any. */
const cachedMe = (page: Page) =>
  page.evaluate(async (name) => {
    if (!(await caches.has(name))) return null;
    const answer = await (await caches.open(name)).match("/api/me", { ignoreVary: true });
    return answer ? ((await answer.json()) as { user: { name: string } }).user.name : null;
  }, API_CACHE);

const databases = (page: Page) =>
  page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name ?? ""));

/** The document's Markdown as the server has it. */
const serverCopy = async (documentId: string) =>
  (
    await client(server.url, pole.coordinator.cookie)(`/api/documents/${documentId}/export/md`)
  ).text();

/** A session of its own, for a test that signs out. */
async function signIn(person: Person) {
  const response = await client(server.url)("/api/auth/login", {
    body: { email: person.email, password: person.password },
  });
  return sessionCookie(response);
}

/** Opens a document online and waits until the service worker keeps what reopening it needs. */
async function openOnline(page: Page, documentId: string) {
  await page.goto(`/d/${documentId}`);
  await waitConnected(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);
  await expect
    .poll(() => cachedApiPaths(page))
    .toEqual(expect.arrayContaining(["/api/me", `/api/documents/${documentId}`]));
}

beforeAll(async () => {
  ({ server, pole, member } = await startClientPoleWithMember());
}, 60_000);

afterAll(() => server?.close());

describe("offline", () => {
  test("a document opened before reopens offline after a reload, takes edits, merges on return", async () => {
    const { context, page } = await sessions.open(server, { cookie: pole.coordinator.cookie });
    const documentId = pole.documents.charter;
    await openOnline(page, documentId);
    // The pôle's home, seen once online, for the way back below.
    await page.goto(`/p/${pole.poleId}`);
    await page.locator(".doc-card").first().waitFor();
    await openOnline(page, documentId);
    await typeAtEnd(page, "Écrit en ligne.");
    await expect
      .poll(() => serverCopy(documentId), { timeout: 10_000 })
      .toContain("Écrit en ligne.");

    await context.setOffline(true);
    // Out of reach for the worker too: an answer it never kept fails.
    expect(
      await page.evaluate(() =>
        fetch("/api/health").then(
          () => "answered",
          () => "failed",
        ),
      ),
    ).toBe("failed");
    await page.reload();
    await editor(page).getByText("Écrit en ligne.").waitFor();
    await page.getByRole("heading", { level: 1, name: "Charte de gouvernance" }).waitFor();
    await expect.poll(() => connection(page).getAttribute("data-state")).toBe("offline");
    expect(await editor(page).getAttribute("contenteditable")).toBe("true");
    await typeAtEnd(page, "Ajouté hors ligne.");
    await editor(page).getByText("Ajouté hors ligne.").waitFor();
    await checkA11y(page, "document reopened offline");
    expect(await serverCopy(documentId)).not.toContain("Ajouté hors ligne.");

    // A page seen before shows its last state offline, and leads back to the document.
    await page.getByRole("navigation", { name: "Fil d'Ariane" }).getByRole("link").click();
    await page.getByRole("heading", { level: 1, name: "Pôle Vallée de la Drôme" }).waitFor();
    await checkA11y(page, "home offline");
    await page.getByRole("link", { name: "Charte de gouvernance" }).click();
    await editor(page).getByText("Ajouté hors ligne.").waitFor();

    await context.setOffline(false);
    await waitConnected(page);
    await expect
      .poll(() => serverCopy(documentId), { timeout: 10_000 })
      .toContain("Ajouté hors ligne.");
    expectNoPageErrors(page);
  }, 60_000);

  test("sign-out deletes the person's local copies and cached answers, not the shell", async () => {
    const { page } = await sessions.open(server, { cookie: await signIn(pole.coordinator) });
    await openOnline(page, pole.documents.diagnostic);
    const copy = `maillage:${pole.coordinator.userId}:${pole.documents.diagnostic}`;
    expect(await databases(page)).toContain(copy);

    await page.getByRole("button", { name: "Connecté·e : Camille Martin" }).click();
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL(/\/login/);
    await expect
      .poll(async () => (await databases(page)).filter((name) => name.startsWith("maillage:")))
      .toEqual([]);
    expect(await cachedApiPaths(page)).toEqual([]);
    const kept = await page.evaluate(() => caches.keys());
    expect(kept.some((name) => name.startsWith("workbox-precache"))).toBe(true);
    await checkA11y(page, "sign-in after sign-out");
    expectNoPageErrors(page);
  }, 60_000);

  test("another person's session drops the first person's cached answers", async () => {
    const { context, page } = await sessions.open(server, { cookie: pole.coordinator.cookie });
    await openOnline(page, pole.documents.diagnostic);
    expect(await cachedMe(page)).toBe("Camille Martin");

    // The session changes without this app's sign-out (it expired, another tab signed in).
    await context.clearCookies();
    await addSessionCookie(context, server.url, member.cookie);
    await openOnline(page, pole.documents.charter);
    expect(await cachedMe(page)).toBe("Dominique Petit");
    expect(await cachedApiPaths(page)).not.toContain(`/api/documents/${pole.documents.diagnostic}`);

    // Offline, the page is the member's.
    await context.setOffline(true);
    await page.reload();
    await page.getByRole("button", { name: "Connecté·e : Dominique Petit" }).waitFor();
    await editor(page).waitFor();
    await context.setOffline(false);
    expectNoPageErrors(page);
  }, 60_000);
});
