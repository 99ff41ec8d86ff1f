/**
 * Search across a pôle against a real server and real Yjs clients: folded accents and case,
 * prefixes while typing, phrases, rights across two pôles and across circles, an edit found
 * within 3 seconds, a deleted row gone, and hostile queries that never break the route.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import type { SearchResults } from "../../shared/api/search";
import { addCard, readColumns } from "../../shared/board-doc";
import { newRow } from "../../shared/diagnostic/writing";
import { expectError } from "../helpers/contract";
import { withPole } from "../helpers/fixture";
import {
  client,
  joinPole,
  type Person,
  startPole,
  startTestServer,
  type TestServer,
  withStoppedServerDatabase,
} from "../helpers/server";
import {
  closeDocument,
  closeDocuments,
  connect,
  eventually,
  writeParagraph,
} from "../helpers/sync-client";

const t = withPole();

let thematicId: string;
let boardId: string;
let pageId: string;
/** A member of the pôle seated in no circle. */
let plainMember: Person;
/** Coordinator of a second pôle on the same instance, a plain member of the first. */
let neighbour: Person;
let otherPoleId: string;

const as = (person: Person) => client(t.server.url, person.cookie);

async function search(
  person: Person,
  q: string,
  extra = "",
  poleId = t.pole.poleId,
): Promise<SearchResults> {
  const res = await as(person)(`/api/poles/${poleId}/search?q=${encodeURIComponent(q)}${extra}`);
  expect(res.status).toBe(200);
  return res.json();
}

const ids = (hits: SearchResults) => hits.map((hit) => hit.id);

function addRow(doc: Y.Doc, table: "actors" | "needs", values: Record<string, unknown>) {
  const { id, map } = newRow(table, values);
  doc.getArray(table).push([map]);
  return id;
}

let actorId: string;
let needId: string;
let cardId: string;

beforeAll(async () => {
  const coordinator = as(t.pole.coordinator);
  const circle = await (
    await coordinator(`/api/poles/${t.pole.poleId}/circles`, {
      body: { kind: "thematic", name: "Mobilité rurale" },
    })
  ).json();
  thematicId = circle.id;
  const documents: Array<{ id: string; kind: string; circleId: string }> = await (
    await coordinator(`/api/poles/${t.pole.poleId}/documents`)
  ).json();
  boardId = documents.find((d) => d.kind === "board" && d.circleId === thematicId)?.id ?? "";
  const page = await coordinator(`/api/poles/${t.pole.poleId}/documents`, {
    body: { kind: "page", title: "Compte rendu du 12 mars", circleId: thematicId },
  });
  pageId = (await page.json()).id;

  plainMember = await joinPole(t.server, t.pole, [], "Sacha Membre");
  neighbour = await joinPole(t.server, t.pole, [], "Dominique Voisine");
  const founded = await as(neighbour)("/api/poles", { body: { name: "Pôle du Vercors" } });
  otherPoleId = (await founded.json()).id;

  const diagnostic = await connect(t.server, t.pole.coordinator, t.pole.documents.diagnostic);
  actorId = addRow(diagnostic.doc, "actors", {
    name: "Équipe mobile d'insertion",
    sector: "Insertion",
    competencies: "Accompagnement des élus et des habitants",
  });
  needId = addRow(diagnostic.doc, "needs", {
    title: "Transport à la demande",
    description: "La mobilité des jeunes en zone rurale",
  });
  const board = await connect(t.server, t.pole.coordinator, boardId);
  const columnId = readColumns(board.doc)[0]?.id ?? "";
  cardId = addCard(board.doc, { title: "Garage solidaire", columnId });
  const page2 = await connect(t.server, t.pole.coordinator, pageId);
  writeParagraph(page2.doc, "Introduction sans intérêt.");
  writeParagraph(page2.doc, "Nous avons parlé de la transition écologique avec les élus.");

  const other = await connect(t.server, neighbour, await diagnosticOf(otherPoleId));
  addRow(other.doc, "actors", { name: "Équipe secrète du Vercors" });
  await eventually(async () => {
    expect(ids(await search(neighbour, "secrète", "", otherPoleId))).toHaveLength(1);
    expect(ids(await search(t.pole.coordinator, "garage"))).toContain(cardId);
    expect(ids(await search(t.pole.coordinator, "transition"))).toHaveLength(1);
  });
  closeDocuments();
}, 60_000);

afterEach(() => closeDocuments());

async function diagnosticOf(poleId: string) {
  const documents: Array<{ id: string; kind: string }> = await (
    await as(neighbour)(`/api/poles/${poleId}/documents`)
  ).json();
  return documents.find((d) => d.kind === "diagnostic")?.id ?? "";
}

