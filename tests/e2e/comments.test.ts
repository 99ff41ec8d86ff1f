/**
 * Comments in two windows of a real Chromium: a partner with the commenter role selects
 * words of the diagnostic and comments; the coordinator sees the thread and its highlight
 * without a reload, answers, opens a second thread with Ctrl+Alt+M, resolves; the partner
 * sees each step live, reacts, and her markup shows as text. Deleting the commented words
 * detaches the thread, undo re-attaches it. A comment mentions someone with `@`, by keyboard
 * at 375 px, and her bell counts it; the caret in a highlight reaches its thread with
 * Ctrl+Alt+M. Every page passes axe and fits 375 px.
 */
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { addCard } from "../../shared/board-doc";
import {
  checkA11y,
  expectNoPageErrors,
  inspect as inspectPage,
  NARROW,
  shoot,
} from "../helpers/browser";
import { browserSessions, editor, startClientPole, typeAtEnd, waitConnected } from "../helpers/e2e";
import {
  client,
  type FoundedPole,
  joinPole,
  type Person,
  type TestServer,
} from "../helpers/server";
import { closeDocuments, connect } from "../helpers/sync-client";

const sessions = browserSessions();
let server: TestServer;
let pole: FoundedPole;
let partner: Person;

const open = async (cookie: string) => (await sessions.open(server, { cookie })).page;
const inspect = (page: Page, name: string) => inspectPage(page, name, `comments-${name}`);

beforeAll(async () => {
  ({ server, pole } = await startClientPole());
  partner = await joinPole(server, pole, [], "Claire Financeuse", "commenter");
}, 60_000);

afterEach(() => closeDocuments());
afterAll(() => server?.close());

/**
 * Selects the first occurrence of `text` in the editor, as a person dragging over it; with
 * `caret`, puts the caret in its middle instead.
 */
async function select(page: Page, text: string, caret = false) {
  await page.evaluate(
    ({ wanted, caret }) => {
      const root = document.querySelector(".ProseMirror");
      if (!root) throw new Error("no editor");
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(wanted) ?? -1;
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, caret ? at + Math.floor(wanted.length / 2) : at);
        range.setEnd(node, caret ? at + Math.floor(wanted.length / 2) : at + wanted.length);
        const selection = getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        return;
      }
      throw new Error(`"${wanted}" is not in the editor`);
    },
    { wanted: text, caret },
  );
  // ProseMirror reads the selection on the next selectionchange event.
  await page.waitForTimeout(100);
}

const panel = (page: Page) => page.getByRole("region", { name: "Commentaires" });
const thread = (page: Page, quote: string) =>
  panel(page).getByRole("article", { name: `Discussion sur « ${quote} »` });

