/**
 * Project boards against a real server and real y-websocket clients: default stages,
 * concurrent moves, the portfolio projection and its exports, rights on the board, and the
 * project group made from a card.
 */
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Portfolio } from "../../shared/api/boards";
import {
  addCard,
  addItem,
  cardsOf,
  groupByColumn,
  moveCard,
  readCards,
  readColumns,
  setCardField,
  setCardList,
  updateItem,
} from "../../shared/board-doc";
import { defaultStages, summarizePortfolio } from "../../shared/boards";
import { withPole } from "../helpers/fixture";
import { client, joinPole, type Person } from "../helpers/server";
import { closeDocument, connect, waitFor } from "../helpers/sync-client";

const t = withPole();

/** A thematic group's member, a member of the pôle outside it, an observer of the group. */
let member: Person;
let outsider: Person;
let watcher: Person;
let thematicId: string;
let boardId: string;
const as = (person: Person) => client(t.server.url, person.cookie);

const openBoard = (person: Person, documentId = boardId) => connect(t.server, person, documentId);

/** Card ids per column, in order: what a person sees on the board. */
const layout = (doc: Y.Doc) =>
  Array.from(groupByColumn(readColumns(doc), readCards(doc)), ([column, cards]) => [
    column,
    cards.map((card) => card.id),
  ]);

async function createThematic(name: string, poleId = t.pole.poleId) {
  const res = await as(t.pole.coordinator)(`/api/poles/${poleId}/circles`, {
    body: { kind: "thematic", name },
  });
  expect(res.status).toBe(201);
  const circle = await res.json();
  const documents: Array<{ id: string; kind: string; circleId: string }> = await (
    await as(t.pole.coordinator)(`/api/poles/${poleId}/documents`)
  ).json();
  const board = documents.find((d) => d.kind === "board" && d.circleId === circle.id);
  if (!board) throw new Error("no board for the new thematic group");
  return { circleId: circle.id as string, boardId: board.id };
}

const portfolio = async (poleId: string, person = t.pole.coordinator): Promise<Portfolio> =>
  (await as(person)(`/api/poles/${poleId}/portfolio`)).json();

beforeAll(async () => {
  ({ circleId: thematicId, boardId } = await createThematic("Réemploi"));
  member = await joinPole(t.server, t.pole, [{ circleId: thematicId, role: "member" }]);
  outsider = await joinPole(t.server, t.pole, [
    { circleId: t.pole.circles.steering, role: "member" },
  ]);
  watcher = await joinPole(t.server, t.pole, [{ circleId: thematicId, role: "observer" }]);
}, 60_000);

