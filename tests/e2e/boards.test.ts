/**
 * Project boards in a real Chromium: two members drag cards at the same time and end with
 * the same board; a funding line typed in one page appears in the other and, once stored,
 * in the portfolio; the portfolio's CSV parses.
 */
import { parse } from "csv-parse/sync";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { addCard, readColumns } from "../../shared/board-doc";
import { checkA11y, expectNoPageErrors, inspect, shoot } from "../helpers/browser";
import { browserSessions, startClientPole, waitConnected } from "../helpers/e2e";
import {
  client,
  type FoundedPole,
  joinPole,
  type Person,
  type TestServer,
} from "../helpers/server";
import { closeDocuments, connect } from "../helpers/sync-client";

const sessions = browserSessions();
let server: TestServer;
let pole: FoundedPole;
let alice: Person;
let bruno: Person;
let outsider: Person;
let boardId: string;
let alicePage: Page;
let brunoPage: Page;

const open = async (person: Person) =>
  (await sessions.open(server, { cookie: person.cookie })).page;

async function openBoard(page: Page) {
  await page.goto(`/d/${boardId}`);
  await waitConnected(page);
  await page.locator(".board-card").first().waitFor();
}

/** Card titles per column, as the page shows them. */
const layout = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>("[data-column]")).map((column) => [
      column.dataset.column,
      Array.from(column.querySelectorAll(".board-card .board-card__title")).map((title) =>
        title.textContent?.trim(),
      ),
    ]),
  );

/** A pointer drag from a card's handle to the bottom of another column. */
async function drag(page: Page, title: string, columnId: string) {
  const handle = page.getByRole("button", { name: `Déplacer « ${title} »` });
  const from = await handle.boundingBox();
  const target = await page.locator(`[data-column="${columnId}"] .kanban__list`).boundingBox();
  if (!from || !target) throw new Error("nothing to drag");
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  const steps = 15;
  for (let step = 1; step <= steps; step++) {
    await page.mouse.move(
      from.x + ((target.x + target.width / 2 - from.x) * step) / steps,
      from.y + ((target.y + target.height - 8 - from.y) * step) / steps,
    );
  }
  await page.mouse.up();
}

beforeAll(async () => {
  ({ server, pole } = await startClientPole());
  const api = client(server.url, pole.coordinator.cookie);
  const circle = await (
    await api(`/api/poles/${pole.poleId}/circles`, { body: { kind: "thematic", name: "Réemploi" } })
  ).json();
  const documents: Array<{ id: string; kind: string; circleId: string }> = await (
    await api(`/api/poles/${pole.poleId}/documents`)
  ).json();
  boardId = documents.find((d) => d.kind === "board" && d.circleId === circle.id)?.id ?? "";
  alice = await joinPole(server, pole, [{ circleId: circle.id, role: "member" }], "Alice Durand");
  bruno = await joinPole(
    server,
    pole,
    [{ circleId: circle.id, role: "facilitator" }],
    "Bruno Lefèvre",
  );
  outsider = await joinPole(
    server,
    pole,
    [{ circleId: pole.circles.steering, role: "member" }],
    "Chloé Martin",
  );

  // The board's first projects, written by a Node client as any editor would.
  const { doc } = await connect(server, pole.coordinator, boardId);
  for (const title of ["Ressourcerie", "Atelier vélo", "Conserverie", "Matériauthèque"]) {
    addCard(doc, { title, columnId: readColumns(doc)[0].id });
  }
}, 60_000);

afterAll(async () => {
  closeDocuments();
  await server?.close();
});