describe("comments in the browser", () => {
  test("two people comment live, one of them a commenter", async () => {
    const coordinator = await open(pole.coordinator.cookie);
    await coordinator.goto(`/d/${pole.documents.diagnostic}`);
    await waitConnected(coordinator);
    await typeAtEnd(coordinator, "La mobilité rurale manque de solutions partagées.");

    const reader = await open(partner.cookie);
    await reader.goto(`/d/${pole.documents.diagnostic}`);
    await waitConnected(reader);
    await editor(reader).getByText("solutions partagées").waitFor();
    await panel(reader).getByText("Sélectionnez du texte puis « Commenter »").waitFor();
    await inspect(reader, "empty-panel");

    await select(reader, "mobilité rurale");
    await panel(reader).getByRole("button", { name: "Commenter" }).click();
    await panel(reader).getByText("Sur « mobilité rurale »").waitFor();
    await panel(reader).getByLabel("Votre commentaire").fill("Source ? Le chiffre date de 2019.");
    await panel(reader).getByRole("button", { name: "Publier" }).click();
    await thread(reader, "mobilité rurale")
      .getByText("Source ? Le chiffre date de 2019.")
      .waitFor();

    // The coordinator's window: thread, count and highlight, without a reload.
    await thread(coordinator, "mobilité rurale").getByText("Claire Financeuse").waitFor();
    await panel(coordinator).getByRole("button", { name: "Ouvertes (1)" }).waitFor();
    await editor(coordinator).locator(".comment-mark", { hasText: "mobilité rurale" }).waitFor();
    await editor(reader).locator(".comment-mark", { hasText: "mobilité rurale" }).waitFor();

    await thread(coordinator, "mobilité rurale")
      .getByLabel("Votre réponse")
      .fill("L'INSEE 2023 : je mets à jour.");
    await thread(coordinator, "mobilité rurale").getByRole("button", { name: "Envoyer" }).click();
    await thread(reader, "mobilité rurale").getByText("L'INSEE 2023 : je mets à jour.").waitFor();

    // A second thread, from the keyboard.
    await select(coordinator, "solutions partagées");
    await editor(coordinator).focus();
    await coordinator.keyboard.press("Control+Alt+KeyM");
    await panel(coordinator).getByText("Sur « solutions partagées »").waitFor();
    await panel(coordinator).getByLabel("Votre commentaire").fill("Lesquelles existent déjà ?");
    await panel(coordinator).getByRole("button", { name: "Publier" }).click();
    await panel(reader).getByRole("button", { name: "Ouvertes (2)" }).waitFor();

    // She reacts and writes markup, which stays text.
    await thread(reader, "mobilité rurale")
      .getByRole("button", { name: "Réagir avec 👍" })
      .last()
      .click();
    await expect
      .poll(() =>
        thread(coordinator, "mobilité rurale")
          .getByRole("button", { name: "Réagir avec 👍" })
          .last()
          .textContent(),
      )
      .toContain("1");
    await thread(reader, "solutions partagées")
      .getByLabel("Votre réponse")
      .fill("<b>Le covoiturage</b> du département");
    await thread(reader, "solutions partagées").getByRole("button", { name: "Envoyer" }).click();
    await thread(coordinator, "solutions partagées")
      .getByText("<b>Le covoiturage</b> du département")
      .waitFor();
    expect(await panel(coordinator).locator(".comment__body b").count()).toBe(0);

    // She rewrites her own comment in place; the other window sees it edited.
    const mine = thread(reader, "solutions partagées");
    await mine.getByRole("button", { name: "Modifier" }).last().click();
    await mine.getByLabel("Modifier").fill("Le covoiturage du département, et l'autopartage.");
    await mine.getByRole("button", { name: "Enregistrer" }).click();
    await thread(coordinator, "solutions partagées")
      .getByText("Le covoiturage du département, et l'autopartage.")
      .waitFor();
    await thread(coordinator, "solutions partagées").getByText("modifié").waitFor();

    // A click on a highlight brings its thread forward.
    await editor(reader).locator(".comment-mark", { hasText: "mobilité" }).first().click();
    await reader.locator(".thread--active", { hasText: "Source ?" }).waitFor();
    await inspect(reader, "threads");
    await inspect(coordinator, "threads-editor");

    // Resolving moves it out of the open ones in both windows.
    await thread(coordinator, "mobilité rurale").getByRole("button", { name: "Résoudre" }).click();
    await panel(reader).getByRole("button", { name: "Ouvertes (1)" }).waitFor();
    await panel(reader).getByRole("button", { name: "Résolues (1)" }).click();
    await thread(reader, "mobilité rurale").getByText("résolue").waitFor();

    // Deleting the commented words detaches the thread; undo brings them and it back.
    await select(coordinator, "solutions partagées");
    await editor(coordinator).focus();
    await coordinator.keyboard.press("Backspace");
    await panel(reader).getByRole("button", { name: "Détachées (1)" }).waitFor();
    await panel(reader).getByRole("button", { name: "Détachées (1)" }).click();
    await thread(reader, "solutions partagées").getByText("détaché", { exact: true }).waitFor();
    await inspect(reader, "detached");
    await coordinator.keyboard.press("Control+z");
    await panel(reader).getByRole("button", { name: "Détachées (0)" }).waitFor();
    await editor(reader).locator(".comment-mark", { hasText: "solutions partagées" }).waitFor();

    expectNoPageErrors(coordinator);
    expectNoPageErrors(reader);
  });

  test("a board card's thread, started from its badge, counted live", async () => {
    const api = client(server.url, pole.coordinator.cookie);
    const group = await api(`/api/poles/${pole.poleId}/circles`, {
      body: { kind: "thematic", name: "Mobilités" },
    });
    const circleId = (await group.json()).id as string;
    const documents: Array<{ id: string; kind: string; circleId: string | null }> = await (
      await api(`/api/poles/${pole.poleId}/documents`)
    ).json();
    const board = documents.find((d) => d.kind === "board" && d.circleId === circleId);
    if (!board) throw new Error("the group has no board");
    const boardEditor = await connect(server, pole.coordinator, board.id);
    addCard(boardEditor.doc, { title: "Navette solidaire", columnId: "idee" });

    const coordinator = await open(pole.coordinator.cookie);
    await coordinator.goto(`/d/${board.id}`);
    const reader = await open(partner.cookie);
    await reader.goto(`/d/${board.id}`);
    const badge = (page: Page, name: string) =>
      page.locator(".board-card__body", { hasText: "Navette solidaire" }).getByRole("button", {
        name,
      });
    await badge(reader, "Commenter").click();
    await panel(reader).getByText("Sur cette carte").waitFor();
    await panel(reader).getByLabel("Votre commentaire").fill("Quel budget pour la navette ?");
    await panel(reader).getByRole("button", { name: "Publier" }).click();
    await badge(reader, "1 commentaire").waitFor();
    await badge(coordinator, "1 commentaire").click();
    await coordinator
      .locator(".thread--active", { hasText: "Quel budget pour la navette ?" })
      .waitFor();
    await panel(coordinator)
      .getByRole("article", { name: "Discussion sur la carte « Navette solidaire »" })
      .waitFor();
    await inspect(coordinator, "card-thread");
    expectNoPageErrors(coordinator);
    expectNoPageErrors(reader);
  });

  test("a comment mentions someone with @ by keyboard at 375 px; her bell counts it", async () => {
    const dominique = await joinPole(server, pole, [], "Dominique Lecteur");
    const writer = await open(pole.coordinator.cookie);
    // Dominique reads every document of the pôle; the writer's list is told otherwise, to
    // show the warning given before sending. Routed on the context: the service worker
    // fetches the API past the page's own routes.
    await writer.context().route("**/mentionable", async (route) => {
      const people = (await (await route.fetch()).json()) as Array<{ id: string }>;
      await route.fulfill({
        json: people.map((person) =>
          person.id === dominique.userId ? { ...person, canRead: false } : person,
        ),
      });
    });
    await writer.setViewportSize(NARROW);
    await writer.goto(`/d/${pole.documents.diagnostic}`);
    await waitConnected(writer);
    await typeAtEnd(writer, "Les tiers-lieux se multiplient dans la vallée.");

    const mentioned = await open(partner.cookie);
    await mentioned.goto(`/d/${pole.documents.diagnostic}`);
    await waitConnected(mentioned);
    const bell = (name: string) => mentioned.getByRole("link", { name, exact: true });
    const inbox = await client(
      server.url,
      partner.cookie,
    )(`/api/poles/${pole.poleId}/notifications`);
    const { unread } = (await inbox.json()) as { unread: number };

    await select(writer, "tiers-lieux");
    await editor(writer).focus();
    await writer.keyboard.press("Control+Alt+KeyM");
    const box = panel(writer).getByLabel("Votre commentaire");
    await expect.poll(() => box.evaluate((node) => node === document.activeElement)).toBe(true);
    await writer.keyboard.type("Combien ? @clai");
    await writer.getByRole("listbox", { name: "Personnes à mentionner" }).waitFor();
    await writer.getByRole("option", { name: "Claire Financeuse" }).waitFor();
    await expect.poll(() => box.getAttribute("aria-activedescendant")).toBe("mention-option-0");
    await checkA11y(writer, "comment mention suggestions");
    await shoot(writer, "comments-mention-list");
    await writer.keyboard.press("ArrowDown");
    await writer.keyboard.press("Enter");
    await expect.poll(() => box.inputValue()).toBe("Combien ? @Claire Financeuse ");
    expect(await writer.getByRole("listbox").count()).toBe(0);
    expect(await box.getAttribute("aria-activedescendant")).toBeNull();

    // Escape closes the list and keeps what was typed; a person who cannot read is named.
    await writer.keyboard.type("et @Dom");
    await writer.getByRole("option", { name: /Dominique Lecteur/ }).waitFor();
    await writer.keyboard.press("Escape");
    expect(await writer.getByRole("listbox").count()).toBe(0);
    await writer.keyboard.press("Backspace");
    await writer.keyboard.press("Backspace");
    await writer.keyboard.press("Backspace");
    await writer.keyboard.press("Backspace");
    await writer.keyboard.type("@Domi");
    await writer.getByRole("option", { name: /Dominique Lecteur/ }).waitFor();
    await writer.keyboard.press("Enter");
    await panel(writer)
      .getByRole("status")
      .filter({ hasText: "Dominique Lecteur ne peut pas lire ce document" })
      .waitFor();
    await inspect(writer, "mention-warning");
    await writer.keyboard.press("Tab");
    await writer.keyboard.press("Enter");

    // Posted: the mentions are text, and Claire's bell grows live.
    await thread(writer, "tiers-lieux")
      .getByText("Combien ? @Claire Financeuse et @Dominique Lecteur")
      .waitFor();
    const grown = unread + 1;
    await bell(`Notifications : ${grown} non lue${grown > 1 ? "s" : ""}`).waitFor({
      timeout: 20_000,
    });
    await thread(mentioned, "tiers-lieux").getByText("@Claire Financeuse").waitFor();
    expect(await panel(mentioned).locator(".comment__body .mention").count()).toBe(0);

    // From the text, by keyboard: the caret in the highlight, Ctrl+Alt+M focuses its thread.
    await editor(writer).locator(".comment-mark", { hasText: "tiers-lieux" }).waitFor();
    await select(writer, "tiers-lieux", true);
    await editor(writer).focus();
    await writer.keyboard.press("Control+Alt+KeyM");
    await expect
      .poll(() => thread(writer, "tiers-lieux").evaluate((node) => node === document.activeElement))
      .toBe(true);
    expect(await panel(writer).getByText("Sur « ").count()).toBe(0);
    await inspect(mentioned, "mentioned");
    expectNoPageErrors(writer);
    expectNoPageErrors(mentioned);
  }, 60_000);
});