describe("project boards", () => {
  it("gives a new thematic group a board with the default stages", async () => {
    const board = await openBoard(member);
    expect(readColumns(board.doc).map((column) => column.title)).toEqual(
      defaultStages.map((stage) => stage.title),
    );
    closeDocument(board);
  });

  it("converges to one order, every card once, when two clients move cards at once", async () => {
    const { boardId: id } = await createThematic("Mobilité");
    const a = await openBoard(t.pole.coordinator, id);
    const columns = readColumns(a.doc);
    const cardIds = Array.from({ length: 24 }, (_, i) =>
      addCard(a.doc, { title: `Projet ${i + 1}`, columnId: columns[i % 3].id }),
    );
    const b = await openBoard(t.pole.coordinator, id);
    await waitFor(() => readCards(b.doc).length === cardIds.length, "the cards to reach B");

    // Both work offline for a while, moving the same cards to the same places and others.
    a.provider.disconnect();
    b.provider.disconnect();
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 40; round++) {
      for (const side of [a, b]) {
        const card = cardIds[random(cardIds.length)];
        const column = columns[random(4)].id;
        moveCard(side.doc, card, column, random(5));
      }
      // Same card, same destination, same index on both sides: a tie of order keys.
      moveCard(a.doc, cardIds[0], columns[1].id, 0);
      moveCard(b.doc, cardIds[1], columns[1].id, 0);
    }
    a.provider.connect();
    b.provider.connect();
    await waitFor(
      () => JSON.stringify(layout(a.doc)) === JSON.stringify(layout(b.doc)),
      "both boards to converge",
    );
    const seen = layout(a.doc).flatMap(([, ids]) => ids as string[]);
    expect(seen).toHaveLength(cardIds.length);
    expect(new Set(seen)).toEqual(new Set(cardIds));

    // Moves made at the same moment while connected converge too, and are stored.
    for (let i = 0; i < 10; i++) {
      moveCard(a.doc, cardIds[i], columns[2].id, 0);
      moveCard(b.doc, cardIds[i + 10], columns[2].id, 0);
    }
    await waitFor(
      () => JSON.stringify(layout(a.doc)) === JSON.stringify(layout(b.doc)),
      "the live moves to converge",
    );
    const fresh = await openBoard(t.pole.coordinator, id);
    expect(layout(fresh.doc)).toEqual(layout(a.doc));
    for (const board of [a, b, fresh]) closeDocument(board);
  });

  it("projects jobs and funding into the portfolio, per state and per year", async () => {
    // A pôle of its own, so that the other tests' cards do not count.
    const created = await as(t.pole.coordinator)("/api/poles", { body: { name: "Pôle Sud" } });
    const { id: poleId } = await created.json();
    const sud = await createThematic("Alimentation", poleId);
    const board = await openBoard(t.pole.coordinator, sud.boardId);
    const [idee, , faisabilite] = readColumns(board.doc);
    const ressourcerie = addCard(board.doc, { title: "Ressourcerie", columnId: idee.id });
    const atelier = addCard(board.doc, { title: "Atelier vélo", columnId: faisabilite.id });
    setCardField(board.doc, ressourcerie, "jobsCreated", 2.5);
    setCardField(board.doc, ressourcerie, "jobsKept", 1);
    setCardField(board.doc, atelier, "jobsCreated", 0.5);
    setCardField(board.doc, atelier, "jobsKept", 3.5);
    const line = (funder: string, amount: number, state: string, year: number) => ({
      funder,
      scheme: "regional",
      amount,
      state,
      year,
    });
    addItem(board.doc, ressourcerie, "funding", line("Région", 20000, "requested", 2026));
    addItem(board.doc, ressourcerie, "funding", line("Région", 15000.5, "granted", 2025));
    const paid = addItem(board.doc, atelier, "funding", line("Département", 8000, "granted", 2025));
    addItem(board.doc, atelier, "funding", line("Mécénat", 1200, "received", 2026));
    // A bad value typed through some client counts for nothing, and breaks nothing.
    addItem(board.doc, atelier, "funding", line("Intrus", -500, "received", 2026));

    const expected = {
      projects: 2,
      jobsCreated: 3,
      jobsKept: 4.5,
      funding: { requested: 20000, granted: 23000.5, received: 1200 },
    };
    await waitFor(
      async () => JSON.stringify((await portfolio(poleId)).totals) === JSON.stringify(expected),
      "the portfolio to reflect the board",
    );
    const answer = await portfolio(poleId);
    expect(answer.totals).toEqual(expected);
    const project = answer.projects.find((p) => p.id === ressourcerie);
    expect(project).toEqual({
      id: ressourcerie,
      title: "Ressourcerie",
      boardId: sud.boardId,
      circleId: sud.circleId,
      columnTitle: "Idée",
      jobsCreated: 2.5,
      jobsKept: 1,
      funding: [
        { funder: "Région", amount: 20000, state: "requested", year: 2026 },
        { funder: "Région", amount: 15000.5, state: "granted", year: 2025 },
      ],
    });
    expect(summarizePortfolio(answer.projects).byYear).toEqual([
      { key: "2025", requested: 0, granted: 23000.5, received: 0 },
      { key: "2026", requested: 20000, granted: 0, received: 1200 },
    ]);

    // The money arrives: the line moves to "received", the totals follow.
    updateItem(board.doc, atelier, "funding", paid, { state: "received" });
    await waitFor(
      async () => (await portfolio(poleId)).totals.funding.received === 9200,
      "the payment to reach the portfolio",
    );
    expect((await portfolio(poleId)).totals.funding).toEqual({
      requested: 20000,
      granted: 15000.5,
      received: 9200,
    });

    // The CSV parses, one row per project, with the same figures.
    const csv = await as(t.pole.coordinator)(`/api/poles/${poleId}/portfolio/export/csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename=".+\.csv"/);
    const rows: Array<Record<string, string>> = parse(await csv.text(), {
      columns: true,
      bom: true,
      delimiter: ";",
    });
    const atelierRow = rows.find((row) => row.Projet === "Atelier vélo");
    expect(atelierRow).toMatchObject({
      "Groupe thématique": "Alimentation",
      Étape: "Faisabilité",
      "ETP créés": "0,5",
      "ETP maintenus": "3,5",
      "Sollicité (€)": "0,00",
      "Accordé (€)": "0,00",
      "Versé (€)": "9200,00",
    });

    const report = await as(t.pole.coordinator)(`/api/poles/${poleId}/portfolio/report`);
    expect(report.status).toBe(200);
    const html = await report.text();
    expect(html).toContain("Portefeuille de projets");
    expect(html).toContain("Ressourcerie");
    expect(html).toMatch(/9\s200,00\s€/);
    closeDocument(board);
  });

  it("lists upcoming milestones, soonest first, without the done ones", async () => {
    const board = await openBoard(member);
    const [idee] = readColumns(board.doc);
    const card = addCard(board.doc, { title: "Conserverie", columnId: idee.id });
    addItem(board.doc, card, "milestones", { title: "Dépôt AMI", date: "2099-03-01", done: false });
    addItem(board.doc, card, "milestones", { title: "Comité", date: "2099-01-15", done: false });
    addItem(board.doc, card, "milestones", { title: "Passé", date: "2000-01-01", done: false });
    addItem(board.doc, card, "milestones", { title: "Fait", date: "2099-02-01", done: true });
    const milestones = async () =>
      (await (
        await as(watcher)(`/api/poles/${t.pole.poleId}/portfolio/milestones`)
      ).json()) as Array<{
        title: string;
        projectTitle: string;
      }>;
    await waitFor(async () => (await milestones()).length === 2, "the milestones");
    expect((await milestones()).map((m) => `${m.title} · ${m.projectTitle}`)).toEqual([
      "Comité · Conserverie",
      "Dépôt AMI · Conserverie",
    ]);
    closeDocument(board);
  });

  it("links a project to the diagnostic's needs, readable from the need's side", async () => {
    const diagnostic = await openBoard(t.pole.coordinator, t.pole.documents.diagnostic);
    const need = new Y.Map<unknown>();
    diagnostic.doc.getArray<Y.Map<unknown>>("needs").push([need]);
    need.set("id", "besoin-mobilite");
    need.set("title", "Se déplacer sans voiture");
    const board = await openBoard(member);
    const card = addCard(board.doc, {
      title: "Garage solidaire",
      columnId: readColumns(board.doc)[0].id,
    });
    setCardList(board.doc, card, "needIds", ["besoin-mobilite", "besoin-inconnu"]);
    type Need = { id: string; title: string; projects: Array<{ id: string; boardId: string }> };
    const needs = async (): Promise<Need[]> =>
      (await as(outsider)(`/api/poles/${t.pole.poleId}/portfolio/needs`)).json();
    await waitFor(
      async () => (await needs()).some((n) => n.projects.some((p) => p.id === card)),
      "the need to know its project",
    );
    expect((await needs()).find((n) => n.id === "besoin-mobilite")).toEqual({
      id: "besoin-mobilite",
      title: "Se déplacer sans voiture",
      projects: [{ id: card, title: "Garage solidaire", boardId }],
    });
    for (const opened of [diagnostic, board]) closeDocument(opened);
  });

  it("keeps people outside the thematic group from writing the board", async () => {
    const editor = await openBoard(member);
    const outside = await openBoard(outsider);
    const observer = await openBoard(watcher);
    const [idee] = readColumns(editor.doc);
    addCard(outside.doc, { title: "Intrusion", columnId: idee.id });
    addCard(observer.doc, { title: "Intrusion d'observateur", columnId: idee.id });
    const existing = readCards(outside.doc)[0];
    if (existing) setCardField(outside.doc, existing.id, "jobsCreated", 999);
    // An edit from the group that reaches both readers: theirs, sent before, were handled.
    const marker = addCard(editor.doc, { title: "Repère", columnId: idee.id });
    await waitFor(
      () => cardsOf(outside.doc).has(marker) && cardsOf(observer.doc).has(marker),
      "the group's edit to reach the readers",
    );
    const fresh = await openBoard(t.pole.coordinator);
    for (const doc of [editor.doc, fresh.doc]) {
      const titles = readCards(doc).map((card) => card.title);
      expect(titles).toContain("Repère");
      expect(titles).not.toContain("Intrusion");
      expect(titles).not.toContain("Intrusion d'observateur");
      expect(readCards(doc).some((card) => card.jobsCreated === 999)).toBe(false);
    }
    // Nor may they make a project page or group from a card, over HTTP.
    for (const person of [outsider, watcher]) {
      const page = await as(person)(`/api/documents/${boardId}/cards/${marker}/project-page`, {
        body: { title: "Page" },
      });
      expect(page.status).toBe(403);
      const group = await as(person)(`/api/documents/${boardId}/cards/${marker}/project-group`, {
        body: { name: "Groupe" },
      });
      expect(group.status).toBe(403);
      expect((await group.json()).error.code).toBe("forbidden");
    }
    const documents: Array<{ kind: string }> = await (
      await as(t.pole.coordinator)(`/api/poles/${t.pole.poleId}/documents`)
    ).json();
    expect(documents.filter((d) => d.kind === "project")).toEqual([]);
    for (const board of [editor, outside, observer, fresh]) closeDocument(board);
  });

  it("creates the project group from a card in one step, linked both ways", async () => {
    const board = await openBoard(member);
    const [idee] = readColumns(board.doc);
    const cardId = addCard(board.doc, { title: "Recyclerie solidaire", columnId: idee.id });
    const base = `/api/documents/${boardId}/cards/${cardId}`;
    // The server makes a page or a group only for a card it has stored: relayed means stored.
    const reread = await openBoard(watcher);
    await waitFor(() => cardsOf(reread.doc).has(cardId), "the card to be stored");

    // The card gets its project page first; asking twice answers the same page.
    const page = await as(member)(`${base}/project-page`, { body: { title: "Recyclerie" } });
    expect(page.status).toBe(201);
    const pageDoc = await page.json();
    expect(pageDoc).toMatchObject({ kind: "project", title: "Recyclerie", circleId: thematicId });
    const again = await as(member)(`${base}/project-page`, { body: { title: "Autre" } });
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe(pageDoc.id);

    const res = await as(member)(`${base}/project-group`, {
      body: { name: "Groupe projet Recyclerie" },
    });
    expect(res.status).toBe(201);
    const { circle, projectDocumentId } = await res.json();
    expect(projectDocumentId).toBe(pageDoc.id);
    expect(circle).toMatchObject({ kind: "project", parentId: thematicId });
    // The browser copies the ids onto the card, as the board page does.
    setCardField(board.doc, cardId, "projectCircleId", circle.id);
    setCardField(board.doc, cardId, "projectDocumentId", projectDocumentId);

    // Card → group, on the server and in the board.
    const links = await (await as(outsider)(`/api/documents/${boardId}/cards/links`)).json();
    expect(links).toContainEqual({ cardId, projectCircleId: circle.id, projectDocumentId });
    await waitFor(
      () => readCards(reread.doc).find((c) => c.id === cardId)?.projectCircleId === circle.id,
      "the card to carry its group",
    );
    // Group → card.
    const back = await (await as(watcher)(`/api/circles/${circle.id}/project`)).json();
    expect(back).toEqual({ boardId, cardId, projectDocumentId });
    const circles: Array<{ id: string; parentId: string; members: unknown[] }> = await (
      await as(member)(`/api/poles/${t.pole.poleId}/circles`)
    ).json();
    expect(circles.find((c) => c.id === circle.id)).toMatchObject({
      parentId: thematicId,
      members: [{ userId: member.userId, role: "facilitator" }],
    });

    // The project page now belongs to the group: its members write it, the board's don't.
    const newcomer = await joinPole(t.server, t.pole, [{ circleId: circle.id, role: "member" }]);
    const access = async (person: Person) => {
      const list: Array<{ id: string; access: string }> = await (
        await as(person)(`/api/poles/${t.pole.poleId}/documents`)
      ).json();
      return {
        page: list.find((d) => d.id === projectDocumentId)?.access,
        board: list.find((d) => d.id === boardId)?.access,
      };
    };
    expect(await access(newcomer)).toEqual({ page: "edit", board: "view" });
    expect(await access(member)).toEqual({ page: "edit", board: "edit" });
    expect(await access(watcher)).toEqual({ page: "view", board: "view" });
    expect(await access(outsider)).toEqual({ page: "view", board: "view" });

    // Once is enough; bad input is refused clearly and changes nothing.
    const twice = await as(member)(`${base}/project-group`, { body: { name: "Encore" } });
    expect(twice.status).toBe(409);
    expect((await twice.json()).error.message).toMatch(/déjà son groupe projet/);
    const empty = await as(member)(`/api/documents/${boardId}/cards/autre/project-group`, {
      body: { name: "  " },
    });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.code).toBe("invalid_input");
    const badCard = await as(member)(`/api/documents/${boardId}/cards/a%20b/project-group`, {
      body: { name: "Groupe" },
    });
    expect(badCard.status).toBe(400);
    const notABoard = await as(t.pole.coordinator)(
      `/api/documents/${t.pole.documents.charter}/cards/x/project-group`,
      { body: { name: "Groupe" } },
    );
    expect(notABoard.status).toBe(404);
    const after: unknown[] = await (await as(member)(`/api/poles/${t.pole.poleId}/circles`)).json();
    expect(after).toHaveLength(circles.length);
    for (const opened of [board, reread]) closeDocument(opened);
  });

  it("keeps the portfolio of a pôle to its own members", async () => {
    const founder = await joinPole(t.server, t.pole, []);
    const other = await as(founder)("/api/poles", { body: { name: "Autre pôle" } });
    expect(other.status).toBe(201);
    const { id: otherPoleId } = await other.json();
    expect((await as(t.pole.coordinator)(`/api/poles/${otherPoleId}/portfolio`)).status).toBe(404);
    // Every member reads it, observers and people outside the thematic groups included.
    for (const person of [watcher, outsider]) {
      expect((await as(person)(`/api/poles/${t.pole.poleId}/portfolio`)).status).toBe(200);
    }
    const unauthenticated = await client(t.server.url)(`/api/poles/${t.pole.poleId}/portfolio`);
    expect(unauthenticated.status).toBe(401);
    const own = await (await as(founder)(`/api/poles/${otherPoleId}/portfolio`)).json();
    expect(own.projects).toEqual([]);
  });
});
