/**
 * The collective in a real Chromium: a coordinator invites a newcomer, who onboards through
 * every step and sees the welcome checklist; the coordinator confirms the suggested circle
 * and the newcomer's open document becomes editable without a reload. The circles map
 * renders with 2 and with 30 circles. Every page passes axe and fits 375 px.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoPageErrors, inspect as inspectPage } from "../helpers/browser";
import { browserSessions, startClientPole } from "../helpers/e2e";
import { client, type FoundedPole, type TestServer } from "../helpers/server";

const sessions = browserSessions();
let server: TestServer;
let pole: FoundedPole;
let thematicId: string;
let pageId: string;

const open = async (cookie?: string) => (await sessions.open(server, { cookie })).page;

/** This file's screenshots share a prefix, so that they sort together. */
const inspect = (page: Page, name: string) => inspectPage(page, name, `collective-${name}`);

const editable = (page: Page) => page.locator(".ProseMirror").getAttribute("contenteditable");

beforeAll(async () => {
  ({ server, pole } = await startClientPole());
  const api = client(server.url, pole.coordinator.cookie);
  thematicId = (
    await (
      await api(`/api/poles/${pole.poleId}/circles`, {
        body: { kind: "thematic", name: "Réemploi", theme: "Économie circulaire" },
      })
    ).json()
  ).id;
  await api(`/api/circles/${thematicId}/members/${pole.coordinator.userId}`, {
    method: "PUT",
    body: { role: "facilitator" },
  });
  await api(`/api/poles/${pole.poleId}/people/${pole.coordinator.userId}`, {
    method: "PUT",
    body: {
      structureId: null,
      roleInStructure: "Coordinatrice",
      competencies: ["Animation de réseau"],
      brings: "",
      seeks: "",
    },
  });
  pageId = (
    await (
      await api(`/api/poles/${pole.poleId}/documents`, {
        body: { kind: "page", title: "Notes du groupe réemploi", circleId: thematicId },
      })
    ).json()
  ).id;
}, 60_000);

afterAll(() => server?.close());

