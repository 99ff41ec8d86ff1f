/**
 * Notifications in a real Chromium: a member's bell counts live (a decision opened for her
 * vote, then a mention typed with `@` in another window), its count is in the link's name
 * and announced; the notifications page lists them by day, passes axe and fits 375 px, and
 * "mark all read" empties the count. The activity page tells who edited what, by circle,
 * and shows a new edit without a reload.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { issueUnsubscribeToken } from "../../server/domain/notifications/unsubscribe";
import { BODY } from "../../shared/documents";
import { checkA11y, expectNoPageErrors, inspect } from "../helpers/browser";
import {
  browserSessions,
  editor,
  startClientPoleWithMember,
  typeAtEnd,
  waitConnected,
} from "../helpers/e2e";
import { client, type FoundedPole, type Person, type TestServer } from "../helpers/server";
import { closeDocuments, connect } from "../helpers/sync-client";

const sessions = browserSessions();
let server: TestServer;
let pole: FoundedPole;
let member: Person;

beforeAll(async () => {
  ({ server, pole, member } = await startClientPoleWithMember());
}, 60_000);

afterAll(async () => {
  closeDocuments();
  await server?.close();
});

describe("notifications in the browser", () => {
  test("the bell counts live, the page lists and marks read", async () => {
    const { page } = await sessions.open(server, { cookie: member.cookie });
    await page.goto(`/p/${pole.poleId}`);
    const bell = (name: string) => page.getByRole("link", { name, exact: true });
    await bell("Notifications").waitFor();

    const opened = await client(server.url, pole.coordinator.cookie)(
      `/api/poles/${pole.poleId}/decisions`,
      {
        body: {
          circleId: pole.circles.steering,
          title: "Adopter le budget 2027",
          method: "consent",
        },
      },
    );
    if (opened.status !== 201) throw new Error(`decision: ${opened.status}`);
    await bell("Notifications : 1 non lue").waitFor();
    await page.getByRole("status").filter({ hasText: "Notifications : 1 non lue" }).waitFor();

    const writer = (await sessions.open(server, { cookie: pole.coordinator.cookie })).page;
    await writer.goto(`/d/${pole.documents.diagnostic}`);
    await waitConnected(writer);
    await typeAtEnd(writer, "Chiffres à vérifier avec @Domi");
    await writer.getByRole("option", { name: "Dominique Petit" }).waitFor();
    await expect
      .poll(() => editor(writer).getAttribute("aria-activedescendant"))
      .toBe("mention-option-0");
    await checkA11y(writer, "mention suggestions");
    await writer.keyboard.press("Enter");
    await editor(writer).locator(".mention", { hasText: "Dominique Petit" }).waitFor();
    await bell("Notifications : 2 non lues").waitFor({ timeout: 20_000 });

    await bell("Notifications : 2 non lues").click();
    await page.getByRole("heading", { level: 1, name: "Notifications" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Aujourd'hui" }).waitFor();
    await page
      .getByRole("link", {
        name: "non lue : Une décision attend votre vote : « Adopter le budget 2027 »",
      })
      .waitFor();
    await page.getByRole("link", { name: /non lue : Vous avez été mentionné·e dans/ }).waitFor();
    await inspect(page, "notifications page", "notifications-page");

    await page.getByRole("button", { name: "Tout marquer comme lu" }).click();
    await bell("Notifications").waitFor();
    await page
      .getByRole("link", { name: "Une décision attend votre vote : « Adopter le budget 2027 »" })
      .waitFor();
    await inspect(page, "notifications page, all read");

    await page.getByRole("link", { name: "Toute l'activité du pôle" }).click();
    await page.getByRole("heading", { level: 1, name: "Activité" }).waitFor();
    await page
      .getByRole("link", { name: "Camille Martin a modifié « Diagnostic de territoire »" })
      .waitFor();
    await page
      .getByRole("link", { name: "Camille Martin a ouvert la décision « Adopter le budget 2027 »" })
      .waitFor();
    // An edit recorded while the page is open shows without a reload.
    const charter = await connect(server, pole.coordinator, pole.documents.charter);
    charter.doc.getXmlFragment(BODY).insert(0, [new Y.XmlElement("paragraph")]);
    await page
      .getByRole("link", { name: "Camille Martin a modifié « Charte de gouvernance »" })
      .waitFor();
    await page.getByLabel("Cercle").selectOption({ label: "Comité de pilotage" });
    await page
      .getByRole("link", { name: "Dominique Petit a rejoint le cercle « Comité de pilotage »" })
      .waitFor();
    await inspect(page, "activity page", "activity-page");
    expectNoPageErrors(page);
    expectNoPageErrors(writer);
  }, 90_000);

  test("e-mail preferences are set per kind; an unsubscribe link works once, signed out", async () => {
    const { page } = await sessions.open(server, { cookie: member.cookie });
    await page.goto("/compte/notifications");
    await page.getByRole("heading", { level: 1, name: "Notifications par e-mail" }).waitFor();
    const tasks = page.getByLabel("Tâches qui vous sont confiées");
    await tasks.selectOption({ label: "Résumé hebdomadaire" });
    await page.getByText("Préférences enregistrées.").waitFor();
    await inspect(page, "notification preferences", "notification-preferences");

    const token = await issueUnsubscribeToken(server.maillage.db, {
      userId: member.userId,
      kinds: ["mention"],
    });
    const signedOut = (await sessions.open(server)).page;
    await signedOut.goto(`/desabonnement/${token}`);
    await signedOut.getByRole("button", { name: "Me désabonner" }).click();
    await signedOut
      .getByText("C'est fait : vous ne recevrez plus ces e-mails (Mentions).")
      .waitFor();
    await inspect(signedOut, "unsubscribed", "unsubscribed");
    await signedOut.reload();
    await signedOut.getByRole("button", { name: "Me désabonner" }).click();
    await signedOut.getByText("Ce lien a déjà servi.", { exact: false }).waitFor();

    await page.reload();
    await expect.poll(() => page.getByLabel("Mentions", { exact: true }).inputValue()).toBe("off");
    await expect.poll(() => tasks.inputValue()).toBe("weekly");
    expectNoPageErrors(page);
    expectNoPageErrors(signedOut);
  }, 60_000);
});