describe("what search finds", () => {
  it("answers the contract's fields for a registry row, with the words to highlight", async () => {
    const [hit] = await search(t.pole.coordinator, "insertion");
    expect(hit).toMatchObject({
      kind: "row",
      id: actorId,
      documentId: t.pole.documents.diagnostic,
      title: "Équipe mobile d'insertion",
      anchor: `registry=actors&row=${actorId}`,
    });
    expect(typeof hit?.snippet).toBe("string");
    const [start, end] = hit?.highlights[0] ?? [0, 0];
    expect(hit?.snippet.slice(start, end).toLowerCase()).toBe("insertion");
    expect(hit?.snippet).not.toMatch(/[<>]/);
  });

  it("folds case and accents: equipe finds Équipe, elus finds élus", async () => {
    expect(ids(await search(t.pole.coordinator, "equipe"))).toContain(actorId);
    expect(ids(await search(t.pole.coordinator, "EQUIPE"))).toContain(actorId);
    const elus = await search(t.pole.coordinator, "elus");
    expect(ids(elus)).toContain(actorId);
    expect(elus.some((hit) => hit.kind === "paragraph" && hit.documentId === pageId)).toBe(true);
  });

  it("matches prefixes while typing: mobi finds mobilité", async () => {
    const hits = await search(t.pole.coordinator, "mobi");
    expect(ids(hits)).toEqual(expect.arrayContaining([actorId, needId, thematicId]));
  });

  it("matches phrases in quotes, and only the phrase", async () => {
    const phrase = await search(t.pole.coordinator, '"transition écologique"');
    expect(phrase.map((hit) => hit.kind)).toEqual(["paragraph"]);
    expect(phrase[0]?.anchor).toBe("p=1");
    expect(await search(t.pole.coordinator, '"écologique transition"')).toEqual([]);
  });

  it("finds documents by title, cards, people and circles, each with where it opens", async () => {
    const page = await search(t.pole.coordinator, "compte rendu");
    expect(page[0]).toMatchObject({ kind: "document", id: pageId, documentId: pageId });
    const [card] = await search(t.pole.coordinator, "garage solidaire");
    expect(card).toMatchObject({ kind: "card", id: cardId, documentId: boardId });
    expect(card?.anchor).toBe(`card=${cardId}`);
    const people = await search(t.pole.coordinator, "sacha");
    expect(people[0]).toMatchObject({ kind: "person", id: plainMember.userId, documentId: null });
    expect(ids(await search(t.pole.coordinator, "rurale", "&kind=circle"))).toEqual([thematicId]);
  });

  it("finds a decision by its title and text, in its circle", async () => {
    const opened = await as(t.pole.coordinator)(`/api/poles/${t.pole.poleId}/decisions`, {
      body: {
        circleId: t.pole.circles.steering,
        title: "Adhésion au réseau Tramontane",
        text: "Cotisation annuelle des élus référents",
        method: "consent",
      },
    });
    expect(opened.status).toBe(201);
    const { id } = await opened.json();
    const [hit] = await search(plainMember, "adhesion tramontane");
    expect(hit).toMatchObject({
      kind: "decision",
      id,
      documentId: null,
      circleId: t.pole.circles.steering,
    });
    expect(ids(await search(plainMember, "cotisation", "&kind=decision"))).toEqual([id]);
    expect(await search(neighbour, "tramontane", "", otherPoleId)).toEqual([]);
  });

  it("ranks a heading match above the same word in a text", async () => {
    const hits = await search(t.pole.coordinator, "transport");
    expect(hits[0]?.id).toBe(needId);
  });

  it("filters by kind and by document (search inside one board or the diagnostic)", async () => {
    const rows = await search(t.pole.coordinator, "mobi", "&kind=row");
    expect(new Set(rows.map((hit) => hit.kind))).toEqual(new Set(["row"]));
    const inBoard = await search(t.pole.coordinator, "garage", `&documentId=${boardId}`);
    expect(ids(inBoard)).toEqual([cardId]);
    const inDiagnostic = await search(t.pole.coordinator, "garage", `&documentId=${pageId}`);
    expect(inDiagnostic).toEqual([]);
  });
});

describe("rights", () => {
  it("never shows another pôle's content, and answers 404 for a pôle one is not in", async () => {
    expect(await search(t.pole.coordinator, "secrète")).toEqual([]);
    expect(await search(neighbour, "secrète")).toEqual([]);
    await expectError(
      await as(t.pole.coordinator)(`/api/poles/${otherPoleId}/search?q=equipe`),
      404,
      "not_found",
    );
  });

  it("lets every member read every circle's documents, as the rules say", async () => {
    expect(ids(await search(plainMember, "garage"))).toContain(cardId);
    expect(ids(await search(plainMember, "transition"))).toHaveLength(1);
  });

  it("asks for a session", async () => {
    const res = await client(t.server.url)(`/api/poles/${t.pole.poleId}/search?q=equipe`);
    expect(res.status).toBe(401);
  });
});

