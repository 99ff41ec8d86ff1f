/**
 * The diagnostic's registries in a real Chromium: two steering members co-editing an actor
 * row with presence, votes on a finding tallied live, a theme becoming a thematic group,
 * the completeness panel following the minimum, and a read-only observer.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { addRow, findRowMap } from "../../shared/diagnostic/writing";
import { checkA11y, expectNoPageErrors, inspect, shoot } from "../helpers/browser";
import { browserSessions, startClientPole, waitConnected } from "../helpers/e2e";
import {
  client,
  type FoundedPole,
  joinPole,
  type Person,
  type TestServer,
} from "../helpers/server";
import { closeDocuments, connect, type OpenDocument } from "../helpers/sync-client";

const sessions = browserSessions();
let server: TestServer;
let pole: FoundedPole;
let member: Person;
let observer: Person;
let seeder: OpenDocument;

/** The diagnostic, open and synchronised in a new session of this person. */
async function open(person: Person) {
  const { page } = await sessions.open(server, { cookie: person.cookie });
  await page.goto(`/d/${pole.documents.diagnostic}`);
  await waitConnected(page);
  await page.locator(".diagnostic").waitFor();
  return page;
}

const tab = (page: Page, name: RegExp) => page.getByRole("tab", { name }).click();
const criterion = (page: Page, key: string) =>
  page.locator(`.criterion[data-criterion="${key}"]`).getAttribute("data-met");

beforeAll(async () => {
  ({ server, pole } = await startClientPole());
  const steering = pole.circles.steering;
  member = await joinPole(
    server,
    pole,
    [{ circleId: steering, role: "member" }],
    "Dominique Petit",
  );
  observer = await joinPole(
    server,
    pole,
    [{ circleId: steering, role: "observer" }],
    "Sacha Observe",
  );
  seeder = await connect(server, pole.coordinator, pole.documents.diagnostic);
}, 60_000);

afterAll(async () => {
  closeDocuments();
  await server?.close();
});

