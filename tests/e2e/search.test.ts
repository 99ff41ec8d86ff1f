/**
 * Search in a real Chromium: `/` puts the focus in the header's box, the results page lists
 * a registry row with its words marked, and the hit opens the diagnostic at that row. The
 * pages are axe-core clean and hold at 375 px.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { addRow } from "../../shared/diagnostic/writing";
import { expectNoPageErrors, inspect } from "../helpers/browser";
import { browserSessions, startClientPole, waitConnected } from "../helpers/e2e";
import { client, type FoundedPole, type TestServer } from "../helpers/server";
import { closeDocuments, connect, eventually } from "../helpers/sync-client";

const sessions = browserSessions();
let server: TestServer;
let pole: FoundedPole;
let rowId: string;

beforeAll(async () => {
  ({ server, pole } = await startClientPole());
  const diagnostic = await connect(server, pole.coordinator, pole.documents.diagnostic);
  // Many rows before it: the one found must be brought into view, not just be there.
  for (let i = 0; i < 40; i++) addRow(diagnostic.doc, "actors", { name: `Association n° ${i}` });
  rowId = addRow(diagnostic.doc, "actors", {
    name: "Recyclerie de la vallée",
    competencies: "Réemploi et mobilité douce",
  });
  const api = client(server.url, pole.coordinator.cookie);
  await eventually(async () => {
    const hits = await (await api(`/api/poles/${pole.poleId}/search?q=recyclerie`)).json();
    expect(hits).toHaveLength(1);
  });
  closeDocuments();
}, 60_000);

afterAll(async () => {
  closeDocuments();
  await server?.close();
});

describe("search", () => {
  test("the header's search finds a registry row and opens the diagnostic at it", async () => {
    const { page } = await sessions.open(server, { cookie: pole.coordinator.cookie });
    await page.goto(`/p/${pole.poleId}`);
    await page.getByRole("heading", { level: 1 }).waitFor();

    await page.keyboard.press("/");
    const box = page.getByRole("searchbox", { name: "Rechercher dans le pôle" });
    await expect
      .poll(() => box.evaluate((element) => element === document.activeElement))
      .toBe(true);
    await page.keyboard.type("recyclerie vallee");
    await page.keyboard.press("Enter");

    await page.waitForURL(/\/recherche\?q=recyclerie\+vallee/);
    const hit = page.locator(".search-hit").first();
    await hit.waitFor();
    expect(await hit.locator("mark").allTextContents()).toEqual(["Recyclerie", "vallée"]);
    expect(await page.getByRole("status").first().textContent()).toContain("1 résultat");
    await inspect(page, "search results");

    await hit.getByRole("link", { name: "Recyclerie de la vallée" }).click();
    await page.waitForURL(new RegExp(`/d/${pole.documents.diagnostic}\\?registry=actors&row=`));
    await waitConnected(page);
    const row = page.locator(`tr[data-row-id="${rowId}"]`);
    await row.waitFor();
    expect(await row.getAttribute("data-found")).toBe("true");
    expect(
      await page.getByRole("tab", { name: /^Acteurs du territoire/ }).getAttribute("aria-selected"),
    ).toBe("true");
    await expect
      .poll(() => row.evaluate((element) => element.contains(document.activeElement)))
      .toBe(true);
    await inspect(page, "diagnostic opened at a search hit");
    expectNoPageErrors(page);
  });

  test("searching inside the diagnostic lists its rows only", async () => {
    const { page } = await sessions.open(server, { cookie: pole.coordinator.cookie });
    await page.goto(`/d/${pole.documents.diagnostic}`);
    await waitConnected(page);
    await page.getByRole("searchbox", { name: "Rechercher dans ce document" }).fill("douce");
    const hit = page.locator(".search-within .search-hit");
    await hit.first().waitFor();
    expect(await hit.count()).toBe(1);
    expect(await hit.getByRole("link").textContent()).toBe("Recyclerie de la vallée");
    expectNoPageErrors(page);
  });
});
