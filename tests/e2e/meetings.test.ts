/**
 * A meeting run by two people in two windows of a real Chromium: the facilitator plans it
 * from the circle's page; the member answers (représentée, then ticked on arrival); the
 * facilitator runs the timer, reorders and links the agenda, and the member's window
 * follows; both write the minutes embedded in the meeting's page; a decision opens from an
 * item; a task becomes a card of the group's board; closing freezes the minutes in both
 * windows. Every page passes axe and fits 375 px.
 */
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { addCard, readColumns } from "../../shared/board-doc";
import { expectNoPageErrors, inspect as inspectPage } from "../helpers/browser";
import {
  browserSessions,
  editor,
  startClientPoleWithGroup,
  typeAtEnd,
  waitConnected,
} from "../helpers/e2e";
import { client, type FoundedPole, type Person, type TestServer } from "../helpers/server";
import { closeDocuments, connect } from "../helpers/sync-client";

const sessions = browserSessions();
let server: TestServer;
let pole: FoundedPole;
let alice: Person;
let circleId: string;

const open = async (cookie: string) => (await sessions.open(server, { cookie })).page;
const inspect = (page: Page, name: string) => inspectPage(page, name, `meetings-${name}`);
const agendaTitles = (page: Page) =>
  page.locator(".agenda__title strong").evaluateAll((nodes) => nodes.map((n) => n.textContent));

beforeAll(async () => {
  ({ server, pole, circleId, alice } = await startClientPoleWithGroup());
  // A project on the group's board, for an agenda item to point to.
  const documents: Array<{ id: string; kind: string; circleId: string | null }> = await (
    await client(server.url, pole.coordinator.cookie)(`/api/poles/${pole.poleId}/documents`)
  ).json();
  const board = documents.find((d) => d.kind === "board" && d.circleId === circleId);
  const opened = await connect(server, pole.coordinator, board?.id ?? "");
  addCard(opened.doc, {
    title: "Ressourcerie mobile",
    columnId: readColumns(opened.doc)[0]?.id ?? "",
  });
}, 60_000);

afterEach(() => closeDocuments());
afterAll(() => server?.close());