describe("freshness", () => {
  it("finds an edit within 3 seconds, the document still open, then after it closes", async () => {
    const open = await connect(t.server, t.pole.coordinator, pageId);
    const started = Date.now();
    writeParagraph(open.doc, "Le covoiturage solidaire avance.");
    await eventually(async () => {
      expect(await search(plainMember, "covoiturage")).toHaveLength(1);
    });
    expect(Date.now() - started).toBeLessThan(3000);
    closeDocument(open);
    expect(await search(plainMember, "covoiturage")).toHaveLength(1);
  });

  it("forgets a deleted row", async () => {
    const diagnostic = await connect(t.server, t.pole.coordinator, t.pole.documents.diagnostic);
    const id = addRow(diagnostic.doc, "needs", { title: "Recyclerie éphémère" });
    await eventually(async () => {
      expect(ids(await search(t.pole.coordinator, "recyclerie"))).toEqual([id]);
    });
    const needs = diagnostic.doc.getArray<Y.Map<unknown>>("needs");
    const index = needs.toArray().findIndex((row) => row.get("id") === id);
    needs.delete(index, 1);
    const started = Date.now();
    await eventually(async () => {
      expect(await search(t.pole.coordinator, "recyclerie")).toEqual([]);
    });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("follows a renamed group at once", async () => {
    const circle = await (
      await as(t.pole.coordinator)(`/api/poles/${t.pole.poleId}/circles`, {
        body: { kind: "thematic", name: "Alimentation" },
      })
    ).json();
    const renamed = await as(t.pole.coordinator)(`/api/circles/${circle.id}`, {
      method: "PATCH",
      body: { name: "Circuits courts alimentaires" },
    });
    expect(renamed.status).toBe(200);
    expect(ids(await search(plainMember, "circuits courts", "&kind=circle"))).toEqual([circle.id]);
  });

  it("reindexes a person when their profile changes", async () => {
    const res = await as(plainMember)(`/api/poles/${t.pole.poleId}/people/${plainMember.userId}`, {
      method: "PUT",
      body: {
        structureId: null,
        roleInStructure: "Chargée de mission",
        competencies: ["Agroécologie"],
        brings: "",
        seeks: "",
      },
    });
    expect(res.status).toBe(200);
    expect(ids(await search(t.pole.coordinator, "agroecologie"))).toEqual([plainMember.userId]);
  });
});

describe("hostile queries", () => {
  it.each([
    "",
    "   ",
    '"',
    "*",
    "NEAR(",
    "NEAR(equipe mobile, 2)",
    "-",
    "- equipe",
    "AND",
    "equipe AND",
    "OR NOT",
    ":",
    "heading:equipe",
    "equipe*",
    "^equipe",
    "(((",
    "'; DROP TABLE search_entries; --",
    "\u{E000}equipe\u{E001}",
  ])("%j gets results or nothing, never an error", async (q) => {
    const hits = await search(t.pole.coordinator, q);
    expect(Array.isArray(hits)).toBe(true);
  });

  it("reads FTS syntax as plain separators between words", async () => {
    // `-` is no negation, `:` no column filter, `*` and `AND` no operators.
    expect(ids(await search(t.pole.coordinator, "equipe -mobile"))).toContain(actorId);
    expect(ids(await search(t.pole.coordinator, "equipe:mobile*"))).toContain(actorId);
    expect(ids(await search(t.pole.coordinator, "equipe AND mobile"))).toEqual([]);
  });

  it("refuses more than 200 characters with a French message", async () => {
    const res = await as(t.pole.coordinator)(
      `/api/poles/${t.pole.poleId}/search?q=${"a".repeat(201)}`,
    );
    expect(await expectError(res, 400, "invalid_input")).toContain("200 caractères");
    expect(await search(t.pole.coordinator, "a".repeat(200))).toEqual([]);
  });

  it("refuses an unknown kind", async () => {
    await expectError(
      await as(t.pole.coordinator)(`/api/poles/${t.pole.poleId}/search?q=a&kind=secret`),
      400,
      "invalid_input",
    );
  });
});

describe("a database from before search", () => {
  it("is indexed once at start: its registry rows and its people become findable", async () => {
    const first = await startPole();
    let second: TestServer | undefined;
    try {
      const diagnostic = await connect(
        first.server,
        first.pole.coordinator,
        first.pole.documents.diagnostic,
      );
      const id = addRow(diagnostic.doc, "actors", { name: "Ressourcerie ancienne" });
      const api = client(first.server.url, first.pole.coordinator.cookie);
      const found = async (base = api) =>
        (await (
          await base(`/api/poles/${first.pole.poleId}/search?q=ressourcerie`)
        ).json()) as SearchResults;
      await eventually(async () => expect(ids(await found())).toEqual([id]));
      closeDocument(diagnostic);
      await first.server.close({ keepData: true });

      // What an older server left: documents and people, no search entry at all.
      await withStoppedServerDatabase(first.server.dataDir, async (db) => {
        await db.deleteFrom("search_entries").execute();
      });

      second = await startTestServer({ dataDir: first.server.dataDir });
      const again = client(second.url, first.pole.coordinator.cookie);
      await eventually(async () => {
        expect(ids(await found(again))).toEqual([id]);
        const people = await (
          await again(`/api/poles/${first.pole.poleId}/search?q=camille`)
        ).json();
        expect(people.map((hit: { kind: string }) => hit.kind)).toContain("person");
      });
    } finally {
      await second?.close();
      if (!second) await first.server.close().catch(() => {});
    }
  }, 60_000);
});
