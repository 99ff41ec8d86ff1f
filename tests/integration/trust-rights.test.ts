/**
 * Issue 15, rights inside a pôle and what leaves it: joining a structure is a request,
 * project groups come from stored cards, suggestions are decided by those who place people,
 * addresses stay with the coordination, CSV cells never run as formulas, and money written
 * with a scheme this version does not know still counts.
 */
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Portfolio } from "../../shared/api/boards";
import { addCard, cardsOf, readColumns } from "../../shared/board-doc";
import { newRow } from "../../shared/diagnostic/writing";
import { closeCodes } from "../../shared/documents";
import { expectError } from "../helpers/contract";
import { withPole } from "../helpers/fixture";
import { client, joinPole, type Person } from "../helpers/server";
import { closeDocuments, connect, eventually, waitFor } from "../helpers/sync-client";

const t = withPole();
const as = (person: Person) => client(t.server.url, person.cookie);

/** A thematic group made by the coordinator, with its board. */
async function createThematic(name: string) {
  const res = await as(t.pole.coordinator)(`/api/poles/${t.pole.poleId}/circles`, {
    body: { kind: "thematic", name },
  });
  expect(res.status).toBe(201);
  const circle: { id: string } = await res.json();
  const documents: Array<{ id: string; kind: string; circleId: string }> = await (
    await as(t.pole.coordinator)(`/api/poles/${t.pole.poleId}/documents`)
  ).json();
  const board = documents.find((d) => d.kind === "board" && d.circleId === circle.id);
  if (!board) throw new Error("no board for the new thematic group");
  return { circleId: circle.id, boardId: board.id };
}

/** Writes cards through one client and waits until a second one sees them: then they are stored. */
async function storedCards(person: Person, boardId: string, titles: string[]) {
  const writer = await connect(t.server, person, boardId);
  const [column] = readColumns(writer.doc);
  const ids = titles.map((title) => addCard(writer.doc, { title, columnId: column.id }));
  const reader = await connect(t.server, t.pole.coordinator, boardId);
  await waitFor(() => ids.every((id) => cardsOf(reader.doc).has(id)), "the cards to be stored");
  return { ids, doc: writer.doc };
}

const circleCount = async () =>
  (
    (await (
      await as(t.pole.coordinator)(`/api/poles/${t.pole.poleId}/circles`)
    ).json()) as unknown[]
  ).length;

