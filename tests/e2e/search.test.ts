/**
 * Search in a real Chromium: `/` puts the focus in the header's box, the results page lists
 * a registry row with its words marked, and the hit opens the diagnostic at that row. The
 * pages are axe-core clean and hold at 375 px.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { SearchHit, SearchResults } from "../../shared/api/search";
import { addCard, readColumns } from "../../shared/board-doc";
import { addRow } from "../../shared/diagnostic/writing";
import { expectNoPageErrors, inspect } from "../helpers/browser";
import { browserSessions, startClientPole, waitConnected } from "../helpers/e2e";
import { client, type FoundedPole, type TestServer } from "../helpers/server";
import { closeDocuments, connect, eventually, writeParagraph } from "../helpers/sync-client";

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
    await inspect(page, "search results", "search-results");

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

  test("a card hit opens its card, a text hit scrolls to its paragraph", async () => {
    const api = client(server.url, pole.coordinator.cookie);
    const circle = await (
      await api(`/api/poles/${pole.poleId}/circles`, {
        body: { kind: "thematic", name: "Réemploi" },
      })
    ).json();
    const documents: Array<{ id: string; kind: string; circleId: string }> = await (
      await api(`/api/poles/${pole.poleId}/documents`)
    ).json();
    const boardId = documents.find((d) => d.kind === "board" && d.circleId === circle.id)?.id ?? "";
    const board = await connect(server, pole.coordinator, boardId);
    addCard(board.doc, {
      title: "Atelier vélo solidaire",
      columnId: readColumns(board.doc)[0]?.id ?? "",
    });
    const page = await connect(server, pole.coordinator, pole.documents.charter);
    for (let i = 0; i < 30; i++) writeParagraph(page.doc, `Article ${i} de la charte.`);
    writeParagraph(page.doc, "La gouvernance partagée des communs numériques.");
    const search = async (q: string) =>
      (await (await api(`/api/poles/${pole.poleId}/search?q=${q}`)).json()) as SearchResults;
    const [card, text] = await eventually(async () => {
      const found = [(await search("velo"))[0], (await search("communs"))[0]];
      expect(found.map((hit) => hit?.kind)).toEqual(["card", "paragraph"]);
      return found as [SearchHit, SearchHit];
    });
    closeDocuments();

    const { page: tab } = await sessions.open(server, { cookie: pole.coordinator.cookie });
    await tab.goto(`/d/${card.documentId}?${card.anchor}`);
    await tab.getByRole("dialog", { name: /Atelier vélo solidaire/ }).waitFor();

    await tab.goto(`/d/${text.documentId}?${text.anchor}`);
    // The block is scrolled into view, and a frame laid over it marks it.
    await tab.locator("[data-found-over]").waitFor();
    const paragraph = tab.locator(".ProseMirror > p", {
      hasText: "La gouvernance partagée des communs numériques.",
    });
    const [frame, block] = await Promise.all([
      tab.locator("[data-found-over]").boundingBox(),
      paragraph.boundingBox(),
    ]);
    expect(frame?.y).toBeCloseTo(block?.y ?? -1, 0);
    expect(
      await paragraph.evaluate((element) => {
        const box = element.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      }),
    ).toBe(true);
    expectNoPageErrors(tab);
  });
});
