/**
 * A meeting run by two people in two windows of a real Chromium: the facilitator plans it
 * from the circle's page, a member says she comes and the facilitator's page shows it
 * without a reload; a task for her appears on her home page; a decision opens from an
 * agenda item; closing freezes the minutes in both windows. Every page passes axe and
 * fits 375 px.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoPageErrors, inspect as inspectPage } from "../helpers/browser";
import { browserSessions, startClientPoleWithGroup } from "../helpers/e2e";
import type { FoundedPole, Person, TestServer } from "../helpers/server";

const sessions = browserSessions();
let server: TestServer;
let pole: FoundedPole;
let alice: Person;
let circleId: string;

const open = async (cookie: string) => (await sessions.open(server, { cookie })).page;
const inspect = (page: Page, name: string) => inspectPage(page, name, `meetings-${name}`);

beforeAll(async () => {
  ({ server, pole, circleId, alice } = await startClientPoleWithGroup());
}, 60_000);

afterAll(() => server?.close());

describe("meetings in the browser", () => {
  test("plan, answer, task, decision from an item, close — live in two windows", async () => {
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
    await facilitator.getByText("Approbation du compte rendu précédent").waitFor();
    const meetingUrl = facilitator.url();

    const member = await open(alice.cookie);
    await member.goto(meetingUrl);
    await member.getByRole("button", { name: "Je serai présent·e" }).click();
    await facilitator.getByText("Alice Martin : présent·e").waitFor();

    await facilitator.getByLabel("Quoi").fill("Chiffrer la légumerie");
    await facilitator.getByLabel("Qui").selectOption({ label: "Alice Martin" });
    await facilitator.getByRole("button", { name: "Ajouter la tâche" }).click();
    await member.getByText("Chiffrer la légumerie — Alice Martin").waitFor();

    await facilitator
      .getByRole("listitem")
      .filter({ hasText: /^Décisions/ })
      .getByRole("button", { name: "Ouvrir une décision (consentement)" })
      .click();
    await member.getByRole("link", { name: "Décision : en cours" }).waitFor();
    await inspect(facilitator, "meeting-running");

    await facilitator.getByRole("button", { name: "Clore la réunion" }).click();
    await facilitator.getByText("Réunion close : le compte rendu est figé.").waitFor();
    await member.getByText("Réunion close : le compte rendu est figé.").waitFor();
    await member.getByRole("link", { name: "Lire le compte rendu" }).waitFor();
    await inspect(member, "meeting-closed");

    await member.goto(`/p/${pole.poleId}`);
    await member.getByRole("heading", { name: "Mes tâches" }).waitFor();
    // The box follows the server: it ticks once the change is stored.
    const done = member.getByLabel("Faite : Chiffrer la légumerie");
    await done.click();
    await expect.poll(() => done.isChecked()).toBe(true);
    await inspect(member, "home-tasks");
    expectNoPageErrors(facilitator);
    expectNoPageErrors(member);
  }, 120_000);
});