describe("the diagnostic's registries", () => {
  let a: Page;
  let b: Page;

  test("two steering members edit the same actor row and see each other's edits and presence", async () => {
    [a, b] = await Promise.all([open(pole.coordinator), open(member)]);
    await inspect(a, "diagnostic");

    await Promise.all([tab(a, /^Acteurs du territoire/), tab(b, /^Acteurs du territoire/)]);
    await a.getByRole("button", { name: "Ajouter un acteur" }).click();
    // The new row gets the focus: A types its name.
    const rowA = a.locator(".reg__table--actors tr[data-row-id]").first();
    const rowId = await rowA.getAttribute("data-row-id");
    if (!rowId) throw new Error("no row");
    const rowB = b.locator(`tr[data-row-id="${rowId}"]`);
    await rowB.waitFor();
    await a.keyboard.type("Recyclerie du Diois");

    // B goes into another field of the same row: each sees the other on it.
    await rowB.getByRole("textbox", { name: /^Compétences/ }).click();
    await expect
      .poll(() => a.locator(`tr[data-row-id="${rowId}"]`).getAttribute("data-editing"))
      .toBe("Dominique Petit");
    await expect.poll(() => rowB.getAttribute("data-editing")).toBe("Camille Martin");
    await b.keyboard.type("Réparation, tri, vente");

    // Both commit (blur, Enter): both edits are kept on both pages.
    await a.keyboard.press("Enter");
    await b.keyboard.press("Tab");
    for (const page of [a, b]) {
      const row = page.locator(`tr[data-row-id="${rowId}"]`);
      await expect
        .poll(() => row.getByRole("textbox", { name: /^Nom/ }).inputValue())
        .toBe("Recyclerie du Diois");
      await expect
        .poll(() => row.getByRole("textbox", { name: /^Compétences/ }).inputValue())
        .toBe("Réparation, tri, vente");
    }
    // A choice is committed at once.
    await a
      .locator(`tr[data-row-id="${rowId}"]`)
      .getByRole("combobox", { name: /^État du contact/ })
      .selectOption("met");
    await expect
      .poll(() => rowB.getByRole("combobox", { name: /^État du contact/ }).inputValue())
      .toBe("met");

    // A value that does not fit is refused before it is written.
    await tab(a, /^Grandes tendances/);
    await a.getByRole("button", { name: "Ajouter une tendance" }).click();
    await a.keyboard.type("Taux de chômage");
    const year = a
      .locator(".reg__table--trends tr[data-row-id]")
      .first()
      .getByRole("textbox", {
        name: /^Année/,
      });
    await year.fill("vingt");
    await year.press("Enter");
    await a.getByText("Année attendue, sur quatre chiffres.").waitFor();
    await checkA11y(a, "diagnostic with an invalid field");
    await shoot(a, "diagnostic/01-actors");
    await year.fill("");
    await year.press("Enter");

    // B types in that row while A deletes it: B is told, nothing breaks.
    await tab(b, /^Grandes tendances/);
    await b
      .locator(".reg__table--trends tr[data-row-id]")
      .first()
      .getByRole("textbox", { name: /^Unité/ })
      .click();
    await b.keyboard.type("pour cent");
    const trendA = a.locator(".reg__table--trends tr[data-row-id]").first();
    await trendA.getByRole("button", { name: /^Supprimer/ }).click();
    await trendA.getByRole("button", { name: /^Confirmer la suppression/ }).click();
    await b.getByText("La ligne que vous modifiiez vient d'être supprimée").waitFor();
    // The notice and the table's update may land in different renders.
    await expect.poll(() => b.locator(".reg__table--trends tr[data-row-id]").count()).toBe(0);
    expectNoPageErrors(a);
    expectNoPageErrors(b);
  }, 45_000);

  test("the completeness panel follows the minimum; a finding's votes are tallied live", async () => {
    await expect.poll(() => criterion(a, "trends")).toBe("false");
    // Trends and actor profiles arrive from another client.
    seeder.doc.transact(() => {
      for (const [title, y, value] of [
        ["Taux de chômage", 2020, 9.1],
        ["Taux de chômage", 2023, 8.4],
        ["Emplois de l'ESS", 2023, 1450],
      ] as const) {
        addRow(seeder.doc, "trends", {
          title,
          year: y,
          value,
          unit: title.includes("Taux") ? "%" : "",
        });
      }
    });
    await expect.poll(() => criterion(a, "trends")).toBe("true");
    await expect.poll(() => criterion(b, "trends")).toBe("true");
    expect(await criterion(a, "actorProfiles")).toBe("false");
    seeder.doc.transact(() => {
      for (let i = 1; i <= 5; i++) {
        addRow(seeder.doc, "actors", {
          name: `Structure ${i}`,
          competencies: "Accompagnement",
          problems: "Locaux trop chers",
          vision: "Coopérer à l'échelle du bassin de vie",
        });
      }
    });
    await expect.poll(() => criterion(a, "actorProfiles")).toBe("true");
    await expect.poll(() => criterion(a, "actors")).toBe("true");
    expect(await criterion(a, "sharedFinding")).toBe("false");
    await tab(a, /^Grandes tendances/);
    await a.locator(".trend-chart").first().waitFor();
    await shoot(a, "diagnostic/02-trends");

    // A finding, voted on by two members.
    await Promise.all([tab(a, /^Constats partagés/), tab(b, /^Constats partagés/)]);
    await a.getByRole("button", { name: "Ajouter un constat" }).click();
    const findingA = a.locator(".finding").first();
    await findingA
      .getByRole("textbox", { name: /^Constat/ })
      .fill("La vacance commerciale progresse");
    await findingA.getByRole("textbox", { name: /^Constat/ }).press("Enter");
    const findingB = b.locator(".finding").first();
    await expect
      .poll(() => findingB.getByRole("textbox", { name: /^Constat/ }).inputValue())
      .toBe("La vacance commerciale progresse");

    await findingA.getByRole("radio", { name: "D'accord", exact: true }).check();
    await expect
      .poll(() => findingB.locator(".finding__tally").getAttribute("data-tally"))
      .toBe("1-0-0");
    await findingB.getByRole("textbox", { name: "Commentaire (facultatif)" }).fill("Vu en réunion");
    await findingB.getByRole("radio", { name: "Réservé" }).check();
    await expect
      .poll(() => findingA.locator(".finding__tally").getAttribute("data-tally"))
      .toBe("1-1-0");
    expect(await findingA.getAttribute("data-state")).toBe("debated");
    // B changes their mind: two agree, the finding is shared, the minimum is met.
    await findingB.getByRole("radio", { name: "D'accord", exact: true }).check();
    await expect
      .poll(() => findingA.locator(".finding__tally").getAttribute("data-tally"))
      .toBe("2-0-0");
    await expect.poll(() => findingA.getAttribute("data-state")).toBe("shared");
    await expect.poll(() => criterion(a, "sharedFinding")).toBe("true");
    await expect.poll(() => a.locator(".completeness").getAttribute("data-met")).toBe("4");
    await findingA.locator(".finding__votes summary").click();
    await findingA.getByText("Vu en réunion").waitFor();
    await inspect(a, "findings", "diagnostic/03-findings");
  }, 45_000);

  test("a theme becomes a thematic group, linked both ways", async () => {
    await Promise.all([tab(a, /^Thématiques retenues/), tab(b, /^Thématiques retenues/)]);
    await a.getByLabel("Nouvelle thématique").fill("Réemploi");
    await a.getByRole("button", { name: "Ajouter", exact: true }).click();
    const themeB = b.locator(".theme").filter({ hasText: "Réemploi" });
    await themeB.waitFor();
    // Only coordinators create groups: the steering member is told so.
    await themeB.getByText("Seuls les coordinateurs créent les groupes thématiques.").waitFor();

    await a.getByRole("button", { name: "Créer le groupe thématique" }).click();
    await a.getByText("Groupe thématique : Réemploi").waitFor();
    await themeB.getByText(/Groupe thématique :/).waitFor();
    const links: Array<{ circleId: string; circleName: string }> = await (
      await client(server.url, pole.coordinator.cookie)(`/api/poles/${pole.poleId}/theme-circles`)
    ).json();
    expect(links.map((link) => link.circleName)).toEqual(["Réemploi"]);
    const circles: Array<{ id: string; kind: string }> = await (
      await client(server.url, pole.coordinator.cookie)(`/api/poles/${pole.poleId}/circles`)
    ).json();
    expect(circles.find((circle) => circle.id === links[0].circleId)?.kind).toBe("thematic");
    await a.getByRole("link", { name: "Ouvrir le tableau des projets" }).waitFor();
    await checkA11y(a, "themes");
    await shoot(a, "diagnostic/04-themes");
    expectNoPageErrors(a);
    expectNoPageErrors(b);
  }, 30_000);

  test("an observer reads everything, edits nothing, and sees malformed rows as such", async () => {
    const bad = new Y.Map<unknown>();
    bad.set("id", "bad-actor");
    bad.set("name", "Ancienne fiche");
    bad.set("contact", "peut-être");
    seeder.doc.getArray("actors").push([bad, "pas une ligne"]);

    const page = await open(observer);
    await tab(page, /^Acteurs du territoire/);
    const table = page.locator(".reg__table--actors");
    await table.locator("tr[data-row-id]").first().waitFor();
    expect(await table.locator("input, textarea, select").count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Ajouter/ }).count()).toBe(0);
    expect(await table.getByText("Recyclerie du Diois").count()).toBe(1);
    await expect.poll(() => table.locator("tr[data-malformed]").count()).toBe(2);
    expect(await table.locator("tr[data-malformed]").first().textContent()).toContain(
      "Ligne illisible",
    );
    // The editors' page shows them too, without breaking.
    await expect
      .poll(() => a.locator("#diagnostic-tab-actors .diagnostic__count").textContent())
      .toBe("8");
    await tab(page, /^Constats partagés/);
    expect(await page.getByRole("radio").count()).toBe(0);
    await page.getByText("D'accord : 2 · Réservé : 0 · Pas d'accord : 0").waitFor();
    await inspect(page, "diagnostic read-only");
    await tab(page, /^Acteurs du territoire/);
    await shoot(page, "diagnostic/05-read-only");
    // Cleaning up the malformed rows from an editor's page.
    expect(findRowMap(seeder.doc, "actors", "bad-actor")).toBeDefined();
    expectNoPageErrors(page);
  }, 30_000);
});
