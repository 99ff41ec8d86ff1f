/**
 * Comments in two windows of a real Chromium: a partner with the commenter role selects
 * words of the diagnostic and comments; the coordinator sees the thread and its highlight
 * without a reload, answers, opens a second thread with Ctrl+Alt+M, resolves; the partner
 * sees each step live, reacts, and her markup shows as text. Deleting the commented words
 * detaches the thread, undo re-attaches it. Every page passes axe and fits 375 px.
 */
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { addCard } from "../../shared/board-doc";
import { expectNoPageErrors, inspect as inspectPage } from "../helpers/browser";
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

/** Selects the first occurrence of `text` in the editor, as a person dragging over it. */
async function select(page: Page, text: string) {
  await page.evaluate((wanted) => {
    const root = document.querySelector(".ProseMirror");
    if (!root) throw new Error("no editor");
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the editor`);
  }, text);
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
});
