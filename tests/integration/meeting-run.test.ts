/**
 * Running a meeting: the timer of its agenda items kept on the server and announced on the
 * pôle's event stream, links from items to a need, a card and an amendment of the same
 * pôle, a task turned into a card of the circle's board (linked both ways, once), and who
 * may change the agenda and the attendance. Real server, real sync clients.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addCard, cardsOf, readCards, readColumns, removeCard } from "../../shared/board-doc";
import { addRow } from "../../shared/diagnostic/writing";
import { expectError } from "../helpers/contract";
import { listenToPole } from "../helpers/pole-events";
import {
  client,
  type FoundedPole,
  inviteNewcomer,
  type Person,
  startPole,
  type TestServer,
  thematicGroup,
} from "../helpers/server";
import { closeDocuments, connect, eventually } from "../helpers/sync-client";

let server: TestServer;
let pole: FoundedPole;
let circleId: string;
let boardId: string;
/** The group's facilitator and a member run meetings; a commenter and an observer read. */
let fanny: Person;
let marc: Person;
let chloe: Person;
let oscar: Person;
let nina: Person;

const as = (person: Person) => client(server.url, person.cookie);
const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  ({ server, pole } = await startPole());
  ({
    circleId,
    people: { Fanny: fanny, Marc: marc, Chloé: chloe, Oscar: oscar, Nina: nina },
  } = await thematicGroup(server, pole, "Réemploi", {
    Fanny: "facilitator",
    Marc: "member",
    Chloé: "commenter",
    Oscar: "observer",
    Nina: null,
  }));
  const documents: Array<{ id: string; kind: string; circleId: string | null }> = await (
    await as(fanny)(`/api/poles/${pole.poleId}/documents`)
  ).json();
  const board = documents.find((d) => d.kind === "board" && d.circleId === circleId);
  if (!board) throw new Error("the thematic group has no board");
  boardId = board.id;
});
afterEach(() => closeDocuments());
afterAll(() => server.close());

