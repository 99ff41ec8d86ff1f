/**
 * Decisions in a real Chromium: a coordinator opens a consent decision from the log, a
 * member sees it waiting on her home page, both vote in their own windows and watch the
 * tally move without reloading, an objection needs its reason, the closing shows the
 * outcome in both windows. The colleges page says which SCIC rule is broken. Every page
 * passes axe and fits 375 px.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoPageErrors, inspect as inspectPage } from "../helpers/browser";
import { browserSessions, startClientPoleWithGroup, tallyCount } from "../helpers/e2e";
import { client, type FoundedPole, type Person, type TestServer } from "../helpers/server";

const sessions = browserSessions();
let server: TestServer;
let pole: FoundedPole;
let alice: Person;

const open = async (cookie: string) => (await sessions.open(server, { cookie })).page;
const inspect = (page: Page, name: string) => inspectPage(page, name, `decisions-${name}`);

beforeAll(async () => {
  ({ server, pole, alice } = await startClientPoleWithGroup());
}, 60_000);

afterAll(() => server?.close());

describe("decisions in the browser", () => {
  test("open a consent decision, vote in two windows with a live tally, close, see the outcome", async () => {
    const coordinator = await open(pole.coordinator.cookie);
    await coordinator.goto(`/p/${pole.poleId}`);
    await coordinator.getByRole("link", { name: "Décisions" }).click();
    await coordinator.getByRole("heading", { level: 1, name: "Relevé de décisions" }).waitFor();
    await coordinator.getByText("Aucune décision pour ces critères.").waitFor();
    await inspect(coordinator, "log-empty");

    await coordinator.getByRole("button", { name: "Ouvrir une décision" }).click();
    await coordinator.getByLabel("Cercle qui décide").selectOption({ label: "Réemploi" });
    await coordinator.getByRole("button", { name: "Ouvrir la décision" }).click();
    await coordinator.getByText("Ce champ est obligatoire.").waitFor();
    await coordinator.getByLabel("Intitulé").fill("Adhésion de la Ressourcerie du Val");
    await coordinator.getByLabel("Proposition").fill("La Ressourcerie rejoint le groupe Réemploi.");
    await inspect(coordinator, "open-form");
    await coordinator.getByRole("button", { name: "Ouvrir la décision" }).click();
    await coordinator
      .getByRole("heading", { level: 1, name: "Adhésion de la Ressourcerie du Val" })
      .waitFor();
    const decisionUrl = coordinator.url();

    // Alice is told on her home page that her vote is awaited.
    const member = await open(alice.cookie);
    await member.goto(`/p/${pole.poleId}`);
    await member.getByRole("heading", { name: "1 décision attend votre avis" }).waitFor();
    await inspect(member, "home-pending");
    await member.getByRole("link", { name: "Adhésion de la Ressourcerie du Val" }).click();
    await member.waitForURL(decisionUrl);
    await member.getByTestId("voters").getByText("0 votant(s) sur 2").waitFor();

    // The coordinator consents: Alice's tally moves without a reload.
    await coordinator.getByLabel("Je consens").check();
    await coordinator.getByRole("button", { name: "Voter" }).click();
    await coordinator.getByText("Votre vote est enregistré.").waitFor();
    await expect.poll(() => tallyCount(member, "consent")).toBe("1");
    await member.getByTestId("voters").getByText("1 votant(s) sur 2").waitFor();
    await member
      .getByTestId("electorate")
      .locator("li", { hasText: "Camille Martin" })
      .getByText("a voté — Je consens")
      .waitFor();
    await inspect(member, "decision-open");

    // An objection needs its reason, then shows in the coordinator's window.
    await member.getByLabel("J'objecte").check();
    await member.getByRole("button", { name: "Voter" }).click();
    await member.getByText("Dites la raison de votre objection.").waitFor();
    await member
      .getByLabel("Raison de l'objection")
      .fill("Le local ne peut pas accueillir de stock.");
    await member.getByRole("button", { name: "Voter" }).click();
    await member.getByText("Votre vote est enregistré.").waitFor();
    await expect.poll(() => tallyCount(coordinator, "objection")).toBe("1");
    await coordinator.getByText("Le local ne peut pas accueillir de stock.").waitFor();

    // Closing: the outcome shows in both windows.
    await coordinator.getByRole("button", { name: "Clore la décision" }).click();
    await coordinator.getByText("Clore maintenant ? Le résultat sera définitif.").waitFor();
    await coordinator.getByRole("button", { name: "Clore la décision" }).click();
    await coordinator.getByTestId("outcome").getByText("Issue : Rejetée").waitFor();
    await member.getByTestId("outcome").getByText("Issue : Rejetée").waitFor();
    await expect(member.getByRole("button", { name: "Voter" }).count()).resolves.toBe(0);
    await inspect(coordinator, "decision-closed");

    // The log shows it with its objection and the export links.
    await coordinator.getByRole("link", { name: "Relevé de décisions" }).first().click();
    const item = coordinator.locator(".decision-item", {
      hasText: "Adhésion de la Ressourcerie du Val",
    });
    await item.getByText("Le local ne peut pas accueillir de stock.").waitFor();
    await item.getByText("Rejetée").waitFor();
    await coordinator.getByRole("link", { name: "CSV (tableur)" }).waitFor();
    await coordinator.getByLabel("Issue").selectOption("adopted");
    await coordinator.getByRole("button", { name: "Filtrer" }).click();
    await coordinator.getByText("Aucune décision pour ces critères.").waitFor();
    await inspect(coordinator, "log");
    expectNoPageErrors(coordinator);
    expectNoPageErrors(member);
  });

  test("the colleges page names the broken SCIC rule", async () => {
    const api = client(server.url, pole.coordinator.cookie);
    const profile = await (await api(`/api/poles/${pole.poleId}/profile`)).json();
    await api(`/api/poles/${pole.poleId}/profile`, {
      method: "PUT",
      body: {
        territory: profile.territory,
        communes: profile.communes,
        kind: profile.kind,
        actionLogics: profile.actionLogics,
        maturity: profile.maturity,
        formalisation: "scic",
        carryingStructure: profile.carryingStructure,
        hasPlace: profile.hasPlace,
        place: profile.place,
      },
    });
    const coordinator = await open(pole.coordinator.cookie);
    await coordinator.goto(`/p/${pole.poleId}/decisions`);
    await coordinator.getByRole("link", { name: "Collèges de vote" }).click();
    await coordinator.getByRole("heading", { level: 1, name: "Collèges de vote" }).waitFor();
    const names = ["Salariés", "Usagers", "Partenaires"];
    for (const [index, name] of names.entries()) {
      await coordinator.getByLabel(`Nom du collège ${index + 1}`).fill(name);
      await coordinator.getByLabel(`Poids (%) ${index + 1}`).fill(index === 0 ? "60" : "20");
    }
    await coordinator.getByRole("button", { name: "Enregistrer les collèges" }).click();
    await coordinator.getByText("« Salariés » en a 60 %").waitFor();
    await coordinator.getByLabel("Poids (%) 1").fill("40");
    await coordinator.getByLabel("Poids (%) 2").fill("30");
    await coordinator.getByLabel("Poids (%) 3").fill("30");
    await coordinator.getByRole("button", { name: "Enregistrer les collèges" }).click();
    await coordinator.getByText("Collèges enregistrés.").waitFor();
    await coordinator.getByLabel("Collège de Alice Martin").selectOption({ label: "Usagers" });
    await coordinator.getByRole("button", { name: "Enregistrer les appartenances" }).click();
    await coordinator.getByText("Collèges enregistrés.").last().waitFor();
    await inspect(coordinator, "colleges");
    const saved = await (await api(`/api/poles/${pole.poleId}/colleges`)).json();
    expect(saved.members).toEqual([{ userId: alice.userId, collegeId: saved.colleges[1].id }]);
    expectNoPageErrors(coordinator);
  });
});
