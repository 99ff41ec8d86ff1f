/**
 * Self-assessment in a real Chromium: a coordinator opens a campaign, answers an indicator
 * (saved as typed, still there after a reload), closes it and reads the radar of the nine
 * objectives over the previous campaign's; the dashboard reads at 375 px. Axe-clean.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { expectNoPageErrors, inspect } from "../helpers/browser";
import { browserSessions, startClientPole } from "../helpers/e2e";
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
let members: Person[];
let page: Page;
const today = new Date().toISOString().slice(0, 10);
const as = (person: Person) => client(server.url, person.cookie);

async function answerA1(campaignId: string, standing: number) {
  for (const person of members) {
    const response = await as(person)(`/api/maturity/campaigns/${campaignId}/answers/a1`, {
      method: "PUT",
      body: { importance: 6, standing },
    });
    expect(response.status).toBe(200);
  }
}

beforeAll(async () => {
  ({ server, pole } = await startClientPole());
  members = [];
  for (const name of ["Alice Durand", "Bruno Morel", "Chloé Roux"]) {
    members.push(
      await joinPole(server, pole, [{ circleId: pole.circles.steering, role: "member" }], name),
    );
  }
  // A first campaign, closed: the radar's second shape.
  const api = as(pole.coordinator);
  const first = await (
    await api(`/api/poles/${pole.poleId}/maturity/campaigns`, {
      body: {
        title: "Auto-évaluation 2025",
        opensOn: today,
        closesOn: today,
        audience: { kind: "pole" },
      },
    })
  ).json();
  await answerA1(first.id, 2);
  expect((await api(`/api/maturity/campaigns/${first.id}/close`, { body: {} })).status).toBe(200);
  page = (await sessions.open(server, { cookie: pole.coordinator.cookie })).page;
}, 60_000);

describe("a self-assessment campaign", () => {
  let campaignId: string;

  test("is opened by the coordinator from the maturity page", async () => {
    await page.goto(`/p/${pole.poleId}`);
    await page.getByRole("link", { name: "Tableau de bord" }).click();
    await page.getByRole("link", { name: /Maturité du pôle : campagnes/ }).click();
    await page.getByRole("heading", { level: 1, name: "Maturité du pôle" }).waitFor();
    await page.getByRole("link", { name: "Auto-évaluation 2025" }).waitFor();
    await inspect(page, "maturity page");
    await page.getByLabel("Titre").fill("Auto-évaluation 2026");
    await page.getByRole("button", { name: "Ouvrir la campagne" }).click();
    await page.getByRole("heading", { level: 1, name: "Auto-évaluation 2026" }).waitFor();
    campaignId = page.url().split("/").at(-1) ?? "";
    expect(campaignId).not.toBe("");
  });

  test("is answered as typed and resumed after a reload", async () => {
    const first = page.locator(".indicator").first();
    await expect
      .poll(() => first.locator(".indicator__label").textContent())
      .toBe("Disposer d'un lieu identifié et accessible");
    await first
      .getByRole("group", { name: "Importance" })
      .getByRole("radio", { name: "5" })
      .check();
    await first
      .getByRole("group", { name: "Où en est le pôle" })
      .getByRole("radio", { name: "4" })
      .check();
    await first.getByLabel("Commentaire (facultatif)").fill("Un lieu, peu connu encore.");
    await expect
      .poll(() => first.locator(".indicator__status").textContent(), { timeout: 5000 })
      .toBe("Enregistré");
    await page.waitForTimeout(900);
    await page.reload();
    const again = page.locator(".indicator").first();
    await expect
      .poll(() =>
        again
          .getByRole("group", { name: "Importance" })
          .getByRole("radio", { name: "5" })
          .isChecked(),
      )
      .toBe(true);
    expect(
      await again
        .getByRole("group", { name: "Où en est le pôle" })
        .getByRole("radio", { name: "4" })
        .isChecked(),
    ).toBe(true);
    expect(await again.getByLabel("Commentaire (facultatif)").inputValue()).toBe(
      "Un lieu, peu connu encore.",
    );
    await inspect(page, "campaign while open", "maturity-answers");
  });

  test("is closed, and its radar shows both campaigns", async () => {
    await answerA1(campaignId, 4);
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Clore la campagne" }).click();
    await page.getByText("Close", { exact: true }).first().waitFor();
    await page.locator(".radar svg.recharts-surface").last().waitFor();
    await expect.poll(() => page.locator(".radar .recharts-radar").count()).toBe(2);
    const rowA = page.getByRole("row", { name: /a\. Ancrage territorial/ });
    // Four people now (three at 4, the coordinator at 4): 4; three before, at 2.
    await expect.poll(() => rowA.textContent()).toContain("en hausse");
    expect(await rowA.textContent()).toContain("4");
    // Objectives nobody rated: withheld.
    expect(
      await page.getByRole("row", { name: /b\. Développement durable/ }).textContent(),
    ).toContain("pas assez de réponses");
    await page.getByRole("heading", { name: /Priorités/ }).waitFor();
    await inspect(page, "campaign results", "maturity-results");
    expectNoPageErrors(page);
  });
});

describe("the dashboard", () => {
  test("tells where the pôle stands, readable at 375 px", async () => {
    await page.goto(`/p/${pole.poleId}/tableau-de-bord`);
    await page.getByRole("heading", { level: 1, name: "Tableau de bord" }).waitFor();
    await page.getByText("4 membres").waitFor();
    await page.getByText("Aucune décision prise ni réunion tenue pour l'instant.").waitFor();
    await page.getByRole("link", { name: "Auto-évaluation 2026" }).waitFor();
    await inspect(page, "dashboard", "maturity-dashboard");
    expectNoPageErrors(page);
  });
});
