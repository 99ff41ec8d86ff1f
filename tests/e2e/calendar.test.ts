/**
 * The calendar page in a real Chromium: reached from the pôle's navigation, it lists the
 * coming meetings of the person's circles; the feed's secret address is created, shown
 * once, replaced (the old one then answers 404) and revoked. The meeting page offers the
 * `.ics` and its link to copy when e-mail is not set up, moves the meeting and marks an
 * item not covered. Axe-clean, readable at 375 px.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoPageErrors, inspect as inspectPage } from "../helpers/browser";
import { browserSessions, startClientPoleWithGroup } from "../helpers/e2e";
import { client, type FoundedPole, type Person, type TestServer } from "../helpers/server";

const sessions = browserSessions();
let server: TestServer;
let pole: FoundedPole;
let alice: Person;
let meetingId: string;

const open = async (cookie: string) => (await sessions.open(server, { cookie })).page;
const inspect = (page: Page, name: string) => inspectPage(page, name, `calendar-${name}`);
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  let circleId: string;
  ({ server, pole, circleId, alice } = await startClientPoleWithGroup());
  const api = client(server.url, pole.coordinator.cookie);
  const planned = await api(`/api/poles/${pole.poleId}/meetings`, {
    body: {
      circleId,
      title: "Groupe réemploi",
      startsAt: new Date(Date.now() + 3 * DAY).toISOString(),
      place: "Recyclerie de Crest",
    },
  });
  meetingId = (await planned.json()).id;
  await api(`/api/meetings/${meetingId}/series`, {
    method: "PUT",
    body: { rule: { every: "month", rank: 1, weekday: 2 } },
  });
  // The steering committee's meeting is not Alice's: she does not sit there.
  await api(`/api/poles/${pole.poleId}/meetings`, {
    body: {
      circleId: pole.circles.steering,
      title: "COPIL de printemps",
      startsAt: new Date(Date.now() + 4 * DAY).toISOString(),
    },
  });
}, 60_000);

afterAll(() => server?.close());

describe("the calendar in the browser", () => {
  test("lists one's meetings, and hands out, replaces and revokes the feed", async () => {
    const page = await open(alice.cookie);
    await page.goto(`/p/${pole.poleId}`);
    await page.getByRole("link", { name: "Calendrier" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Calendrier" }).waitFor();
    await page.getByRole("link", { name: "Groupe réemploi" }).waitFor();
    await page.getByText("Lieu : Recyclerie de Crest").waitFor();
    expect(await page.getByText("COPIL de printemps").count()).toBe(0);
    await page.getByText("Aucune adresse active.").waitFor();
    await inspect(page, "list");

    await page.getByRole("button", { name: "Créer l'adresse" }).click();
    const field = page.getByLabel("Adresse de l'abonnement");
    await field.waitFor();
    const first = await field.inputValue();
    expect(first).toMatch(/\/calendar\/[a-z0-9]+\.ics$/);
    const feed = await fetch(first);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain("SUMMARY:Groupe réemploi (Réemploi)");
    await inspect(page, "feed");

    await page.getByRole("button", { name: "Remplacer l'adresse" }).click();
    await expect.poll(() => field.inputValue()).not.toBe(first);
    expect((await fetch(first)).status).toBe(404);
    const second = await field.inputValue();
    await page.getByRole("button", { name: "Révoquer l'adresse" }).click();
    await page.getByText("Adresse révoquée").waitFor();
    expect((await fetch(second)).status).toBe(404);
    expectNoPageErrors(page);
  }, 90_000);

  test("the meeting page offers the .ics and its link without e-mail, and its series", async () => {
    const page = await open(alice.cookie);
    await page.goto(`/p/${pole.poleId}/reunions/${meetingId}`);
    await page.getByRole("heading", { name: "Agenda et suite" }).waitFor();
    await page.getByText("Les e-mails ne sont pas configurés").waitFor();
    const link = await page.getByLabel("Lien du fichier .ics").inputValue();
    expect(link).toBe(`${server.url}/api/meetings/${meetingId}/ics`);
    await page.getByRole("link", { name: "Ajouter à mon agenda (.ics)" }).waitFor();
    await page.getByText("Le premier mardi du mois").waitFor();
    await page.locator("summary", { hasText: "Changer la date ou le lieu" }).click();
    await page.getByLabel("Lieu", { exact: true }).fill("Médiathèque de Die");
    await page.getByRole("button", { name: "Enregistrer et prévenir" }).click();
    await page.getByText(/— Médiathèque de Die$/).waitFor();
    await page.locator("summary", { hasText: "Points traités" }).click();
    // The box follows the server: it unticks once the change is stored.
    await page.getByLabel("Traité : Avancement des projets").click();
    await expect
      .poll(() => page.getByLabel("Traité : Avancement des projets").isChecked())
      .toBe(false);
    await inspect(page, "meeting");
    expectNoPageErrors(page);
  }, 90_000);
});