describe("11. joining a structure is a request its people or a coordinator answer", () => {
  const profile = (structureId: string | null) => ({
    structureId,
    roleInStructure: "",
    competencies: [],
    brings: "",
    seeks: "",
  });
  const join = (person: Person, structureId: string | null) =>
    as(person)(`/api/poles/${t.pole.poleId}/people/${person.userId}`, {
      method: "PUT",
      body: profile(structureId),
    });
  const rename = (person: Person, structureId: string, name: string) =>
    as(person)(`/api/structures/${structureId}`, {
      method: "PUT",
      body: { name, legalForm: "association", sizeBand: null, sectors: [], ess: true },
    });
  const requests = async (person: Person) =>
    (await as(person)(`/api/poles/${t.pole.poleId}/structure-requests`)).json();

  it("lets the first person in, then holds the others until accepted or refused", async () => {
    const [alice, basile, chloe] = await Promise.all(
      ["Alice Roux", "Basile Morel", "Chloé Petit"].map((name) =>
        joinPole(t.server, t.pole, [], name),
      ),
    );
    const created = await as(alice)(`/api/poles/${t.pole.poleId}/structures`, {
      body: {
        name: "Ressourcerie du Val",
        legalForm: "association",
        sizeBand: null,
        sectors: [],
        ess: true,
      },
    });
    expect(created.status).toBe(201);
    const structure: { id: string } = await created.json();

    // Nobody belongs to it yet: Alice joins at once (nobody could answer her request).
    const first = await (await join(alice, structure.id)).json();
    expect(first.structure?.id).toBe(structure.id);
    expect(first.pendingStructure).toBeNull();

    // Basile only asks: he is not part of it, and may not rename it.
    const asked = await join(basile, structure.id);
    expect(asked.status).toBe(200);
    expect(await asked.json()).toMatchObject({
      structure: null,
      pendingStructure: { id: structure.id, name: "Ressourcerie du Val" },
    });
    await expectError(await rename(basile, structure.id, "Basile & Cie"), 403, "forbidden");
    const listed = await (await as(chloe)(`/api/poles/${t.pole.poleId}/structures`)).json();
    expect(listed).toEqual([
      expect.objectContaining({ name: "Ressourcerie du Val", memberCount: 1 }),
    ]);

    // Only its people and the coordination see and answer the request.
    expect(await requests(chloe)).toEqual([]);
    expect(await requests(basile)).toEqual([]);
    expect(await requests(alice)).toEqual([
      expect.objectContaining({
        structureId: structure.id,
        userId: basile.userId,
        name: "Basile Morel",
      }),
    ]);
    const accept = (person: Person, userId: string) =>
      as(person)(`/api/structures/${structure.id}/requests/${userId}/accept`, { body: {} });
    await expectError(await accept(chloe, basile.userId), 403, "forbidden");
    await expectError(await accept(basile, basile.userId), 403, "forbidden");
    expect((await accept(alice, basile.userId)).status).toBe(200);
    await expectError(await accept(alice, basile.userId), 404, "not_found");
    const basileNow = await (
      await as(basile)(`/api/poles/${t.pole.poleId}/people/${basile.userId}`)
    ).json();
    expect(basileNow).toMatchObject({ structure: { id: structure.id }, pendingStructure: null });
    expect((await rename(basile, structure.id, "Ressourcerie du Val-de-Drôme")).status).toBe(200);

    // Chloé asks; the coordination refuses. She asks again, then withdraws.
    await join(chloe, structure.id);
    const refused = await as(t.pole.coordinator)(
      `/api/structures/${structure.id}/requests/${chloe.userId}`,
      { method: "DELETE" },
    );
    expect(refused.status).toBe(204);
    await join(chloe, structure.id);
    expect(
      (
        await as(chloe)(`/api/structures/${structure.id}/requests/${chloe.userId}`, {
          method: "DELETE",
        })
      ).status,
    ).toBe(204);
    const chloeNow = await (
      await as(chloe)(`/api/poles/${t.pole.poleId}/people/${chloe.userId}`)
    ).json();
    expect(chloeNow).toMatchObject({ structure: null, pendingStructure: null });
    await expectError(await rename(chloe, structure.id, "Chez Chloé"), 403, "forbidden");

    // A coordinator places someone directly; the journal tells the whole story.
    const placed = await as(t.pole.coordinator)(
      `/api/poles/${t.pole.poleId}/people/${chloe.userId}`,
      {
        method: "PUT",
        body: profile(structure.id),
      },
    );
    expect((await placed.json()).structure?.id).toBe(structure.id);
    const journal: Array<{ action: string }> = (
      await (
        await as(t.pole.coordinator)(`/api/poles/${t.pole.poleId}/audit?kind=structure`)
      ).json()
    ).entries;
    expect(journal.map((entry) => entry.action)).toEqual(
      expect.arrayContaining([
        "structure.join_requested",
        "structure.joined",
        "structure.request_refused",
        "structure.request_withdrawn",
      ]),
    );
  });

  it("holds a newcomer's onboarding choice of an existing structure as a request", async () => {
    const [owner, newcomer] = await Promise.all([
      joinPole(t.server, t.pole, [], "Denis Blanc"),
      joinPole(t.server, t.pole, [], "Emma Noir"),
    ]);
    const { id } = await (
      await as(owner)(`/api/poles/${t.pole.poleId}/structures`, {
        body: { name: "Scop Atelier", legalForm: "scop", sizeBand: null, sectors: [], ess: true },
      })
    ).json();
    await join(owner, id);
    const chosen = await as(newcomer)(`/api/poles/${t.pole.poleId}/onboarding/structure`, {
      body: { structureId: id },
    });
    expect(chosen.status).toBe(200);
    expect((await chosen.json()).steps.structure).not.toBeNull();
    const person = await (
      await as(newcomer)(`/api/poles/${t.pole.poleId}/people/${newcomer.userId}`)
    ).json();
    expect(person).toMatchObject({ structure: null, pendingStructure: { id } });
    expect(await requests(owner)).toEqual([expect.objectContaining({ userId: newcomer.userId })]);
  });
});

