/**
 * Governance in a real Chromium, in French: a coordinator proposes an amendment to the
 * charter and writes it, opens a consent decision on it, two people vote in their own
 * windows and see the tally move, the decision adopts it, the charter shows its new
 * adopted version with the amendment merged, and the history shows the difference.
 * Every page passes axe and fits 375 px.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoPageErrors, inspect as inspectPage } from "../helpers/browser";
import { browserSessions, startClientPole, tallyCount, waitConnected } from "../helpers/e2e";
import {
  client,
  type FoundedPole,
  joinPole,
  type Person,
  type TestServer,
} from "../helpers/server";

const sessions = browserSessions();
let server: TestServer;
let pole: FoundedPole;
let claire: Person;

const open = async (cookie: string) => (await sessions.open(server, { cookie })).page;
const inspect = (page: Page, name: string) => inspectPage(page, name, `governance-${name}`);
/** The document's own editor (the diff view renders another, read-only). */
const textEditor = (page: Page) => page.locator(".ProseMirror[role='textbox']");

beforeAll(async () => {
  ({ server, pole } = await startClientPole());
  claire = await joinPole(
    server,
    pole,
    [{ circleId: pole.circles.core, role: "member" }],
    "Claire Dubois",
  );
}, 60_000);

afterAll(() => server?.close());

describe("the charter in the browser", () => {
  test("propose, edit, vote in two windows, adopt: the charter shows the new version and its diff", async () => {
    const coordinator = await open(pole.coordinator.cookie);
    await coordinator.goto(`/d/${pole.documents.charter}`);
    await waitConnected(coordinator);
    await coordinator.getByText("Aucune version de cette charte n'a encore été adoptée.").waitFor();
    await inspect(coordinator, "charter-before");

    await coordinator.getByLabel("Titre de l'amendement").fill("Préciser la raison d'être");
    await coordinator.getByLabel("Motif (facultatif)").fill("Nommer le territoire.");
    await coordinator.getByRole("button", { name: "Créer l'amendement" }).click();
    await coordinator
      .getByRole("heading", { level: 1, name: "Amendement : Préciser la raison d'être" })
      .waitFor();
    await waitConnected(coordinator);
    const paragraph = textEditor(coordinator).locator("p").first();
    await paragraph.click();
    await coordinator.keyboard.press("End");
    await coordinator.keyboard.type(" Sur la vallée de la Drôme.");
    const amendmentDocument = coordinator.url().split("/d/")[1];
    const api = client(server.url, pole.coordinator.cookie);
    await expect
      .poll(async () => (await api(`/api/documents/${amendmentDocument}/export/md`)).text())
      .toContain("Sur la vallée de la Drôme.");
    await coordinator.getByRole("button", { name: "Voir les modifications" }).click();
    await coordinator
      .locator("ins.diff-added", { hasText: "Sur la vallée de la Drôme" })
      .first()
      .waitFor();
    await inspect(coordinator, "amendment-draft");

    await coordinator
      .getByRole("button", { name: "Soumettre au vote du noyau dur (consentement)" })
      .click();
    await coordinator
      .getByRole("heading", {
        level: 1,
        name: "Adopter l'amendement « Préciser la raison d'être »",
      })
      .waitFor();
    const decisionUrl = coordinator.url();

    const member = await open(claire.cookie);
    await member.goto(decisionUrl);
    await member.getByTestId("voters").getByText("0 votant(s) sur 2").waitFor();
    await coordinator.getByLabel("Je consens").check();
    await coordinator.getByRole("button", { name: "Voter" }).click();
    await coordinator.getByText("Votre vote est enregistré.").waitFor();
    await expect.poll(() => tallyCount(member, "consent")).toBe("1");
    await member.getByLabel("Je consens").check();
    await member.getByRole("button", { name: "Voter" }).click();
    await member.getByText("Votre vote est enregistré.").waitFor();
    await expect.poll(() => tallyCount(coordinator, "consent")).toBe("2");
    await inspect(member, "decision-vote");

    await coordinator.getByRole("button", { name: "Clore la décision" }).click();
    await coordinator.getByRole("button", { name: "Clore la décision" }).click();
    await coordinator.getByTestId("outcome").getByText("Issue : Adoptée").waitFor();
    await member.getByTestId("outcome").getByText("Issue : Adoptée").waitFor();

    // The charter: merged live, with its adopted version.
    await member.goto(`/d/${pole.documents.charter}`);
    await waitConnected(member);
    await expect
      .poll(() => textEditor(member).textContent())
      .toContain("Sur la vallée de la Drôme.");
    await member.getByText(/Version n° \d+ adoptée le/).waitFor();
    await member.getByText("Le texte de travail est celui de la version adoptée.").waitFor();
    await member.locator(".governance__amendments").getByText("Adopté").waitFor();
    await inspect(member, "charter-adopted");

    // The history: the adopted version, and what changed since the amendment's base.
    await member.getByRole("link", { name: "Historique des versions" }).click();
    await member.getByRole("heading", { level: 1, name: /^Historique — / }).waitFor();
    await member.getByRole("cell", { name: "Adoptée" }).waitFor();
    const base = member.getByRole("row", { name: /Base de l'amendement/ });
    await base.getByRole("button", { name: "Différences avec le texte actuel" }).click();
    await member
      .locator("ins.diff-added", { hasText: "Sur la vallée de la Drôme" })
      .first()
      .waitFor();
    await inspect(member, "history-diff");

    // Restoring the text the amendment started from asks first, then keeps the text before.
    await base.getByRole("button", { name: /^Restaurer la version n° \d+$/ }).click();
    await member.getByText(/^Restaurer la version n° \d+ \?/).waitFor();
    await inspect(member, "history-restore-confirm");
    await member.getByRole("button", { name: "Oui, restaurer" }).click();
    await member.getByText(/Le texte d'avant est gardé en version n° \d+\./).waitFor();
    await member.getByRole("cell", { name: "Avant restauration" }).waitFor();
    await member.goto(`/d/${pole.documents.charter}`);
    await waitConnected(member);
    await expect
      .poll(() => textEditor(member).textContent())
      .not.toContain("Sur la vallée de la Drôme.");
    await member.getByText("Le texte de travail diffère de la version adoptée.").waitFor();
    expectNoPageErrors(coordinator);
    expectNoPageErrors(member);
  });
});