describe("project boards in the browser", () => {
  test("two members drag cards at the same time and see the same board", async () => {
    const [a, b] = await Promise.all([open(alice), open(bruno)]);
    [alicePage, brunoPage] = [a, b];
    await Promise.all([openBoard(a), openBoard(b)]);
    await inspect(a, "board", "boards-01-kanban");

    await Promise.all([
      drag(a, "Ressourcerie", "faisabilite"),
      drag(b, "Atelier vélo", "opportunite"),
    ]);
    const expected = (columns: Array<[string | undefined, Array<string | undefined>]>) => {
      const of = (id: string) => columns.find(([column]) => column === id)?.[1] ?? [];
      return (
        of("faisabilite").includes("Ressourcerie") && of("opportunite").includes("Atelier vélo")
      );
    };
    for (const page of [a, b]) {
      await expect
        .poll(async () => expected((await layout(page)) as never), { timeout: 10_000 })
        .toBe(true);
    }
    await expect
      .poll(async () => JSON.stringify(await layout(a)))
      .toBe(JSON.stringify(await layout(b)));
    const titles = ((await layout(a)) as Array<[string, string[]]>).flatMap(([, list]) => list);
    expect(titles.sort()).toEqual([
      "Atelier vélo",
      "Conserverie",
      "Matériauthèque",
      "Ressourcerie",
    ]);

    // By keyboard, with the move announced in French to screen readers.
    const handle = a.getByRole("button", { name: "Déplacer « Conserverie »" });
    const pickUpAndMoveDown = async () => {
      await handle.focus();
      await a.keyboard.press("Space");
      await a.getByText(/Projet « Conserverie » (saisi|au-dessus)/).waitFor();
      await a.keyboard.press("ArrowDown");
      await a
        .getByText(/Projet « Conserverie » au-dessus de la colonne « Idée », position 2/)
        .waitFor({ timeout: 5_000 });
    };
    // Under CI load a pick-up was once lost before the arrow landed (the failure's
    // screenshot: the card focused, nothing held). A person would pick it up again; so
    // does the test, once.
    await pickUpAndMoveDown().catch(async () => {
      await a.keyboard.press("Escape");
      await pickUpAndMoveDown();
    });
    await a.keyboard.press("Space");
    await a.getByText(/Projet « Conserverie » déposé/).waitFor();
    await expect
      .poll(async () => JSON.stringify((await layout(b)).find(([c]) => c === "idee")))
      .toBe(JSON.stringify(["idee", ["Matériauthèque", "Conserverie"]]));

    // The table view lists the same cards, sortable.
    const views = b.locator(".board__toolbar");
    await views.getByRole("button", { name: "Tableau" }).click();
    await b.getByRole("button", { name: "ETP créés" }).click();
    await b.locator("table.data-table tbody tr").first().waitFor();
    expect(await b.locator("table.data-table tbody tr").count()).toBe(4);
    await checkA11y(b, "board table");
    await shoot(b, "boards-02-table");
    await views.getByRole("button", { name: "Colonnes", exact: true }).click();
    expectNoPageErrors(a);
    expectNoPageErrors(b);
  }, 50_000);

  test("a funding line typed in one page appears in the other and in the portfolio", async () => {
    const [a, b] = [alicePage, brunoPage];
    await a.getByRole("button", { name: "Ouvrir la fiche de « Ressourcerie »" }).click();
    const dialog = a.getByRole("dialog", { name: "Ressourcerie" });
    await dialog.waitFor();
    // Bruno sees that Alice has this card open.
    await b.getByText("Alice Durand consulte « Ressourcerie »").waitFor();

    await dialog.getByLabel("Emplois créés (ETP)").fill("-2");
    await dialog.getByText("Saisissez un nombre positif avec une décimale au plus").waitFor();
    await dialog.getByLabel("Emplois créés (ETP)").fill("2,5");
    const form = dialog.locator("form.funding-line--new");
    await form.getByLabel("Financeur").fill("Région Auvergne-Rhône-Alpes");
    await form.getByLabel("Montant (€)").fill("-100");
    await form.getByRole("button", { name: "Ajouter la ligne" }).click();
    await form.getByText("Saisissez un montant positif").waitFor();
    await form.getByLabel("Montant (€)").fill("12 500");
    await form.getByLabel("État").selectOption("granted");
    await form.getByLabel("Année").fill("2026");
    await form.getByRole("button", { name: "Ajouter la ligne" }).click();
    await checkA11y(a, "card dialog");
    await shoot(a, "boards-03-card");

    await b.getByRole("button", { name: "Ouvrir la fiche de « Ressourcerie »" }).click();
    const other = b.getByRole("dialog", { name: "Ressourcerie" });
    await expect
      .poll(() => other.locator(".item-list__item input").first().inputValue(), { timeout: 10_000 })
      .toBe("Région Auvergne-Rhône-Alpes");
    expect(await other.getByLabel("Emplois créés (ETP)").inputValue()).toBe("2,5");
    await other.getByRole("button", { name: "Fermer", exact: true }).click();

    // Once stored, the portfolio (read from the server's projection) has it.
    await b.goto(`/p/${pole.poleId}/portfolio`);
    await b.getByRole("heading", { level: 1, name: "Portefeuille de projets" }).waitFor();
    await expect
      .poll(
        async () => {
          await b.reload();
          await b.locator(".kpis").waitFor();
          return b.locator(".kpis").textContent();
        },
        { timeout: 15_000 },
      )
      .toMatch(/12\s500\s€/);
    expect(await b.locator(".kpis").textContent()).toMatch(/2,5/);
    await b
      .getByRole("cell", { name: /12\s500\s€/ })
      .first()
      .waitFor();
    await inspect(b, "portfolio", "boards-04-portfolio");

    // The CSV export parses, with the figure.
    const response = await b.request.get(`/api/poles/${pole.poleId}/portfolio/export/csv`);
    expect(response.status()).toBe(200);
    const rows: Array<Record<string, string>> = parse(await response.text(), {
      columns: true,
      bom: true,
      delimiter: ";",
    });
    expect(rows.find((row) => row.Projet === "Ressourcerie")).toMatchObject({
      "Groupe thématique": "Réemploi",
      Étape: "Faisabilité",
      "ETP créés": "2,5",
      "Accordé (€)": "12500,00",
    });
    const report = await b.request.get(`/api/poles/${pole.poleId}/portfolio/report`);
    expect(await report.text()).toContain("Ressourcerie");
    expectNoPageErrors(a);
    expectNoPageErrors(b);
  }, 50_000);

  test("someone outside the thematic group reads the board without changing it", async () => {
    const page = await open(outsider);
    await openBoard(page);
    expect(await page.getByRole("button", { name: /^Déplacer/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Ajouter un projet" }).count()).toBe(0);
    await page.getByRole("button", { name: "Ouvrir la fiche de « Ressourcerie »" }).click();
    const dialog = page.getByRole("dialog", { name: "Ressourcerie" });
    expect(await dialog.getByLabel("Titre", { exact: true }).isDisabled()).toBe(true);
    await checkA11y(page, "read-only board");
    expectNoPageErrors(page);
  }, 30_000);
});