describe("12. a project group needs a stored card and the right to edit its board", () => {
  let member: Person;
  let outsider: Person;
  let boardId: string;

  beforeAll(async () => {
    const thematic = await createThematic("Mobilités");
    boardId = thematic.boardId;
    member = await joinPole(t.server, t.pole, [{ circleId: thematic.circleId, role: "member" }]);
    outsider = await joinPole(t.server, t.pole, []);
  });

  it("refuses a card the stored board does not hold, and makes no circle", async () => {
    const before = await circleCount();
    for (const route of ["project-group", "project-page"]) {
      await expectError(
        await as(member)(`/api/documents/${boardId}/cards/imaginaire/${route}`, {
          body: { name: "Groupe fantôme", title: "Page fantôme" },
        }),
        404,
        "not_found",
      );
    }
    expect(await circleCount()).toBe(before);
  });

  it("refuses those who may not edit the board, and a second group for one card", async () => {
    const { ids } = await storedCards(member, boardId, ["Covoiturage", "Vélobus"]);
    const [covoiturage, velobus] = ids;
    await expectError(
      await as(outsider)(`/api/documents/${boardId}/cards/${covoiturage}/project-group`, {
        body: { name: "Groupe" },
      }),
      403,
      "forbidden",
    );
    const before = await circleCount();
    // Two clicks at once: one group.
    const answers = await Promise.all(
      [1, 2].map(() =>
        as(member)(`/api/documents/${boardId}/cards/${velobus}/project-group`, {
          body: { name: "Groupe Vélobus" },
        }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect(await circleCount()).toBe(before + 1);
    closeDocuments();
  });
});

describe("13. onboarding suggestions are decided by those who place people in the circle", () => {
  it("refuses a facilitator of another circle, and shows where the newcomer stands", async () => {
    const [jardins, velo] = await Promise.all([createThematic("Jardins"), createThematic("Vélo")]);
    const facilitator = await joinPole(t.server, t.pole, [
      { circleId: jardins.circleId, role: "facilitator" },
    ]);
    const other = await joinPole(t.server, t.pole, [
      { circleId: velo.circleId, role: "facilitator" },
    ]);
    const newcomer = await joinPole(
      t.server,
      t.pole,
      [{ circleId: jardins.circleId, role: "observer" }],
      "Fanny Vert",
    );
    await as(newcomer)(`/api/poles/${t.pole.poleId}/onboarding/interest`, {
      body: { interest: "theme", circleIds: [jardins.circleId] },
    });
    const newcomers: Array<{
      userId: string;
      poleRole: string;
      circles: Array<{ circleId: string; role: string }>;
      suggestions: Array<{ id: string; circleId: string }>;
    }> = await (await as(t.pole.coordinator)(`/api/poles/${t.pole.poleId}/newcomers`)).json();
    const row = newcomers.find((n) => n.userId === newcomer.userId);
    expect(row).toMatchObject({
      poleRole: "member",
      circles: [expect.objectContaining({ circleId: jardins.circleId, role: "observer" })],
    });
    const suggestion = row?.suggestions.find((s) => s.circleId === jardins.circleId);
    if (!suggestion) throw new Error("no suggestion for Jardins");

    // The facilitator of another circle may neither take the newcomer there nor decide it.
    const confirm = (person: Person, body: object) =>
      as(person)(`/api/suggestions/${suggestion.id}/confirm`, { body });
    await expectError(await confirm(other, { circleId: velo.circleId }), 403, "forbidden");
    await expectError(await confirm(other, {}), 403, "forbidden");
    await expectError(
      await as(other)(`/api/suggestions/${suggestion.id}`, { method: "DELETE" }),
      403,
      "forbidden",
    );
    await expectError(await confirm(newcomer, {}), 403, "forbidden");
    // The suggested circle's facilitator confirms it.
    const confirmed = await confirm(facilitator, {});
    expect(await confirmed.json()).toEqual({
      circleId: jardins.circleId,
      userId: newcomer.userId,
      role: "member",
    });
  });
});

describe("14. e-mail addresses are the coordinators' only", () => {
  it("lists members without addresses for everyone else", async () => {
    const member = await joinPole(t.server, t.pole, []);
    const seen: Array<Record<string, unknown>> = await (
      await as(member)(`/api/poles/${t.pole.poleId}/members`)
    ).json();
    expect(seen.length).toBeGreaterThan(1);
    for (const person of seen) expect(person).not.toHaveProperty("email");
    const coordination: Array<{ userId: string; email?: string }> = await (
      await as(t.pole.coordinator)(`/api/poles/${t.pole.poleId}/members`)
    ).json();
    expect(coordination.find((p) => p.userId === member.userId)?.email).toBe(member.email);
  });
});

/** A CSV answer: its bytes start with a BOM, its cells are `;`-separated. */
async function csvOf(response: Response) {
  expect(response.status).toBe(200);
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes.subarray(3));
  return { text, records: parse(text, { delimiter: ";", relax_column_count: true }) as string[][] };
}

const HOSTILE = [
  '=HYPERLINK("http://evil.example")',
  "+33 1 23",
  "-2+3",
  "@SUM(A1)",
  "\tonglet",
  "\rretour",
];

describe("15. CSV cells never run as formulas", () => {
  it("the diagnostic's registries", async () => {
    const { doc } = await connect(t.server, t.pole.coordinator, t.pole.documents.diagnostic);
    doc.transact(() => {
      doc
        .getArray("actors")
        .push([
          ...HOSTILE.map((name) => newRow("actors", { name }).map),
          newRow("actors", { name: "Une\rligne" }).map,
        ]);
      doc
        .getArray("trends")
        .push([newRow("trends", { title: "Solde migratoire", value: -8.5 }).map]);
    });
    const reader = await connect(t.server, t.pole.coordinator, t.pole.documents.diagnostic);
    await waitFor(() => reader.doc.getArray("trends").length === 1, "the rows to be stored");
    closeDocuments();
    const exportOf = (registry: string) =>
      as(t.pole.coordinator)(
        `/api/documents/${t.pole.documents.diagnostic}/export/csv?registry=${registry}`,
      );
    const actors = await csvOf(await exportOf("actors"));
    const names = actors.records.slice(1).map((record) => record[1]);
    expect(names).toEqual(expect.arrayContaining(HOSTILE.map((name) => `'${name}`)));
    // A lone carriage return is quoted: no reader takes it for the end of a line.
    expect(actors.text).toContain('"Une\rligne"');
    expect(names).toContain("Une\rligne");
    // A negative number stays a number.
    const trends = await csvOf(await exportOf("trends"));
    expect(trends.records[1]).toContain("-8,5");
  });

  it("the portfolio, in the registries' French format, to the cent", async () => {
    const thematic = await createThematic("Énergie");
    const { ids, doc } = await storedCards(t.pole.coordinator, thematic.boardId, [HOSTILE[0]]);
    const funding = new Y.Array<Y.Map<unknown>>();
    cardsOf(doc).get(ids[0])?.set("funding", funding);
    funding.push([
      new Y.Map<unknown>(
        Object.entries({
          id: "l1",
          funder: "@Région",
          scheme: "regional",
          amount: 1234.56,
          state: "granted",
          year: 2026,
        }),
      ),
    ]);
    const report = async () =>
      csvOf(await as(t.pole.coordinator)(`/api/poles/${t.pole.poleId}/portfolio/export/csv`));
    const row = await eventually(async () => {
      const found = (await report()).records.find((record) => record[1] === `'${HOSTILE[0]}`);
      expect(found?.[6]).toBe("1234,56");
      return found;
    }, 5_000);
    expect(row?.slice(2)).toEqual(["Idée", "0,0", "0,0", "0,00", "1234,56", "0,00"]);
    closeDocuments();
  });
});

describe("18. money written with an unknown scheme still counts", () => {
  it("reads it as `other` in the portfolio", async () => {
    const thematic = await createThematic("Alimentation durable");
    const { ids, doc } = await storedCards(t.pole.coordinator, thematic.boardId, ["Légumerie"]);
    const before: Portfolio = await (
      await as(t.pole.coordinator)(`/api/poles/${t.pole.poleId}/portfolio`)
    ).json();
    // Another client writes a line with a scheme this version does not know.
    const funding = new Y.Array<Y.Map<unknown>>();
    cardsOf(doc).get(ids[0])?.set("funding", funding);
    funding.push([
      new Y.Map<unknown>(
        Object.entries({
          id: "f1",
          funder: "Plateforme",
          scheme: "crowdfunding",
          amount: 4200,
          state: "received",
          year: 2026,
        }),
      ),
    ]);
    const after = await eventually(async () => {
      const portfolio: Portfolio = await (
        await as(t.pole.coordinator)(`/api/poles/${t.pole.poleId}/portfolio`)
      ).json();
      expect(portfolio.totals.funding.received).toBe(before.totals.funding.received + 4200);
      return portfolio;
    }, 5_000);
    expect(after.projects.find((p) => p.id === ids[0])?.funding).toEqual([
      { funder: "Plateforme", amount: 4200, state: "received", year: 2026 },
    ]);
    closeDocuments();
  });
});

describe("22. a registry row nobody filled in is not exported", () => {
  it("leaves it out of the CSV, keeps the filled ones", async () => {
    const { doc } = await connect(t.server, t.pole.coordinator, t.pole.documents.diagnostic);
    doc.transact(() => {
      doc
        .getArray("sources")
        .push([newRow("sources").map, newRow("sources", { title: "Enquête emploi" }).map]);
    });
    const reader = await connect(t.server, t.pole.coordinator, t.pole.documents.diagnostic);
    await waitFor(() => reader.doc.getArray("sources").length === 2, "the rows to be stored");
    closeDocuments();
    const { records } = await csvOf(
      await as(t.pole.coordinator)(
        `/api/documents/${t.pole.documents.diagnostic}/export/csv?registry=sources`,
      ),
    );
    expect(records.slice(1).map((record) => record[1])).toEqual(["Enquête emploi"]);
  });
});

describe("21. groups are renamed, archived and deleted, their documents never lost", () => {
  it("renames (facilitators), archives and restores (coordinators), deletes into the archives", async () => {
    const { circleId, boardId } = await createThematic("Habitat");
    const facilitator = await joinPole(t.server, t.pole, [{ circleId, role: "facilitator" }]);
    const member = await joinPole(t.server, t.pole, [{ circleId, role: "member" }]);
    const coordination = as(t.pole.coordinator);
    const access = async (person: Person) =>
      (
        (await (await as(person)(`/api/poles/${t.pole.poleId}/documents`)).json()) as Array<{
          id: string;
          access: string;
        }>
      ).find((d) => d.id === boardId)?.access;
    const archives = async (person: Person = member) =>
      (await as(person)(`/api/poles/${t.pole.poleId}/archives`)).json();

    await expectError(
      await as(member)(`/api/circles/${circleId}`, { method: "PATCH", body: { name: "X" } }),
      403,
      "forbidden",
    );
    const renamed = await as(facilitator)(`/api/circles/${circleId}`, {
      method: "PATCH",
      body: { name: "Habitat partagé" },
    });
    expect(await renamed.json()).toEqual({ id: circleId, name: "Habitat partagé" });
    await expectError(
      await coordination(`/api/circles/${t.pole.circles.core}`, { method: "DELETE" }),
      409,
      "conflict",
    );

    // Archived: out of the circles and documents, read-only in the archives.
    await expectError(
      await as(facilitator)(`/api/circles/${circleId}/archive`, { body: {} }),
      403,
      "forbidden",
    );
    const editing = await connect(t.server, member, boardId);
    expect((await coordination(`/api/circles/${circleId}/archive`, { body: {} })).status).toBe(204);
    // The member's open board loses its edit right within a second.
    await waitFor(
      () => editing.closes.includes(closeCodes.accessChanged),
      "the open board to be re-checked",
      1000,
    );
    closeDocuments();
    const circles: Array<{ id: string }> = await (
      await coordination(`/api/poles/${t.pole.poleId}/circles`)
    ).json();
    expect(circles.map((c) => c.id)).not.toContain(circleId);
    expect(await access(member)).toBeUndefined();
    expect(await archives()).toMatchObject({
      circles: [{ id: circleId, name: "Habitat partagé" }],
      documents: [{ id: boardId, kind: "board", circleName: "Habitat partagé" }],
    });
    const meta = await (await as(member)(`/api/documents/${boardId}`)).json();
    expect(meta.access).toBe("view");
    expect((await coordination(`/api/documents/${boardId}`)).status).toBe(200);
    expect((await (await coordination(`/api/documents/${boardId}`)).json()).access).toBe("view");

    // Restored: back where it was, its members edit again.
    await expectError(
      await as(member)(`/api/circles/${circleId}/restore`, { body: {} }),
      403,
      "forbidden",
    );
    expect((await coordination(`/api/circles/${circleId}/restore`, { body: {} })).status).toBe(204);
    expect(await access(member)).toBe("edit");

    // Deleted: everyone leaves it, the board stays readable in the archives, and comes back.
    expect((await coordination(`/api/circles/${circleId}`, { method: "DELETE" })).status).toBe(204);
    const after = await archives();
    expect(after.circles).toEqual([]);
    expect(after.documents).toEqual([
      expect.objectContaining({ id: boardId, circleDeleted: true, circleName: "Habitat partagé" }),
    ]);
    expect((await (await as(member)(`/api/documents/${boardId}`)).json()).access).toBe("view");
    await expectError(
      await as(member)(`/api/documents/${boardId}/restore`, { body: {} }),
      403,
      "forbidden",
    );
    expect((await coordination(`/api/documents/${boardId}/restore`, { body: {} })).status).toBe(
      204,
    );
    expect((await archives()).documents).toEqual([]);
    const journal: Array<{ action: string }> = (
      await (await coordination(`/api/poles/${t.pole.poleId}/audit?kind=circle`)).json()
    ).entries;
    expect(journal.map((entry) => entry.action)).toEqual(
      expect.arrayContaining([
        "circle.renamed",
        "circle.archived",
        "circle.restored",
        "circle.deleted",
      ]),
    );
  });
});