async function planned(title: string, circle = circleId) {
  const res = await as(pole.coordinator)(`/api/poles/${pole.poleId}/meetings`, {
    body: { circleId: circle, title, startsAt: inDays(3) },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const { id } = await res.json();
  const view = await (await as(fanny)(`/api/meetings/${id}`)).json();
  return { id: id as string, agenda: view.agenda as Array<{ id: string; title: string }> };
}

interface Timer {
  itemId: string;
  running: boolean;
  items: Array<{ itemId: string; elapsedMs: number }>;
}
const timerOf = async (meetingId: string, by = nina): Promise<Timer | null> =>
  (await (await as(by)(`/api/meetings/${meetingId}/timer`)).json()).timer;
const step = (meetingId: string, body: Record<string, unknown>, by = fanny) =>
  as(by)(`/api/meetings/${meetingId}/timer`, { body });
const spent = (timer: Timer | null, itemId: string) =>
  timer?.items.find((item) => item.itemId === itemId)?.elapsedMs ?? -1;

describe("the timer of the agenda items", () => {
  it("starts, pauses and moves on, on the server, announced to every open page", async () => {
    const { id, agenda } = await planned("Minuteur");
    const [first, second, , last] = agenda.map((item) => item.id);
    expect(await timerOf(id)).toBeNull();

    const stream = await listenToPole(server, pole.poleId, nina);
    await stream.until("event: ready");
    const started = await step(id, { action: "start" });
    expect(started.status, await started.clone().text()).toBe(200);
    expect((await started.json()).timer).toMatchObject({ itemId: first, running: true });
    await stream.until(`data: {"type":"meeting","id":"${id}"}`);
    stream.stop();

    await pause(300);
    const running = await timerOf(id);
    expect(running).toMatchObject({ itemId: first, running: true });
    expect(spent(running, first)).toBeGreaterThanOrEqual(250);

    const paused = await (await step(id, { action: "pause" }, marc)).json();
    expect(paused.timer).toMatchObject({ itemId: first, running: false });
    const banked = spent(paused.timer, first);
    await pause(200);
    expect(spent(await timerOf(id), first)).toBe(banked);
    await expectError(await step(id, { action: "pause" }), 409, "conflict");

    const next = await (await step(id, { action: "next" })).json();
    expect(next.timer).toMatchObject({ itemId: second, running: true });
    expect(spent(next.timer, first)).toBe(banked);

    // Straight to the last item, then there is no next one.
    expect((await (await step(id, { action: "start", itemId: last })).json()).timer.itemId).toBe(
      last,
    );
    const after = await timerOf(id);
    expect(spent(after, second)).toBeGreaterThanOrEqual(0);
    expect(await expectError(await step(id, { action: "next" }), 409, "conflict")).toContain(
      "dernier point",
    );

    // Closing stops it where it was.
    expect((await as(fanny)(`/api/meetings/${id}/close`, { method: "POST" })).status).toBe(200);
    const closed = await timerOf(id);
    expect(closed).toMatchObject({ itemId: last, running: false });
    const frozen = spent(closed, last);
    await pause(150);
    expect(spent(await timerOf(id), last)).toBe(frozen);
    await expectError(await step(id, { action: "start" }), 409, "conflict");
  });

  it("refuses readers and bad steps with clear French errors, changing nothing", async () => {
    const { id, agenda } = await planned("Minuteur refusé");
    for (const reader of [chloe, oscar, nina]) {
      await expectError(await step(id, { action: "start" }, reader), 403, "forbidden");
    }
    expect(await expectError(await step(id, { action: "jump" }), 400, "invalid_input")).toContain(
      "Action du minuteur inconnue",
    );
    await expectError(await step(id, { action: "start", itemId: "absent" }), 404, "not_found");
    expect(await expectError(await step(id, { action: "next" }), 409, "conflict")).toContain(
      "Lancez d'abord",
    );
    expect(await timerOf(id)).toBeNull();
    // An empty agenda has nothing to time.
    for (const item of agenda) {
      const removed = await as(fanny)(`/api/meetings/${id}/agenda/${item.id}`, {
        method: "DELETE",
      });
      expect(removed.status).toBe(204);
    }
    expect(await expectError(await step(id, { action: "start" }), 400, "invalid_input")).toContain(
      "ordre du jour est vide",
    );
    await expectError(await as(fanny)("/api/meetings/absent/timer"), 404, "not_found");
  });
});

interface Link {
  id: string;
  itemId: string;
  kind: string;
  documentId: string;
  targetId: string;
  title: string | null;
}
const linksOf = async (meetingId: string, by = nina): Promise<Link[]> =>
  (await as(by)(`/api/meetings/${meetingId}/links`)).json();

describe("links from agenda items", () => {
  it("points to a need, a card and an amendment of the pôle, shown with their titles", async () => {
    const diagnostic = await connect(server, pole.coordinator, pole.documents.diagnostic);
    const needId = addRow(diagnostic.doc, "needs", { title: "Mobilité des salariés" });
    const board = await connect(server, fanny, boardId);
    const column = readColumns(board.doc)[0]?.id ?? "";
    const cardId = addCard(board.doc, { title: "Ressourcerie mobile", columnId: column });
    const amendment = await as(pole.coordinator)(
      `/api/documents/${pole.documents.charter}/amendments`,
      { body: { title: "Ouvrir le collège des usagers" } },
    );
    expect(amendment.status, await amendment.clone().text()).toBe(201);
    const amendmentId = (await amendment.json()).id;

    const { id, agenda } = await planned("Liens");
    const itemId = agenda[1]?.id ?? "";
    const link = (body: Record<string, unknown>, by = fanny) =>
      as(by)(`/api/meetings/${id}/agenda/${itemId}/links`, { body });
    await eventually(async () => {
      const res = await link({ kind: "need", needId });
      expect(res.status, await res.clone().text()).toBe(201);
    });
    expect((await link({ kind: "card", boardId, cardId }, marc)).status).toBe(201);
    expect((await link({ kind: "amendment", amendmentId })).status).toBe(201);

    await eventually(async () => {
      const links = await linksOf(id);
      expect(links.map((l) => [l.kind, l.title])).toEqual([
        ["need", "Mobilité des salariés"],
        ["card", "Ressourcerie mobile"],
        ["amendment", "Ouvrir le collège des usagers"],
      ]);
    });
    const [needLink, cardLink] = await linksOf(id);
    expect(needLink).toMatchObject({ itemId, documentId: pole.documents.diagnostic });
    expect(cardLink).toMatchObject({ documentId: boardId, targetId: cardId });

    // Twice the same target: 409; a card removed from its board shows no title any more.
    await expectError(await link({ kind: "card", boardId, cardId }), 409, "conflict");
    removeCard(board.doc, cardId);
    await eventually(async () => {
      expect((await linksOf(id)).find((l) => l.kind === "card")?.title).toBeNull();
    });
    const removed = await as(fanny)(`/api/meetings/${id}/links/${cardLink?.id}`, {
      method: "DELETE",
    });
    expect(removed.status).toBe(204);
    expect((await linksOf(id)).map((l) => l.kind)).toEqual(["need", "amendment"]);
  });

  it("refuses targets of nowhere or of another pôle, and readers, storing nothing", async () => {
    const { id, agenda } = await planned("Liens refusés");
    const itemId = agenda[0]?.id ?? "";
    const link = (body: Record<string, unknown>, by = fanny) =>
      as(by)(`/api/meetings/${id}/agenda/${itemId}/links`, { body });
    expect(
      await expectError(await link({ kind: "need", needId: "nulle-part" }), 400, "invalid_input"),
    ).toContain("Ce besoin n'existe pas");
    expect(
      await expectError(
        await link({ kind: "card", boardId, cardId: "nulle-part" }),
        400,
        "invalid_input",
      ),
    ).toContain("Cette carte n'existe");
    expect(
      await expectError(
        await link({ kind: "amendment", amendmentId: "nulle-part" }),
        400,
        "invalid_input",
      ),
    ).toContain("Cet amendement n'existe pas");
    await expectError(await link({ kind: "page", pageId: "x" }), 400, "invalid_input");

    // A board of another pôle, even with a real card on it, is not this pôle's.
    const founded = await as(pole.coordinator)("/api/poles", { body: { name: "Pôle voisin" } });
    const otherPoleId = (await founded.json()).id;
    const group = await as(pole.coordinator)(`/api/poles/${otherPoleId}/circles`, {
      body: { kind: "thematic", name: "Ailleurs" },
    });
    const otherCircle = (await group.json()).id;
    const otherDocs: Array<{ id: string; kind: string; circleId: string | null }> = await (
      await as(pole.coordinator)(`/api/poles/${otherPoleId}/documents`)
    ).json();
    const otherBoard = otherDocs.find((d) => d.kind === "board" && d.circleId === otherCircle);
    const elsewhere = await connect(server, pole.coordinator, otherBoard?.id ?? "");
    const foreignCard = addCard(elsewhere.doc, {
      title: "Carte voisine",
      columnId: readColumns(elsewhere.doc)[0]?.id ?? "",
    });
    await pause(300);
    await expectError(
      await link({ kind: "card", boardId: otherBoard?.id, cardId: foreignCard }),
      400,
      "invalid_input",
    );

    for (const reader of [chloe, oscar, nina]) {
      await expectError(
        await link({ kind: "need", needId: "nulle-part" }, reader),
        403,
        "forbidden",
      );
    }
    await expectError(
      await as(fanny)(`/api/meetings/${id}/agenda/absent/links`, {
        body: { kind: "need", needId: "x" },
      }),
      404,
      "not_found",
    );
    expect(await linksOf(id)).toEqual([]);
  });
});

describe("a task turned into a card of the circle's board", () => {
  it("creates the card once, linked both ways", async () => {
    const { id } = await planned("Tâches en cartes");
    const created = await as(fanny)(`/api/meetings/${id}/tasks`, {
      body: { title: "Lancer la collecte de vélos", assigneeId: marc.userId, dueOn: "2031-03-01" },
    });
    const task = await created.json();
    expect(task.card).toBeNull();
    const board = await connect(server, nina, boardId);
    const cardsBefore = readCards(board.doc).length;

    await expectError(
      await as(chloe)(`/api/tasks/${task.id}/card`, { method: "POST" }),
      403,
      "forbidden",
    );
    const turned = await as(marc)(`/api/tasks/${task.id}/card`, { method: "POST" });
    expect(turned.status, await turned.clone().text()).toBe(201);
    const view = await turned.json();
    expect(view.card).toMatchObject({ boardId });
    const cardId = view.card.cardId;

    // The board shows it at once, carrying its task and meeting.
    await eventually(() => {
      const card = cardsOf(board.doc).get(cardId);
      expect(card?.get("title")).toBe("Lancer la collecte de vélos");
      expect(card?.get("taskId")).toBe(task.id);
      expect(card?.get("meetingId")).toBe(id);
    });
    const meeting = await (await as(nina)(`/api/meetings/${id}`)).json();
    expect(meeting.tasks[0]).toMatchObject({ id: task.id, card: { boardId, cardId } });
    const mine = await (await as(marc)(`/api/poles/${pole.poleId}/tasks/mine`)).json();
    expect(mine.find((t: { id: string }) => t.id === task.id)?.card).toEqual({ boardId, cardId });

    expect(
      await expectError(
        await as(fanny)(`/api/tasks/${task.id}/card`, { method: "POST" }),
        409,
        "conflict",
      ),
    ).toContain("déjà une carte");
    await pause(300);
    expect(readCards(board.doc).length).toBe(cardsBefore + 1);
    await expectError(
      await as(fanny)("/api/tasks/absent/card", { method: "POST" }),
      404,
      "not_found",
    );
  });

  it("says so when the circle has no board", async () => {
    const { id } = await planned("COPIL", pole.circles.steering);
    const task = await (
      await as(pole.coordinator)(`/api/meetings/${id}/tasks`, {
        body: { title: "Relancer les financeurs", assigneeId: pole.coordinator.userId },
      })
    ).json();
    expect(
      await expectError(
        await as(pole.coordinator)(`/api/tasks/${task.id}/card`, { method: "POST" }),
        409,
        "conflict",
      ),
    ).toContain("pas de tableau");
    const meeting = await (await as(nina)(`/api/meetings/${id}`)).json();
    expect(meeting.tasks[0].card).toBeNull();
  });
});

describe("who changes the agenda and the attendance", () => {
  it("keeps commenters and observers to their own answer", async () => {
    const { id, agenda } = await planned("Droits");
    const ids = agenda.map((item) => item.id);
    for (const reader of [chloe, oscar]) {
      await expectError(
        await as(reader)(`/api/meetings/${id}/attendance`, {
          method: "PUT",
          body: { userId: marc.userId, status: "excused" },
        }),
        403,
        "forbidden",
      );
      await expectError(
        await as(reader)(`/api/meetings/${id}/agenda`, {
          method: "PUT",
          body: { itemIds: [...ids].reverse() },
        }),
        403,
        "forbidden",
      );
      await expectError(
        await as(reader)(`/api/meetings/${id}/agenda/${ids[0]}`, { method: "DELETE" }),
        403,
        "forbidden",
      );
      await expectError(
        await as(reader)(`/api/meetings/${id}/agenda`, {
          body: { title: "Mon point", kind: "information" },
        }),
        403,
        "forbidden",
      );
    }
    // A commenter answers for herself, a proxy to a member of the circle only.
    const outside = await as(chloe)(`/api/meetings/${id}/attendance`, {
      method: "PUT",
      body: { status: "represented", proxyId: nina.userId },
    });
    expect(await expectError(outside, 400, "invalid_input")).toContain("membre du cercle");
    const inside = await as(chloe)(`/api/meetings/${id}/attendance`, {
      method: "PUT",
      body: { status: "represented", proxyId: marc.userId },
    });
    expect(inside.status).toBe(204);
    // The facilitator ticks Marc on arrival.
    const ticked = await as(fanny)(`/api/meetings/${id}/attendance`, {
      method: "PUT",
      body: { userId: marc.userId, status: "present" },
    });
    expect(ticked.status).toBe(204);
    const view = await (await as(nina)(`/api/meetings/${id}`)).json();
    expect(view.agenda.map((item: { id: string }) => item.id)).toEqual(ids);
    const answers = Object.fromEntries(
      view.attendance.map(
        (a: { userId: string; status: string | null; proxyId: string | null }) => [
          a.userId,
          [a.status, a.proxyId],
        ],
      ),
    );
    expect(answers[marc.userId]).toEqual(["present", null]);
    expect(answers[chloe.userId]).toEqual(["represented", marc.userId]);
    expect(answers[oscar.userId]).toEqual([null, null]);
    // Someone of another pôle cannot be a proxy either.
    const outsider = await inviteNewcomer(server, pole.coordinator, pole.poleId, []);
    const far = await as(chloe)(`/api/meetings/${id}/attendance`, {
      method: "PUT",
      body: { status: "represented", proxyId: outsider.userId },
    });
    await expectError(far, 400, "invalid_input");
  });
});