describe("the collective in the browser", () => {
  test("invite, onboard, checklist, confirm: the newcomer's editor becomes editable live", async () => {
    // The coordinator pastes an address and gets the link to pass on (no SMTP here).
    const coordinator = await open(pole.coordinator.cookie);
    await coordinator.goto(`/p/${pole.poleId}/nouveaux`);
    await coordinator.getByRole("heading", { level: 1, name: "Nouveaux membres" }).waitFor();
    await coordinator.getByLabel("Adresses e-mail").fill("pas-une-adresse");
    await coordinator.getByRole("button", { name: "Inviter", exact: true }).click();
    await coordinator.getByText("Adresse invalide : pas-une-adresse").waitFor();
    await coordinator.getByLabel("Adresses e-mail").fill("noe@example.org");
    await coordinator.getByLabel("Cercle d'arrivée").selectOption({ label: "Réemploi" });
    await coordinator.getByLabel("Rôle", { exact: true }).selectOption("observer");
    await coordinator.getByRole("button", { name: "Inviter", exact: true }).click();
    const link = coordinator.locator("[data-invitation-link='noe@example.org']");
    await link.waitFor();
    const url = await link.inputValue();
    expect(url).toContain("/invitation/");
    await inspect(coordinator, "newcomers-invited");

    // The newcomer creates their account, then goes through every onboarding step.
    const newcomer = await open();
    await newcomer.goto(url);
    await newcomer.getByLabel("Nom", { exact: true }).fill("Noé Durand");
    await newcomer.getByLabel("Mot de passe", { exact: true }).fill("une phrase de passe longue");
    await newcomer.getByRole("button", { name: "Créer mon compte et rejoindre" }).click();
    // They land on the pôle's home, where the three questions come first.
    await newcomer.waitForURL(/\/p\/[^/]+$/);
    await newcomer
      .getByRole("heading", { level: 2, name: "Bienvenue ! Faisons connaissance" })
      .waitFor();
    await newcomer.getByRole("heading", { level: 3, name: "Votre structure" }).waitFor();
    await inspect(newcomer, "onboarding-structure");
    await newcomer.getByRole("button", { name: "Continuer" }).click();
    await newcomer.getByText("Ce champ est obligatoire.").first().waitFor();
    await newcomer.getByLabel("Nom de la structure").fill("Ressourcerie du Val");
    await newcomer.getByLabel("Forme juridique").selectOption("association");
    await newcomer.getByRole("button", { name: "Continuer" }).click();

    await newcomer
      .getByRole("heading", { level: 3, name: "Pourquoi vous rejoignez le pôle" })
      .waitFor();
    await newcomer.getByLabel("Travailler une thématique du pôle liée à mon métier").check();
    await newcomer.getByRole("button", { name: "Continuer" }).click();
    await newcomer.getByText("Choisissez au moins un groupe.").waitFor();
    await newcomer.getByRole("checkbox", { name: "Réemploi" }).check();
    await inspect(newcomer, "onboarding-interest");
    await newcomer.getByRole("button", { name: "Continuer" }).click();

    await newcomer.getByRole("heading", { level: 3, name: "Vos compétences" }).waitFor();
    await newcomer.getByLabel("Compétences", { exact: true }).fill("Réparation, Logistique");
    await newcomer.getByLabel("Ce que j'apporte").fill("Un atelier partagé");
    await newcomer.getByRole("button", { name: "Terminer" }).click();

    // Then the checklist, on the home page until every step is done.
    await newcomer.getByRole("heading", { level: 2, name: "Pour bien démarrer" }).waitFor();
    const checklist = newcomer.locator(".checklist");
    await checklist.getByText("0 sur 4 fait").waitFor();
    await inspect(newcomer, "home-checklist");
    await checklist.getByRole("link", { name: "Lire le profil du pôle" }).click();
    await newcomer.getByRole("heading", { level: 1, name: "Profil du pôle" }).waitFor();
    await inspect(newcomer, "profile-member");
    await newcomer.goBack();
    await checklist.getByText("1 sur 4 fait").waitFor();
    await checklist.getByRole("button", { name: "J'ai lu la charte et j'y adhère" }).click();
    await checklist.getByText("2 sur 4 faits").waitFor();
    await checklist.getByRole("link", { name: "Rencontrer vos cercles" }).click();
    await newcomer.getByRole("heading", { level: 1, name: "Vos cercles" }).waitFor();
    await newcomer.getByText("Camille Martin").first().waitFor();
    await newcomer.getByText("Animation de réseau").first().waitFor();
    await inspect(newcomer, "meet-circles");
    await newcomer.goBack();
    await checklist.getByText("3 sur 4 faits").waitFor();

    // Observer of the group: its page is read-only.
    await newcomer.goto(`/d/${pageId}`);
    await expect.poll(() => editable(newcomer), { timeout: 10_000 }).toBe("false");

    // The coordinator sees the progress and confirms the suggestion in one click.
    await coordinator.reload();
    const card = coordinator.locator(".newcomer", { hasText: "Noé Durand" });
    await card.getByText("6 étapes sur 7").waitFor();
    await inspect(coordinator, "newcomers-progress");
    // Where Noé stands today, and a warning before an observer of the group becomes an editor.
    await card.getByText(/Cercles : Réemploi \(observat/).waitFor();
    await card.getByRole("button", { name: "Confirmer Noé Durand dans Réemploi" }).click();
    const warning = card.getByRole("alert");
    await warning.getByText("Noé Durand observe aujourd'hui Réemploi").waitFor();
    await inspect(coordinator, "newcomers-warning");
    await warning.getByRole("button", { name: "Confirmer quand même" }).click();
    await card.getByText("Noé Durand est placé·e dans Réemploi.").waitFor();

    // The newcomer's open editor becomes editable without a reload.
    await expect.poll(() => editable(newcomer), { timeout: 10_000 }).toBe("true");
    await newcomer.locator(".ProseMirror").click();
    await newcomer.keyboard.type("Inventaire des ateliers");

    // The last step ends the checklist, which leaves the home page: the diagnostic opened
    // from the pôle's documents, not from the checklist, counts all the same.
    await newcomer.goto(`/p/${pole.poleId}`);
    await checklist.getByText("3 sur 4 faits").waitFor();
    const marked = newcomer.waitForResponse(
      (response) => response.url().endsWith("/steps/open_diagnostic") && response.ok(),
    );
    await newcomer.locator(".doc-card[data-kind='diagnostic'] .doc-card__link").click();
    await newcomer.waitForURL(/\/d\//);
    await marked;
    await newcomer.goto(`/p/${pole.poleId}`);
    await newcomer.getByRole("heading", { level: 1, name: "Pôle Vallée de la Drôme" }).waitFor();
    await newcomer.locator(".doc-card").first().waitFor();
    expect(await newcomer.locator(".checklist").count()).toBe(0);

    // Their profile tells their dated path through the circles.
    await newcomer.goto(`/p/${pole.poleId}/annuaire?q=reparation`);
    await newcomer.getByText("1 personne trouvée").waitFor();
    await newcomer.getByRole("link", { name: "Noé Durand" }).click();
    await newcomer.getByRole("heading", { level: 2, name: "Parcours dans les cercles" }).waitFor();
    await newcomer.getByText("Membre — Réemploi").waitFor();
    await inspect(newcomer, "person");
    expectNoPageErrors(newcomer);
    expectNoPageErrors(coordinator);
  }, 60_000);

  test("the circles map reads well with 2 and with 30 circles, each a link", async () => {
    const api = client(server.url, pole.coordinator.cookie);
    const small = await (await api("/api/poles", { body: { name: "PTCE Petit Pôle" } })).json();
    const page = await open(pole.coordinator.cookie);
    await page.goto(`/p/${small.id}/cercles`);
    const links = page.locator(".circles-map a");
    await expect.poll(() => links.count()).toBe(2);
    await inspect(page, "map-2");

    // 10 thematic groups, each with 2 project groups, around the governing circles.
    for (let t = 1; t <= 10; t++) {
      const thematic = await (
        await api(`/api/poles/${small.id}/circles`, {
          body: { kind: "thematic", name: `Thématique ${t}` },
        })
      ).json();
      for (let p = 1; p <= (t <= 8 ? 2 : 1); p++) {
        await api(`/api/poles/${small.id}/circles`, {
          body: { kind: "project", name: `Projet ${t}.${p}`, parentId: thematic.id },
        });
      }
    }
    await page.reload();
    await expect.poll(() => links.count()).toBe(30);
    // Every circle is drawn inside the map, none of zero size.
    const radii = await page
      .locator(".circles-map a circle")
      .evaluateAll((circles) => circles.map((c) => Number(c.getAttribute("r"))));
    expect(radii.every((r) => r > 4)).toBe(true);
    await inspect(page, "map-30");

    // Keyboard: a circle of the map takes the focus and opens with Enter.
    await links.first().focus();
    const name = (await links.first().getAttribute("aria-label")) ?? "";
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/cercles\/[^/]+$/);
    await page.getByRole("heading", { level: 1, name: name.split(/ —|,/)[0] }).waitFor();
    await inspect(page, "circle");
    expectNoPageErrors(page);
  }, 45_000);

  test("the coordinator's pages: profile with guidance, directory, audit", async () => {
    const page = await open(pole.coordinator.cookie);
    await page.goto(`/p/${pole.poleId}/profil`);
    await page.getByRole("button", { name: "Modifier" }).click();
    await page.getByLabel("Territoire", { exact: true }).fill("Vallée de la Drôme, de Crest à Die");
    await page.getByLabel("PTCE de territoire").check();
    await page.getByLabel("Association", { exact: true }).check();
    await page.getByText("Fragilité de la trésorerie.").first().waitFor();
    await inspect(page, "profile-edit");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText("Enregistré.").waitFor();
    await page.getByText("Vallée de la Drôme, de Crest à Die").waitFor();

    await page.goto(`/p/${pole.poleId}/annuaire`);
    await page.getByLabel("Rechercher", { exact: true }).fill("ECONOMIE");
    await page.getByRole("button", { name: "Rechercher", exact: true }).click();
    await page.getByText("0 personne trouvée").waitFor();
    await page.getByLabel("Rechercher", { exact: true }).fill("ressourcerie");
    await page.getByRole("button", { name: "Rechercher", exact: true }).click();
    await page.getByText("1 personne trouvée").waitFor();
    await inspect(page, "directory");

    await page.goto(`/p/${pole.poleId}/journal`);
    await page.getByRole("heading", { level: 1, name: "Journal" }).waitFor();
    await page.locator("tr[data-action='profile.updated']").first().waitFor();
    await page.getByLabel("Quoi").selectOption("invitation");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect.poll(() => page.locator("tr[data-action='profile.updated']").count()).toBe(0);
    await page.locator("tr[data-action='invitation.accepted']").waitFor();
    await inspect(page, "audit");
    expectNoPageErrors(page);
  }, 45_000);
});
