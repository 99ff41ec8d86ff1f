/**
 * Meetings (CONTRACT.md "Meetings"): planned from the circle's usual agenda, minutes
 * co-written live by two clients, a decision opened from an item and adopted, attendance
 * with proxies, tasks, then closing into a `minutes` version after which the minutes are
 * read-only on the server. Real server, real sync clients.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { BODY, closeCodes } from "../../shared/documents";
import { expectError } from "../helpers/contract";
import {
  client,
  type FoundedPole,
  inviteNewcomer,
  type Person,
  startPole,
  type TestServer,
  thematicGroup,
} from "../helpers/server";
import { bodyText, closeDocuments, connect, eventually, waitFor } from "../helpers/sync-client";

let server: TestServer;
let pole: FoundedPole;
let circleId: string;
/** The thematic group's facilitator and a member: they run meetings. */
let fanny: Person;
let marc: Person;
/** An observer of the group, and a member of the pôle seated nowhere: they read. */
let oscar: Person;
let nina: Person;

beforeAll(async () => {
  ({ server, pole } = await startPole());
  ({
    circleId,
    people: { Fanny: fanny, Marc: marc, Oscar: oscar, Nina: nina },
  } = await thematicGroup(server, pole, "Alimentation durable", {
    Fanny: "facilitator",
    Marc: "member",
    Oscar: "observer",
    Nina: null,
  }));
});
afterEach(() => closeDocuments());
afterAll(() => server.close());

const as = (person: Person) => client(server.url, person.cookie);
const HOUR = 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * 24 * HOUR).toISOString();

interface Meeting {
  id: string;
  circleId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  state: string;
  documentId: string;
  minutesVersionId: string | null;
  agenda: Array<{
    id: string;
    title: string;
    kind: string;
    decisionId?: string;
    decision?: { state: string; outcome: string | null };
  }>;
  attendance: Array<{ userId: string; status: string | null; proxyId: string | null }>;
  tasks: Array<{
    id: string;
    title: string;
    assigneeId: string;
    dueOn: string | null;
    done: boolean;
    overdue: boolean;
  }>;
  canRun: boolean;
}

const plan = (by: Person, body: Record<string, unknown>) =>
  as(by)(`/api/poles/${pole.poleId}/meetings`, { body: { circleId, ...body } });

async function planned(title: string): Promise<{ id: string; documentId: string }> {
  const res = await plan(fanny, { title, startsAt: inDays(7), place: "Tiers-lieu de Crest" });
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json();
}

