/**
 * The workspace in a real Chromium: set-up, sign-in, home, live co-editing with carets,
 * read-only access, offline edits merging on reconnection, invitations.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkA11y, checkNarrow, expectNoPageErrors, inspect, shoot } from "../helpers/browser";
import {
  browserSessions,
  connection,
  editor,
  startClientPoleWithMember,
  startClientServer,
  typeAtEnd,
  waitConnected,
} from "../helpers/e2e";
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

const open = (cookie?: string) => sessions.open(server, { cookie });

/** Opens a document and waits until it is synchronised with the server. */
async function openDocument(page: Page, documentId: string) {
  await page.goto(`/d/${documentId}`);
  await waitConnected(page);
}

beforeAll(async () => {
  ({ server, pole, member } = await startClientPoleWithMember());
}, 60_000);

afterAll(() => server?.close());

describe("Maillage in the browser", () => {
  test("set-up creates a pôle; home lists its diagnostic and charter as editable", async () => {
    const fresh = await startClientServer();
    try {
      // An English browser: the interface is still French first.
      const { context, page } = await sessions.open(fresh, { locale: "en-US" });

      await page.goto("/");
      await page.waitForURL("**/setup");
      await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("fr");
      await page.getByRole("heading", { level: 1, name: "Créer votre pôle" }).waitFor();
      await inspect(page, "set-up", "01-setup");

      // Clear errors per field, in French, before anything is sent.
      await page.getByLabel("Mot de passe", { exact: true }).fill("court");
      await page.getByRole("button", { name: "Créer le pôle" }).click();
      await page.getByText("Le mot de passe doit contenir au moins 12 caractères").waitFor();
      expect(await page.getByText("Ce champ est obligatoire.").count()).toBeGreaterThanOrEqual(3);
      await shoot(page, "02-setup-errors");

      await page.getByLabel("Nom du pôle").fill("PTCE Pays de Redon");
      await page.getByLabel("Votre nom").fill("Alix Moreau");
      await page.getByLabel("Adresse e-mail").fill("alix@example.org");
      await page.getByLabel("Mot de passe", { exact: true }).fill("une phrase de passe longue");
      await page.getByRole("button", { name: "Créer le pôle" }).click();

      await page.waitForURL(/\/p\/[^/]+$/);
      await page.getByRole("heading", { level: 1, name: "PTCE Pays de Redon" }).waitFor();
      // On a fresh load, the skip link comes first (after a navigation, the focus is on
      // the new page's heading instead).
      await page.reload();
      await page.getByRole("heading", { level: 1, name: "PTCE Pays de Redon" }).waitFor();
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        "Aller au contenu",
      );
      await page.keyboard.press("Enter");
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("main");
      for (const kind of ["diagnostic", "charter"]) {
        const card = page.locator(`.doc-card[data-kind="${kind}"]`);
        await expect.poll(() => card.count()).toBe(1);
        expect(await card.locator(".badge").textContent()).toBe("modifiable");
      }
      expect(await page.locator(".doc-card[data-kind='diagnostic']").textContent()).toContain(
        "Diagnostic de territoire",
      );
      expect(await page.locator(".doc-card[data-kind='charter']").textContent()).toContain(
        "Charte de gouvernance",
      );
      await inspect(page, "home", "03-home");

      await page.locator(".doc-card[data-kind='diagnostic'] a").click();
      await page.waitForURL(/\/d\//);
      await waitConnected(page);
      expect(await editor(page).getAttribute("contenteditable")).toBe("true");
      await typeAtEnd(page, "Constats partagés du comité de pilotage");
      // The toolbar by keyboard: Alt+F10 from the text, arrows, Enter; Escape goes back.
      await page.keyboard.press("Alt+F10");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Titre 1");
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("Enter");
      const heading2 = page.getByRole("button", { name: "Titre 2" });
      await expect.poll(() => heading2.getAttribute("aria-pressed")).toBe("true");
      expect(await editor(page).locator("h2", { hasText: "comité de pilotage" }).count()).toBe(1);
      await page.keyboard.press("Escape");
      expect(
        await page.evaluate(() => document.activeElement?.classList.contains("ProseMirror")),
      ).toBe(true);
      await inspect(page, "document", "04-document");

      // Sign out from the header's account menu, then the sign-in page; a wrong password says
      // so in French.
      await page.getByRole("button", { name: /^Connecté·e/ }).click();
      await page.getByRole("button", { name: "Se déconnecter" }).click();
      await page.waitForURL("**/login");
      await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
      await inspect(page, "login");
      await page.getByLabel("Adresse e-mail").fill("alix@example.org");
      await page.getByLabel("Mot de passe", { exact: true }).fill("pas le bon mot de passe");
      await page.getByRole("button", { name: "Se connecter" }).click();
      await page.getByText("Adresse e-mail ou mot de passe incorrect.").waitFor();
      await shoot(page, "05-login-error");
      await page.getByLabel("Mot de passe", { exact: true }).fill("une phrase de passe longue");
      await page.getByRole("button", { name: "Se connecter" }).click();
      await page.getByRole("heading", { level: 1, name: "PTCE Pays de Redon" }).waitFor();

      // The language switcher (in the account menu) changes the interface and the lang
      // attribute, and is kept.
      await page.getByRole("button", { name: /^Connecté·e/ }).click();
      await page.getByLabel("Langue").selectOption("en");
      await page.getByRole("heading", { name: "Documents" }).waitFor();
      await page.getByText("Territorial diagnostic").waitFor();
      expect(await page.locator("html").getAttribute("lang")).toBe("en");
      await page.reload();
      await page.getByText("Territorial diagnostic").waitFor();
      await page.getByRole("button", { name: /^Signed in/ }).click();
      await page.getByLabel("Language").selectOption("fr");
      await page.getByText("Diagnostic de territoire").first().waitFor();
      expectNoPageErrors(page);
      await context.close();
    } finally {
      await fresh.close();
    }
  }, 45_000);

  test("two people edit the diagnostic together and see each other's text and caret", async () => {
    const a = await open(pole.coordinator.cookie);
    const b = await open(member.cookie);
    await Promise.all([
      openDocument(a.page, pole.documents.diagnostic),
      openDocument(b.page, pole.documents.diagnostic),
    ]);

    await typeAtEnd(a.page, "Camille écrit le premier constat.");
    await expect
      .poll(() => editor(b.page).textContent(), { timeout: 10_000 })
      .toContain("Camille écrit le premier constat.");
    await typeAtEnd(b.page, "Dominique ajoute un besoin.");
    await expect
      .poll(() => editor(a.page).textContent(), { timeout: 10_000 })
      .toContain("Dominique ajoute un besoin.");

    // Each sees the other's named caret, and both names in the presence list.
    await expect
      .poll(() => a.page.locator(".collaboration-carets__caret").allTextContents(), {
        timeout: 10_000,
      })
      .toContain("Dominique Petit");
    await b.page.keyboard.type(" ");
    await a.page.keyboard.type(" ");
    await expect
      .poll(() => b.page.locator(".collaboration-carets__caret").allTextContents(), {
        timeout: 10_000,
      })
      .toContain("Camille Martin");
    await expect
      .poll(() => a.page.locator(".presence__person").allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining("Camille Martin"),
          expect.stringContaining("Dominique Petit"),
        ]),
      );
    await checkNarrow(a.page, "document with another person's caret");
    await shoot(a.page, "06-coediting");
    expectNoPageErrors(a.page);
    expectNoPageErrors(b.page);
    await Promise.all([a.context.close(), b.context.close()]);
  }, 30_000);

  test("an observer's editor is read-only", async () => {
    const observer = await joinPole(
      server,
      pole,
      [{ circleId: pole.circles.steering, role: "observer" }],
      "Sacha Observe",
    );
    const o = await open(observer.cookie);
    await o.page.goto("/");
    await o.page.waitForURL(/\/p\//);
    const card = o.page.locator(".doc-card[data-kind='charter']");
    await card.waitFor();
    expect(await card.locator(".badge").textContent()).toBe("lecture seule");
    await card.locator("a").click();
    await waitConnected(o.page);
    expect(await editor(o.page).getAttribute("contenteditable")).toBe("false");
    await o.page.getByText("Lecture seule", { exact: true }).waitFor();
    expect(await o.page.getByRole("toolbar").count()).toBe(0);
    await checkA11y(o.page, "read-only document");
    await shoot(o.page, "07-readonly");
    await o.context.close();
  }, 30_000);

  test("when a member becomes an observer, their open editor turns read-only", async () => {
    const person = await joinPole(
      server,
      pole,
      [{ circleId: pole.circles.steering, role: "member" }],
      "Noa Change",
    );
    const p = await open(person.cookie);
    await openDocument(p.page, pole.documents.diagnostic);
    expect(await editor(p.page).getAttribute("contenteditable")).toBe("true");
    const changed = await client(server.url, pole.coordinator.cookie)(
      `/api/circles/${pole.circles.steering}/members/${person.userId}`,
      { method: "PUT", body: { role: "observer" } },
    );
    expect(changed.status).toBe(200);
    await expect
      .poll(() => editor(p.page).getAttribute("contenteditable"), { timeout: 10_000 })
      .toBe("false");
    await p.page.getByText("Vos droits sur ce document ont changé").waitFor();
    await waitConnected(p.page);
    await p.context.close();
  }, 30_000);

  test("edits made offline are kept and merge with the others' on reconnection", async () => {
    const a = await open(pole.coordinator.cookie);
    const b = await open(member.cookie);
    await Promise.all([
      openDocument(a.page, pole.documents.charter),
      openDocument(b.page, pole.documents.charter),
    ]);

    await a.context.setOffline(true);
    await expect.poll(() => connection(a.page).getAttribute("data-state")).toBe("offline");
    expect(await connection(a.page).textContent()).toContain("Hors ligne");
    await typeAtEnd(a.page, "Valeur ajoutée hors ligne : la coopération.");
    expect(await editor(a.page).textContent()).toContain(
      "Valeur ajoutée hors ligne : la coopération.",
    );
    await shoot(a.page, "08-offline");

    await typeAtEnd(b.page, "Pendant ce temps, en ligne : la mutualisation.");
    await b.page.waitForTimeout(300);
    expect(await editor(a.page).textContent()).not.toContain("la mutualisation");
    expect(await editor(b.page).textContent()).not.toContain("la coopération");

    await a.context.setOffline(false);
    await waitConnected(a.page);
    for (const page of [a.page, b.page]) {
      await expect
        .poll(() => editor(page).textContent(), { timeout: 10_000 })
        .toContain("la coopération.");
      await expect
        .poll(() => editor(page).textContent(), { timeout: 10_000 })
        .toContain("la mutualisation.");
    }
    await Promise.all([a.context.close(), b.context.close()]);
  }, 30_000);

  test("a coordinator creates an invitation link; a newcomer accepts it and lands home", async () => {
    const a = await open(pole.coordinator.cookie);
    await a.page.goto(`/p/${pole.poleId}/invitations`);
    await a.page.getByRole("heading", { level: 1, name: "Invitations" }).waitFor();
    await a.page
      .getByLabel("Adresse e-mail de la personne invitée (facultatif)")
      .fill("lou@example.org");
    await a.page.getByLabel("Rôle", { exact: true }).selectOption("member");
    await a.page.getByRole("button", { name: "Créer le lien d'invitation" }).click();
    const linkField = a.page.locator("[data-invitation-link]");
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(/\/invitation\/[^/]+$/);
    await a.page.locator(".invitation[data-state='pending']").first().waitFor();
    await inspect(a.page, "invitations", "09-invitations");

    const c = await open();
    await c.page.goto(link);
    await c.page
      .getByRole("heading", { level: 1, name: "Rejoindre Pôle Vallée de la Drôme" })
      .waitFor();
    await inspect(c.page, "accept invitation", "10-accept");
    await c.page.getByLabel("Nom", { exact: true }).fill("Lou Bernard");
    expect(await c.page.getByLabel("Adresse e-mail").inputValue()).toBe("lou@example.org");
    await c.page.getByLabel("Mot de passe", { exact: true }).fill("ma phrase secrète du pôle");
    await c.page.getByRole("button", { name: "Créer mon compte et rejoindre" }).click();
    await c.page.waitForURL(`**/p/${pole.poleId}`);
    await c.page.getByRole("heading", { level: 1, name: "Pôle Vallée de la Drôme" }).waitFor();
    await c.page.locator(".doc-card[data-kind='diagnostic']").waitFor();
    await c.page.getByRole("button", { name: /^Connecté·e : Lou Bernard/ }).click();
    expect(await c.page.getByRole("button", { name: "Se déconnecter" }).count()).toBe(1);

    // The used link now says so, in words.
    const d = await open();
    await d.page.goto(link);
    await d.page
      .getByText("Cette invitation a expiré, a déjà été utilisée ou a été révoquée.")
      .waitFor();

    await a.page.reload();
    await a.page.locator(".invitation[data-state='accepted']").first().waitFor();
    await Promise.all([a.context.close(), c.context.close(), d.context.close()]);
  }, 30_000);
});