describe("meetings in the browser", () => {
  test("run live by two people: timer, agenda, minutes, decision, task to card, close", async () => {
    const facilitator = await open(pole.coordinator.cookie);
    await facilitator.goto(`/p/${pole.poleId}/cercles/${circleId}`);
    await facilitator.getByText("Aucune réunion planifiée.").waitFor();
    await facilitator.getByRole("button", { name: "Planifier une réunion" }).click();
    await facilitator.getByRole("button", { name: "Planifier", exact: true }).click();
    await facilitator.getByText("Ce champ est obligatoire.").waitFor();
    await facilitator.getByLabel("Intitulé").fill("Groupe réemploi de janvier");
    await facilitator.getByLabel("Début").fill("2030-01-15T18:00");
    await facilitator.getByLabel("Lieu").fill("Recyclerie de Crest");
    await inspect(facilitator, "plan-form");
    await facilitator.getByRole("button", { name: "Planifier", exact: true }).click();
    await facilitator
      .getByRole("heading", { level: 1, name: "Groupe réemploi de janvier" })
      .waitFor();
    await facilitator.getByText("Approbation du compte rendu précédent").first().waitFor();
    const meetingUrl = facilitator.url();

    // Alice is represented by Camille, then ticked on arrival: both windows follow.
    const member = await open(alice.cookie);
    await member.goto(meetingUrl);
    await member.getByRole("button", { name: "Répondre" }).click();
    await member.getByText("Choisissez votre réponse.").waitFor();
    await member.getByLabel("représenté·e par…").check();
    await member.getByRole("button", { name: "Répondre" }).click();
    await member.locator(".field__error", { hasText: "Choisissez un membre du cercle" }).waitFor();
    await member
      .getByLabel("Membre du cercle qui vous représente")
      .selectOption({ label: "Camille Martin" });
    await member.getByRole("button", { name: "Répondre" }).click();
    await facilitator.getByText("Alice Martin : représenté·e par Camille Martin").waitFor();
    await facilitator.getByRole("button", { name: "Arrivé·e : Alice Martin" }).click();
    await member.getByText("Alice Martin : présent·e").waitFor();

    // The timer, started by the facilitator, runs in Alice's window too.
    await facilitator.getByRole("button", { name: "Démarrer le premier point" }).click();
    await member.getByText("Point en cours : Approbation du compte rendu précédent").waitFor();
    await facilitator.getByRole("button", { name: "Point suivant" }).click();
    await member.getByText("Point en cours : Avancement des projets").waitFor();
    await expect
      .poll(() => member.getByRole("timer").textContent(), { timeout: 5000 })
      .not.toBe("0:00");

    // Reordered with the keyboard; the focus stays on the button that was pressed.
    const up = facilitator.getByRole("button", { name: "Monter : Prochaines dates" });
    await up.focus();
    await facilitator.keyboard.press("Enter");
    await facilitator.getByText("« Prochaines dates » est maintenant le point 3.").waitFor();
    await expect
      .poll(() => agendaTitles(member))
      .toEqual([
        "Approbation du compte rendu précédent",
        "Avancement des projets",
        "Prochaines dates",
        "Décisions",
      ]);
    expect(
      await facilitator.evaluate(() => document.activeElement?.getAttribute("aria-label")),
    ).toBe("Monter : Prochaines dates");
    await facilitator
      .getByRole("button", { name: "Retirer de l'ordre du jour : Prochaines dates" })
      .click();
    await expect.poll(() => agendaTitles(member)).toHaveLength(3);

    // An item points to a project card; Alice sees it as a link.
    await facilitator
      .getByRole("button", {
        name: "Lier un besoin, une carte, un amendement au point « Avancement des projets »",
      })
      .click();
    const target = facilitator.getByRole("combobox", { name: "Élément à lier" });
    await expect
      .poll(() => target.locator("option", { hasText: "Ressourcerie mobile" }).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    await target.selectOption({ label: "Ressourcerie mobile" });
    await facilitator.getByRole("button", { name: "Lier", exact: true }).click();
    await member.getByRole("link", { name: "Ressourcerie mobile" }).waitFor();

    // Both write the minutes, in the meeting's page.
    await waitConnected(facilitator);
    await waitConnected(member);
    // One after the other: typing into the same last paragraph at once interleaves the two
    // sentences (both pages still converge, but on a text neither typed).
    await typeAtEnd(facilitator, "Le compte rendu de décembre est approuvé.");
    await editor(member).getByText("Le compte rendu de décembre est approuvé.").waitFor();
    await typeAtEnd(member, "Trois projets avancent bien.");
    await editor(facilitator).getByText("Trois projets avancent bien.").waitFor();

    // A decision from an item; a task that becomes a card of the group's board.
    await facilitator
      .getByRole("listitem")
      .filter({ hasText: /^Décisions/ })
      .getByRole("button", { name: "Ouvrir une décision (consentement)" })
      .click();
    await member.getByRole("link", { name: "Décision : en cours" }).waitFor();
    await facilitator.getByLabel("Quoi").fill("Chiffrer la légumerie");
    await facilitator.getByLabel("Qui").selectOption({ label: "Alice Martin" });
    await facilitator.getByRole("button", { name: "Ajouter la tâche" }).click();
    await member.getByText("Chiffrer la légumerie — Alice Martin").waitFor();
    await facilitator
      .getByRole("button", { name: "En faire une carte du tableau : « Chiffrer la légumerie »" })
      .click();
    await member.getByRole("link", { name: "Voir la carte : « Chiffrer la légumerie »" }).waitFor();
    await inspect(facilitator, "meeting-running");
    await inspect(member, "meeting-running-member");

    await facilitator.getByRole("button", { name: "Clore la réunion" }).click();
    await facilitator.getByText("Réunion close : le compte rendu est figé.").waitFor();
    await member.getByText("Réunion close : le compte rendu est figé.").waitFor();
    await member.getByText("Compte rendu figé : la réunion est close").waitFor();
    await expect.poll(() => editor(member).getAttribute("contenteditable")).toBe("false");
    await expect.poll(() => editor(facilitator).getAttribute("contenteditable")).toBe("false");
    await expect(editor(member).textContent()).resolves.toContain("Trois projets avancent bien.");
    await expect(member.getByRole("heading", { name: "Minuteur" }).count()).resolves.toBe(0);
    await inspect(member, "meeting-closed");

    // The card leads back to its task's meeting.
    await facilitator
      .getByRole("link", { name: "Voir la carte : « Chiffrer la légumerie »" })
      .click();
    await facilitator.getByRole("link", { name: /Née d'une tâche de réunion/ }).click();
    await facilitator
      .getByRole("heading", { level: 1, name: "Groupe réemploi de janvier" })
      .waitFor();

    await member.goto(`/p/${pole.poleId}`);
    await member.getByRole("heading", { name: "Mes tâches" }).waitFor();
    // The box follows the server: it ticks once the change is stored.
    const done = member.getByLabel("Faite : Chiffrer la légumerie");
    await done.click();
    await expect.poll(() => done.isChecked()).toBe(true);
    await inspect(member, "home-tasks");
    expectNoPageErrors(facilitator);
    expectNoPageErrors(member);
  }, 180_000);

  test("an item over its planned time says so in words", async () => {
    const api = client(server.url, pole.coordinator.cookie);
    const planned = await (
      await api(`/api/poles/${pole.poleId}/meetings`, {
        body: { circleId, title: "Réunion qui déborde", startsAt: "2030-02-01T18:00:00Z" },
      })
    ).json();
    const page = await open(alice.cookie);
    // The browser's clock runs ahead; the server's timer runs from the real start.
    await page.clock.install();
    await page.goto(`/p/${pole.poleId}/reunions/${planned.id}`);
    await page.getByRole("button", { name: "Démarrer le premier point" }).click();
    await page.getByText("écoulées sur 10:00 prévues").waitFor();
    expect(await page.getByText(/^Dépassement/).count()).toBe(0);
    await page.clock.fastForward("12:00");
    await page.getByText(/^Dépassement : 2:0\d de plus que prévu$/).waitFor();
    await page.getByText(/temps passé 12:0\d, dépassement 2:0\d/).waitFor();
    await inspect(page, "meeting-over-time");
    expectNoPageErrors(page);
  }, 60_000);
});