const meeting = async (id: string, by: Person = fanny): Promise<Meeting> => {
  const res = await as(by)(`/api/meetings/${id}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
};

/** Adds words at the end of the paragraph under the agenda item at `index`. */
function writeUnder(doc: Y.Doc, index: number, words: string) {
  const paragraph = doc.getXmlFragment(BODY).get(index * 2 + 1) as Y.XmlElement;
  const text = paragraph.get(0) as Y.XmlText;
  text.insert(text.length, words);
}

const exportMd = async (documentId: string) =>
  (await as(fanny)(`/api/documents/${documentId}/export/md`)).text();

describe("a meeting, from planning to its closed minutes", () => {
  it("runs end to end: agenda, minutes by two clients, a decision, tasks, close", async () => {
    const { id, documentId } = await planned("Groupe alimentation de janvier");
    let view = await meeting(id);
    expect(view).toMatchObject({ id, circleId, state: "planned", documentId, canRun: true });
    expect(view.agenda.map((item) => item.title)).toEqual([
      "Approbation du compte rendu précédent",
      "Avancement des projets",
      "Décisions",
      "Prochaines dates",
    ]);
    expect(Date.parse(view.endsAt) - Date.parse(view.startsAt)).toBe(90 * 60 * 1000);

    // The agenda changes: an item added (its section appears in the minutes), reordered.
    const added = await as(fanny)(`/api/meetings/${id}/agenda`, {
      body: { title: "Légumerie partagée", kind: "discussion", durationMinutes: 20 },
    });
    expect(added.status, await added.clone().text()).toBe(201);
    const itemId = (await added.json()).id;
    const order = [itemId, ...view.agenda.map((item) => item.id)];
    const reordered = await as(marc)(`/api/meetings/${id}/agenda`, {
      method: "PUT",
      body: { itemIds: order },
    });
    expect(reordered.status).toBe(204);
    view = await meeting(id);
    expect(view.agenda.map((item) => item.id)).toEqual(order);

    // Two people write the minutes live.
    const a = await connect(server, fanny, documentId);
    const b = await connect(server, marc, documentId);
    expect(bodyText(a.doc)).toContain("Légumerie partagée");
    writeUnder(a.doc, 0, "Compte rendu approuvé.");
    writeUnder(b.doc, 1, "Trois projets avancent.");
    await eventually(() => {
      expect(bodyText(a.doc)).toContain("Trois projets avancent.");
      expect(bodyText(b.doc)).toContain("Compte rendu approuvé.");
    });

    // Attendance: each answers; the facilitator ticks Marc on arrival; a proxy in the circle.
    for (const [by, body] of [
      [fanny, { status: "present" }],
      [oscar, { status: "represented", proxyId: marc.userId }],
      [fanny, { userId: marc.userId, status: "present" }],
    ] as const) {
      const res = await as(by)(`/api/meetings/${id}/attendance`, { method: "PUT", body });
      expect(res.status, await res.clone().text()).toBe(204);
    }

    // A decision opened from the item, adopted by consent in the room.
    const decisionItem = view.agenda.find((item) => item.title === "Décisions");
    const opened = await as(fanny)(`/api/meetings/${id}/agenda/${decisionItem?.id}/decision`, {
      body: { method: "consent" },
    });
    expect(opened.status, await opened.clone().text()).toBe(201);
    const decision = await opened.json();
    for (const voter of [fanny, marc]) {
      const vote = await as(voter)(`/api/decisions/${decision.id}/votes`, {
        body: { choice: "consent" },
      });
      expect(vote.status, await vote.clone().text()).toBe(200);
    }
    const closedDecision = await as(fanny)(`/api/decisions/${decision.id}/close`, {
      method: "POST",
    });
    expect(closedDecision.status, await closedDecision.clone().text()).toBe(200);

    // Tasks, one overdue.
    const task = await as(fanny)(`/api/meetings/${id}/tasks`, {
      body: { title: "Chiffrer la légumerie", assigneeId: marc.userId, dueOn: "2020-01-31" },
    });
    expect(task.status, await task.clone().text()).toBe(201);
    const taskId = (await task.json()).id;

    view = await meeting(id, nina);
    expect(view.canRun).toBe(false);
    expect(view.agenda.find((item) => item.id === decisionItem?.id)).toMatchObject({
      kind: "decision",
      decisionId: decision.id,
      decision: { state: "closed", outcome: "adopted" },
    });
    expect(view.attendance).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: fanny.userId, status: "present" }),
        expect.objectContaining({ userId: marc.userId, status: "present" }),
        expect.objectContaining({
          userId: oscar.userId,
          status: "represented",
          proxyId: marc.userId,
        }),
      ]),
    );
    expect(view.tasks).toEqual([
      expect.objectContaining({ id: taskId, assigneeId: marc.userId, done: false, overdue: true }),
    ]);
    const mine = await (await as(marc)(`/api/poles/${pole.poleId}/tasks/mine`)).json();
    expect(mine.map((t: { id: string }) => t.id)).toEqual([taskId]);
    const ticked = await as(marc)(`/api/tasks/${taskId}`, {
      method: "PATCH",
      body: { done: true },
    });
    expect(await ticked.json()).toMatchObject({ done: true, overdue: false });
    const ofCircle = await (await as(nina)(`/api/circles/${circleId}/tasks`)).json();
    expect(ofCircle).toEqual([expect.objectContaining({ id: taskId, done: true })]);

    // Close: a minutes version, then the minutes are read-only for everyone.
    await eventually(async () => expect(await exportMd(documentId)).toContain("Trois projets"));
    const closing = await as(fanny)(`/api/meetings/${id}/close`, { method: "POST" });
    expect(closing.status, await closing.clone().text()).toBe(200);
    view = await closing.json();
    expect(view).toMatchObject({ state: "closed", canRun: false });
    const versions = await (await as(fanny)(`/api/documents/${documentId}/versions`)).json();
    const minutes = versions.find((v: { kind: string }) => v.kind === "minutes");
    expect(minutes?.id).toBe(view.minutesVersionId);

    writeUnder(a.doc, 2, " (après la clôture)");
    await waitFor(() => a.closes.includes(closeCodes.accessChanged), "the socket to be re-checked");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await exportMd(documentId)).not.toContain("après la clôture");
    const fresh = await connect(server, pole.coordinator, documentId);
    expect(bodyText(fresh.doc)).toContain("Trois projets avancent.");
    expect(bodyText(fresh.doc)).not.toContain("après la clôture");
    const documents = await (
      await as(pole.coordinator)(`/api/poles/${pole.poleId}/documents`)
    ).json();
    expect(documents.find((d: { id: string }) => d.id === documentId)?.access).toBe("view");

    await expectError(
      await as(fanny)(`/api/meetings/${id}/close`, { method: "POST" }),
      409,
      "conflict",
    );
    await expectError(
      await as(fanny)(`/api/meetings/${id}/tasks`, {
        body: { title: "Trop tard", assigneeId: marc.userId },
      }),
      409,
      "conflict",
    );
    // The pôle's dashboard counts the meeting held beside the decision adopted in it.
    const dashboard = await (await as(nina)(`/api/poles/${pole.poleId}/dashboard`)).json();
    expect(dashboard.governance).toEqual([expect.objectContaining({ decisions: 1, meetings: 1 })]);
    // The minutes' export: the frozen text, attendance, decisions and tasks.
    const html = await (await as(nina)(`/api/meetings/${id}/export/html`)).text();
    for (const words of [
      "Trois projets avancent.",
      "Présences",
      "Oscar : représenté·e par Marc",
      "Décisions : adoptée",
      "✓ Chiffrer la légumerie — Marc, pour le 2020-01-31",
    ]) {
      expect(html).toContain(words);
    }
    expect(html).not.toContain("après la clôture");
    for (const format of ["odt", "docx"]) {
      const file = await as(nina)(`/api/meetings/${id}/export/${format}`);
      expect(file.status).toBe(200);
      expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    await expectError(await as(nina)(`/api/meetings/${id}/export/pdf`), 400, "invalid_input");
    const journal = await (
      await as(pole.coordinator)(`/api/poles/${pole.poleId}/audit?kind=meeting`)
    ).json();
    const said = journal.entries.filter((e: { target: string | null }) => e.target === id);
    expect(said.map((e: { action: string }) => e.action).sort()).toEqual([
      "meeting.closed",
      "meeting.planned",
    ]);
    expect(JSON.stringify(said)).toContain("Groupe alimentation de janvier");
    const list = await (await as(nina)(`/api/circles/${circleId}/meetings`)).json();
    expect(list).toEqual([expect.objectContaining({ id, state: "closed" })]);
  });
});

describe("rights and bad input", () => {
  it("is read by every member of the pôle and planned only by the circle's people", async () => {
    const { id, documentId } = await planned("Lecture seule");
    for (const reader of [oscar, nina]) {
      expect((await meeting(id, reader)).canRun).toBe(false);
      await expectError(
        await plan(reader, { title: "Non", startsAt: inDays(3) }),
        403,
        "forbidden",
      );
      await expectError(
        await as(reader)(`/api/meetings/${id}/close`, { method: "POST" }),
        403,
        "forbidden",
      );
    }
    const documents = await (await as(oscar)(`/api/poles/${pole.poleId}/documents`)).json();
    expect(documents.find((d: { id: string }) => d.id === documentId)?.access).toBe("view");
    const ofMarc = await (await as(marc)(`/api/poles/${pole.poleId}/documents`)).json();
    expect(ofMarc.find((d: { id: string }) => d.id === documentId)?.access).toBe("edit");
    // Nina answers for herself, not for others.
    await expectError(
      await as(nina)(`/api/meetings/${id}/attendance`, {
        method: "PUT",
        body: { userId: marc.userId, status: "excused" },
      }),
      403,
      "forbidden",
    );
  });

  it("refuses bad times, proxies and assignees with clear French errors, storing nothing", async () => {
    const before = await (await as(fanny)(`/api/circles/${circleId}/meetings`)).json();
    const past = await plan(fanny, { title: "Hier", startsAt: inDays(-1) });
    expect(await expectError(past, 400, "invalid_input")).toContain("dans le passé");
    const ends = await plan(fanny, {
      title: "À l'envers",
      startsAt: inDays(2),
      endsAt: inDays(1),
    });
    expect(await expectError(ends, 400, "invalid_input")).toMatch(/fin .* après son début/);
    await expectError(
      await plan(fanny, { title: "Sans date", startsAt: "demain" }),
      400,
      "invalid_input",
    );
    await expectError(await plan(fanny, { title: " ", startsAt: inDays(2) }), 400, "invalid_input");
    const after = await (await as(fanny)(`/api/circles/${circleId}/meetings`)).json();
    expect(after).toEqual(before);

    const { id } = await planned("Mauvaises réponses");
    const proxy = await as(marc)(`/api/meetings/${id}/attendance`, {
      method: "PUT",
      body: { status: "represented", proxyId: nina.userId },
    });
    expect(await expectError(proxy, 400, "invalid_input")).toContain("membre du cercle");
    const founded = await as(pole.coordinator)("/api/poles", { body: { name: "Pôle voisin" } });
    const outsider = await inviteNewcomer(server, pole.coordinator, (await founded.json()).id, []);
    const task = await as(fanny)(`/api/meetings/${id}/tasks`, {
      body: { title: "Ailleurs", assigneeId: outsider.userId },
    });
    await expectError(task, 400, "invalid_input");
    await expectError(
      await as(fanny)(`/api/meetings/${id}/tasks`, {
        body: { title: "Date", assigneeId: marc.userId, dueOn: "31/01/2027" },
      }),
      400,
      "invalid_input",
    );
    const view = await meeting(id);
    expect(view.tasks).toEqual([]);
    expect(view.attendance.find((a) => a.userId === marc.userId)?.status).toBeNull();

    // Another pôle's meeting does not exist for an outsider.
    await expectError(await as(outsider)(`/api/meetings/${id}`), 404, "not_found");
    await expectError(
      await as(outsider)(`/api/meetings/${id}/close`, { method: "POST" }),
      404,
      "not_found",
    );
    await expectError(
      await as(outsider)(`/api/poles/${pole.poleId}/meetings`, {
        body: { circleId, title: "Intrus", startsAt: inDays(2) },
      }),
      404,
      "not_found",
    );
    await expectError(await as(fanny)("/api/meetings/absent"), 404, "not_found");

    // An archived group plans no more meetings.
    const archived = await (
      await as(pole.coordinator)(`/api/poles/${pole.poleId}/circles`, {
        body: { kind: "thematic", name: "Groupe en sommeil" },
      })
    ).json();
    const archiving = await as(pole.coordinator)(`/api/circles/${archived.id}/archive`, {
      method: "POST",
    });
    expect(archiving.status, await archiving.clone().text()).toBeLessThan(300);
    await expectError(
      await as(pole.coordinator)(`/api/poles/${pole.poleId}/meetings`, {
        body: { circleId: archived.id, title: "Trop tard", startsAt: inDays(2) },
      }),
      404,
      "not_found",
    );
  });
});
