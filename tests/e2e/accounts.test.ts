/**
 * Accounts in a real Chromium, at 375 px: a coordinator gives a member a link to choose a
 * new password, the member uses it and signs in with it, changes it again from their
 * menu; then the coordinator removes the member from the pôle after a confirmation. Every
 * page passes axe and fits 375 px.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { expectNoPageErrors, inspect, NARROW } from "../helpers/browser";
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
let member: Person;

beforeAll(async () => {
  ({ server, pole } = await startClientPole());
  member = await joinPole(server, pole, [], "Dominique Petit");
}, 60_000);

afterAll(() => server?.close());

const open = async (cookie?: string) =>
  (await sessions.open(server, { cookie, viewport: NARROW })).page;

test("a reset link from the coordinator, a new password, then a change from the menu", async () => {
  const coordinator = await open(pole.coordinator.cookie);
  await coordinator.goto(`/p/${pole.poleId}/personnes/${member.userId}`);
  await coordinator.getByRole("button", { name: "Lien pour changer de mot de passe" }).click();
  const link = await coordinator.locator("[data-reset-link]").inputValue();
  expect(link).toContain("/mot-de-passe/");
  await inspect(coordinator, "person-reset-link");

  const visitor = await open();
  await visitor.goto(new URL(link).pathname);
  await visitor
    .getByRole("heading", { level: 1, name: "Choisir un nouveau mot de passe" })
    .waitFor();
  await inspect(visitor, "reset-password");
  await visitor
    .getByLabel("Nouveau mot de passe", { exact: true })
    .fill("une phrase choisie au navigateur");
  await visitor.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await visitor.getByText("Mot de passe enregistré").waitFor();
  await visitor.getByRole("link", { name: "Se connecter" }).click();
  await visitor.getByRole("link", { name: "Mot de passe oublié ?" }).waitFor();
  await visitor.getByLabel("Adresse e-mail", { exact: true }).fill(member.email);
  await visitor
    .getByLabel("Mot de passe", { exact: true })
    .fill("une phrase choisie au navigateur");
  await visitor.getByRole("button", { name: "Se connecter" }).click();
  await visitor.waitForURL(/\/p\//);

  await visitor.getByRole("button", { name: /Connecté·e en tant que|Dominique Petit/ }).click();
  await visitor.getByRole("link", { name: "Changer de mot de passe" }).click();
  await visitor.getByRole("heading", { level: 1, name: "Changer de mot de passe" }).waitFor();
  await inspect(visitor, "change-password");
  await visitor.getByLabel("Mot de passe actuel", { exact: true }).fill("pas la bonne phrase");
  await visitor.getByLabel("Nouveau mot de passe", { exact: true }).fill("encore une autre phrase");
  await visitor.getByRole("button", { name: "Changer le mot de passe" }).click();
  await visitor.getByText("Le mot de passe actuel n'est pas le bon.").waitFor();
  await visitor
    .getByLabel("Mot de passe actuel", { exact: true })
    .fill("une phrase choisie au navigateur");
  await visitor.getByRole("button", { name: "Changer le mot de passe" }).click();
  await visitor.getByText("Mot de passe changé").waitFor();

  const forgot = await open();
  await forgot.goto("/mot-de-passe-oublie");
  await forgot.getByLabel("Adresse e-mail", { exact: true }).fill("qui@example.org");
  await forgot.getByRole("button", { name: "Envoyer le lien" }).click();
  await forgot.getByText("Si cette adresse correspond à un compte").waitFor();
  await inspect(forgot, "forgot-password");
  for (const page of [coordinator, visitor, forgot]) expectNoPageErrors(page);
});

test("a coordinator removes a person from the pôle after confirming", async () => {
  const leaving = await joinPole(
    server,
    pole,
    [{ circleId: pole.circles.core, role: "member" }],
    "Lou Départ",
  );
  const page = await open(pole.coordinator.cookie);
  await page.goto(`/p/${pole.poleId}/personnes/${leaving.userId}`);
  await page.getByRole("button", { name: "Retirer du pôle…" }).click();
  await page.getByText("Retirer Lou Départ du pôle ?").waitFor();
  await inspect(page, "person-remove-confirm");
  await page.getByRole("button", { name: "Retirer Lou Départ" }).click();
  await page.waitForURL(/\/annuaire$/);
  const documents = await client(server.url, leaving.cookie)(`/api/poles/${pole.poleId}/documents`);
  expect(documents.status).toBe(404);
  expectNoPageErrors(page);
});
