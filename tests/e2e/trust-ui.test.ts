/**
 * Issue 15 in a real Chromium, point 22: the journal names fields in French, milestone days
 * read as days, two people present never share a colour, the empty board is reachable and
 * says it scrolls sideways, closing a card gives the focus back, and founding a pôle is
 * offered only to those who may.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { colorFor } from "../../client/lib/color";
import { addCard, cardsOf, readColumns } from "../../shared/board-doc";
import { clientDist, expectNoPageErrors, inspect } from "../helpers/browser";
import { browserSessions, startClientPole, waitConnected } from "../helpers/e2e";
import {
  client,
  type FoundedPole,
  joinPole,
  type Person,
  startPole,
  type TestServer,
} from "../helpers/server";
import { closeDocuments, connect, openDocument, synced, waitFor } from "../helpers/sync-client";

const sessions = browserSessions();
let server: TestServer;
let pole: FoundedPole;

const open = async (person: Person, on: TestServer = server) =>
  (await sessions.open(on, { cookie: person.cookie })).page;

async function createThematic(name: string) {
  const api = client(server.url, pole.coordinator.cookie);
  const circle = await (
    await api(`/api/poles/${pole.poleId}/circles`, { body: { kind: "thematic", name } })
  ).json();
  const documents: Array<{ id: string; kind: string; circleId: string }> = await (
    await api(`/api/poles/${pole.poleId}/documents`)
  ).json();
  return {
    circleId: circle.id as string,
    boardId: documents.find((d) => d.kind === "board" && d.circleId === circle.id)?.id ?? "",
  };
}

beforeAll(async () => {
  ({ server, pole } = await startClientPole());
}, 60_000);

describe("22. words, dates, colours and focus", () => {
  test("the journal names the profile's fields in French", async () => {
    const api = client(server.url, pole.coordinator.cookie);
    const profile = await (await api(`/api/poles/${pole.poleId}/profile`)).json();
    const { updatedAt: _, ...body } = profile;
    const saved = await api(`/api/poles/${pole.poleId}/profile`, {
      method: "PUT",
      body: {
        ...body,
        territory: "Vallée de la Drôme",
        communes: ["Crest", "Die"],
        kind: "territoire",
      },
    });
    expect(saved.status).toBe(200);
    const page = await open(pole.coordinator);
    await page.goto(`/p/${pole.poleId}/journal`);
    const row = page.locator("tr[data-action='profile.updated']").first();
    await row.waitFor();
    const text = (await row.textContent()) ?? "";
    expect(text).toContain("Territoire, Communes et EPCI couverts, Nature du pôle");
    expect(text).not.toMatch(/territory|communes,|kind/);
    await inspect(page, "journal");
    expectNoPageErrors(page);
  }, 45_000);

  test("an empty board is reachable, labelled, and says that it scrolls sideways", async () => {
    const { boardId } = await createThematic("Tiers-lieux");
    const page = await open(pole.coordinator);
    await page.goto(`/d/${boardId}`);
    await waitConnected(page);
    const columns = page.getByRole("region", { name: "Colonnes du tableau de projets" });
    await columns.waitFor();
    expect(await columns.getAttribute("tabindex")).toBe("0");
    await page.getByText("Les colonnes défilent de côté").waitFor();
    await columns.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => columns.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    await inspect(page, "empty board");
    expectNoPageErrors(page);
  }, 45_000);

  test("a milestone reads as a day, and closing the card gives the focus back", async () => {
    const { boardId } = await createThematic("Alimentation");
    const { doc } = await connect(server, pole.coordinator, boardId);
    const [column] = readColumns(doc);
    const cardId = addCard(doc, { title: "Légumerie", columnId: column.id });
    const milestones = new Y.Array<Y.Map<unknown>>();
    cardsOf(doc).get(cardId)?.set("milestones", milestones);
    milestones.push([
      new Y.Map<unknown>(
        Object.entries({
          id: "m1",
          title: "Comité de financement",
          date: "2027-03-15",
          done: false,
        }),
      ),
    ]);
    const page = await open(pole.coordinator);
    await page.goto(`/d/${boardId}`);
    await waitConnected(page);
    const opener = page.getByRole("button", { name: "Ouvrir la fiche de « Légumerie »" });
    await opener.click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("15 mars 2027 — Comité de financement").waitFor();
    expect(await dialog.textContent()).not.toContain("2027-03-15");
    await dialog.getByRole("button", { name: "Fermer" }).click();
    await dialog.waitFor({ state: "detached" });
    await expect
      .poll(() => opener.evaluate((element) => element === document.activeElement))
      .toBe(true);
    // With the keyboard: Escape closes it, the focus comes back the same way.
    await opener.press("Enter");
    await dialog.waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await expect
      .poll(() => opener.evaluate((element) => element === document.activeElement))
      .toBe(true);
    closeDocuments();
    expectNoPageErrors(page);
  }, 45_000);

  test("two people present in a document never share a colour", async () => {
    const other = await joinPole(
      server,
      pole,
      [{ circleId: pole.circles.steering, role: "member" }],
      "Basile Morel",
    );
    const page = await open(pole.coordinator);
    await page.goto(`/d/${pole.documents.diagnostic}`);
    await waitConnected(page);
    // Another person arrives with the same colour and an earlier client id: the page moves.
    const visitor = openDocument(server, other, pole.documents.diagnostic, { clientId: 1 });
    await synced(visitor);
    const shared = colorFor(pole.coordinator.userId);
    visitor.provider.awareness.setLocalStateField("user", { name: "Basile Morel", color: shared });
    const colours = () =>
      page
        .locator(".presence__person .avatar")
        .evaluateAll((avatars) =>
          avatars.map((avatar) => getComputedStyle(avatar).backgroundColor),
        );
    await expect.poll(async () => (await colours()).length, { timeout: 15_000 }).toBe(2);
    await expect.poll(async () => new Set(await colours()).size, { timeout: 15_000 }).toBe(2);
    // And the page announces its new colour: the visitor sees it too.
    await waitFor(() => {
      const seen = [...visitor.provider.awareness.getStates().entries()]
        .filter(([id]) => id !== 1)
        .map(([, state]) => (state as { user?: { color?: string } }).user?.color);
      return seen.length > 0 && seen.every((color) => color && color !== shared);
    }, "the page's new colour to reach the visitor");
    closeDocuments();
    expectNoPageErrors(page);
  }, 45_000);
});

describe("22. founding a pôle is offered only to those who may", () => {
  test("with ALLOW_POLE_CREATION=false, a member is not offered it, a coordinator is", async () => {
    const restricted = await startPole({
      env: { CLIENT_DIST: clientDist(), ALLOW_POLE_CREATION: "false" },
    });
    try {
      const member = await joinPole(restricted.server, restricted.pole, []);
      const found = (page: Page) => page.getByRole("button", { name: "Fonder un nouveau pôle" });
      const memberPage = await open(member, restricted.server);
      await memberPage.goto(`/p/${restricted.pole.poleId}`);
      await memberPage.getByRole("heading", { level: 1 }).waitFor();
      await memberPage.getByRole("link", { name: "Portefeuille" }).first().waitFor();
      expect(await found(memberPage).count()).toBe(0);
      const coordinatorPage = await open(restricted.pole.coordinator, restricted.server);
      await coordinatorPage.goto(`/p/${restricted.pole.poleId}`);
      await found(coordinatorPage).waitFor();
      await inspect(memberPage, "home without founding");
    } finally {
      await restricted.server.close();
    }
  }, 45_000);
});

describe("21. a group's life: renamed, archived, restored, deleted, and a project group's page", () => {
  test("from the circle's page to the archives and back", async () => {
    const { circleId, boardId } = await createThematic("Mobilité douce");
    const { doc } = await connect(server, pole.coordinator, boardId);
    const [column] = readColumns(doc);
    const cardId = addCard(doc, { title: "Vélobus", columnId: column.id });
    const reader = await connect(server, pole.coordinator, boardId);
    await waitFor(() => cardsOf(reader.doc).has(cardId), "the card to be stored");
    const api = client(server.url, pole.coordinator.cookie);
    const made = await api(`/api/documents/${boardId}/cards/${cardId}/project-group`, {
      body: { name: "Groupe Vélobus" },
    });
    const { circle, projectDocumentId } = await made.json();
    closeDocuments();

    // The project group's page shows its project: the card, its page, the board.
    const page = await open(pole.coordinator);
    await page.goto(`/p/${pole.poleId}/cercles/${circle.id}`);
    const project = page.getByRole("region", { name: "Le projet" });
    await project.getByText("Vélobus").waitFor();
    expect(await project.getByRole("link", { name: "Page du projet" }).getAttribute("href")).toBe(
      `/d/${projectDocumentId}`,
    );
    await inspect(page, "project group page");

    // The thematic group is renamed, then archived: its board goes to the archives.
    await page.goto(`/p/${pole.poleId}/cercles/${circleId}`);
    await page.getByLabel("Nom du groupe").fill("Mobilités actives");
    await page.getByRole("button", { name: "Renommer" }).click();
    await page.getByRole("heading", { level: 1, name: "Mobilités actives" }).waitFor();
    await page.getByRole("button", { name: "Archiver le groupe" }).click();
    await page.getByRole("alert").getByRole("button", { name: "Archiver" }).click();
    await page.getByRole("heading", { level: 1, name: "Archives" }).waitFor();
    const groups = page.getByRole("region", { name: "Groupes archivés" });
    await groups.getByText("Mobilités actives").waitFor();
    await groups.getByText("Groupe Vélobus").waitFor();
    // Its board and the project group's page: still listed, still readable.
    const documents = page.getByRole("region", { name: "Documents archivés" });
    await expect.poll(() => documents.getByRole("link").count()).toBe(2);
    await inspect(page, "archives");
    // An archived document opens read-only and says where it is.
    await documents.getByRole("link").first().click();
    await page.getByText("Document archivé").waitFor();
    await page.goto(`/p/${pole.poleId}/cercles/${circleId}`);
    await page.getByText("Groupe archivé").waitFor();
    expect(await page.getByRole("button", { name: "Archiver le groupe" }).count()).toBe(0);
    await page.goto(`/p/${pole.poleId}/archives`);

    // Restored from the archives: back among the circles.
    await page.getByRole("button", { name: "Restaurer Mobilités actives" }).click();
    await page.getByText("« Mobilités actives » est restauré.").waitFor();
    await page.goto(`/p/${pole.poleId}/cercles`);
    await page.getByRole("link", { name: "Mobilités actives" }).first().waitFor();
    expectNoPageErrors(page);
  }, 60_000);
});
