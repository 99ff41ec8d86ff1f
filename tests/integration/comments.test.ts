/**
 * Comment threads (issue 12): a commenter's comment anchored by the server in the live
 * document while their own writes through sync are refused; threads detached when their
 * text is deleted and re-attached by undo; overlapping threads; threads on registry rows
 * and board cards; rights and bad input. Real server, real sync clients.
 */
import * as buffer from "lib0/buffer";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addCard } from "../../shared/board-doc";
import { commentMarkKey } from "../../shared/comment-marks";
import { BODY } from "../../shared/documents";
import { expectError } from "../helpers/contract";
import { listenToPole } from "../helpers/pole-events";
import {
  client,
  type FoundedPole,
  joinPole,
  type Person,
  startPole,
  type TestServer,
} from "../helpers/server";
import {
  bodyText,
  closeDocuments,
  connect,
  eventually,
  waitFor,
  writeParagraph,
} from "../helpers/sync-client";

let server: TestServer;
let pole: FoundedPole;
/** A partner with the pôle role commenter, a steering member who edits the diagnostic, an observer. */
let carla: Person;
let marc: Person;
let olga: Person;

beforeAll(async () => {
  ({ server, pole } = await startPole());
  carla = await joinPole(server, pole, [], "Carla Partenaire", "commenter");
  marc = await joinPole(
    server,
    pole,
    [{ circleId: pole.circles.steering, role: "member" }],
    "Marc",
  );
  olga = await joinPole(server, pole, [], "Olga Financeuse", "observer");
});
afterEach(() => closeDocuments());
afterAll(() => server.close());

const as = (person: Person) => client(server.url, person.cookie);

interface CommentView {
  id: string;
  authorId: string | null;
  body: string;
  deleted: boolean;
  mentions: string[];
  reactions: Array<{ emoji: string; count: number; mine: boolean }>;
  canEdit: boolean;
  canDelete: boolean;
}
interface ThreadView {
  id: string;
  target: { kind: string; rowId?: string; cardId?: string };
  quote: string;
  state: "open" | "resolved";
  detached: boolean;
  comments: CommentView[];
}
interface ThreadList {
  threads: ThreadView[];
  counts: { open: number; resolved: number; detached: number };
  canComment: boolean;
}

/** Every text node of the rich text, in reading order. */
function textsOf(node: Y.XmlFragment | Y.XmlElement): Y.XmlText[] {
  return node
    .toArray()
    .flatMap((child) =>
      child instanceof Y.XmlText ? [child] : child instanceof Y.XmlElement ? textsOf(child) : [],
    );
}

const plain = (text: Y.XmlText) =>
  (text.toDelta() as Array<{ insert: unknown }>)
    .map((op) => (typeof op.insert === "string" ? op.insert : ""))
    .join("");

const encode = (text: Y.XmlText, index: number) =>
  buffer.toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index)));

/** What the editor sends for a selection of `quote` (its first occurrence), as Tiptap would. */
function selection(doc: Y.Doc, quote: string) {
  for (const text of textsOf(doc.getXmlFragment(BODY))) {
    const at = plain(text).indexOf(quote);
    if (at !== -1) {
      return { kind: "text", quote, start: encode(text, at), end: encode(text, at + quote.length) };
    }
  }
  throw new Error(`"${quote}" is not in the document`);
}

/** The characters that carry thread `threadId`'s mark, as a client sees them. */
function marked(doc: Y.Doc, threadId: string): string {
  const key = commentMarkKey(threadId);
  return textsOf(doc.getXmlFragment(BODY))
    .flatMap((text) =>
      (text.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>)
        .filter((op) => typeof op.insert === "string" && op.attributes?.[key])
        .map((op) => op.insert as string),
    )
    .join("|");
}

const threads = async (person: Person, documentId: string): Promise<ThreadList> => {
  const res = await as(person)(`/api/documents/${documentId}/threads`);
  expect(res.status).toBe(200);
  return res.json();
};

const openThread = (person: Person, documentId: string, body: Record<string, unknown>) =>
  as(person)(`/api/documents/${documentId}/threads`, { body });

async function newThread(person: Person, documentId: string, body: Record<string, unknown>) {
  const res = await openThread(person, documentId, body);
  expect(res.status).toBe(201);
  return ((await res.json()) as { thread: ThreadView; warnings: string[] }).thread;
}

/** The diagnostic open by its editor, with one fresh paragraph of `text`. */
async function diagnosticWith(text: string) {
  const editor = await connect(server, pole.coordinator, pole.documents.diagnostic);
  writeParagraph(editor.doc, text);
  return editor;
}

describe("a commenter's comment", () => {
  it("is stored and marks the text for everyone, while their own writes change nothing", async () => {
    const editor = await diagnosticWith("La mobilité rurale manque de solutions partagées.");
    const partner = await connect(server, carla, pole.documents.diagnostic);
    await waitFor(() => bodyText(partner.doc).includes("mobilité rurale"), "the paragraph");

    const thread = await newThread(carla, pole.documents.diagnostic, {
      target: selection(partner.doc, "mobilité rurale"),
      body: "Source ? Le chiffre de 2019 est-il à jour ?",
    });
    expect(thread).toMatchObject({
      quote: "mobilité rurale",
      state: "open",
      detached: false,
      comments: [{ authorId: carla.userId, body: "Source ? Le chiffre de 2019 est-il à jour ?" }],
    });
    await eventually(() => expect(marked(editor.doc, thread.id)).toBe("mobilité rurale"));
    await eventually(() => expect(marked(partner.doc, thread.id)).toBe("mobilité rurale"));

    // Her connection stays read-only: a direct write is dropped by the server.
    writeParagraph(partner.doc, "Écrit par la partenaire");
    writeParagraph(editor.doc, "Après la tentative");
    await waitFor(() => bodyText(partner.doc).includes("Après la tentative"), "the later edit");
    const fresh = await connect(server, marc, pole.documents.diagnostic);
    expect(bodyText(fresh.doc)).toContain("Après la tentative");
    expect(bodyText(fresh.doc)).not.toContain("partenaire");
    expect(bodyText(editor.doc)).not.toContain("partenaire");
    expect(marked(fresh.doc, thread.id)).toBe("mobilité rurale");
    expect(textsOf(fresh.doc.getXmlFragment(BODY)).map(plain)).toContain(
      "La mobilité rurale manque de solutions partagées.",
    );

    const list = await threads(marc, pole.documents.diagnostic);
    expect(list.threads.map((t) => t.id)).toContain(thread.id);
    expect(list.canComment).toBe(true);
  });

  it("lets overlapping threads each keep their own mark", async () => {
    const editor = await diagnosticWith("Les circuits courts alimentaires progressent lentement.");
    const first = await newThread(carla, pole.documents.diagnostic, {
      target: selection(editor.doc, "circuits courts alimentaires"),
      body: "Lesquels ?",
    });
    const second = await newThread(marc, pole.documents.diagnostic, {
      target: selection(editor.doc, "alimentaires progressent"),
      body: "Depuis quand ?",
    });
    await eventually(() => {
      expect(marked(editor.doc, first.id)).toBe("circuits courts |alimentaires");
      expect(marked(editor.doc, second.id)).toBe("alimentaires| progressent");
    });
    const listed = (await threads(carla, pole.documents.diagnostic)).threads;
    for (const id of [first.id, second.id]) {
      expect(listed.find((t) => t.id === id)?.detached).toBe(false);
    }
  });

  it("anchors a selection that spans two paragraphs", async () => {
    const editor = await diagnosticWith("Premier constat partagé");
    writeParagraph(editor.doc, "second constat voisin");
    const [one, two] = textsOf(editor.doc.getXmlFragment(BODY)).slice(-2);
    const thread = await newThread(carla, pole.documents.diagnostic, {
      target: {
        kind: "text",
        quote: "partagé\nsecond",
        start: encode(one, "Premier constat ".length),
        end: encode(two, "second".length),
      },
      body: "Les deux vont ensemble.",
    });
    await eventually(() => expect(marked(editor.doc, thread.id)).toBe("partagé|second"));
  });
});

describe("threads are never lost", () => {
  it("detaches when its text is deleted and re-attaches when undo brings it back", async () => {
    const editor = await diagnosticWith("Le foncier agricole se raréfie sur le territoire.");
    const undo = new Y.UndoManager(editor.doc.getXmlFragment(BODY), { captureTimeout: 0 });
    const thread = await newThread(carla, pole.documents.diagnostic, {
      target: selection(editor.doc, "foncier agricole"),
      body: "Quelle source ?",
    });
    await eventually(() => expect(marked(editor.doc, thread.id)).toBe("foncier agricole"));
    const stateOf = async () =>
      (await threads(carla, pole.documents.diagnostic)).threads.find((t) => t.id === thread.id);

    // The editor deletes the sentence's words, as typing would.
    const text = textsOf(editor.doc.getXmlFragment(BODY)).find((t) =>
      plain(t).includes("foncier agricole"),
    );
    if (!text) throw new Error("paragraph missing");
    editor.doc.transact(() => text.delete(0, plain(text).length));
    await eventually(async () => expect(await stateOf()).toMatchObject({ detached: true }));
    expect((await stateOf())?.quote).toBe("foncier agricole");

    undo.undo();
    expect(marked(editor.doc, thread.id)).toBe("foncier agricole");
    await eventually(async () => expect(await stateOf()).toMatchObject({ detached: false }));
    const fresh = await connect(server, marc, pole.documents.diagnostic);
    expect(marked(fresh.doc, thread.id)).toBe("foncier agricole");
  });

  it("detaches with its paragraph, and stays attached to text moved elsewhere", async () => {
    const editor = await diagnosticWith("Une épicerie solidaire ouvrira au printemps.");
    const undo = new Y.UndoManager(editor.doc.getXmlFragment(BODY), { captureTimeout: 0 });
    const thread = await newThread(marc, pole.documents.diagnostic, {
      target: selection(editor.doc, "épicerie solidaire"),
      body: "Où ?",
    });
    await eventually(() => expect(marked(editor.doc, thread.id)).toBe("épicerie solidaire"));
    const body = editor.doc.getXmlFragment(BODY);
    const detached = async () =>
      (await threads(marc, pole.documents.diagnostic)).threads.find((t) => t.id === thread.id)
        ?.detached;

    // Moving: the editor deletes the words and inserts them, mark and all, elsewhere.
    editor.doc.transact(() => {
      const text = textsOf(body).find((t) => plain(t).includes("épicerie solidaire"));
      if (!text) throw new Error("paragraph missing");
      const at = plain(text).indexOf("épicerie solidaire");
      text.delete(at, "épicerie solidaire".length);
      const moved = new Y.XmlText();
      moved.insert(0, "épicerie solidaire", {
        [commentMarkKey(thread.id)]: { threadId: thread.id },
      });
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [moved]);
      body.insert(0, [paragraph]);
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await detached()).toBe(false);

    undo.stopCapturing();
    editor.doc.transact(() => body.delete(0, 1));
    await eventually(async () => expect(await detached()).toBe(true));
    undo.undo();
    await eventually(async () => expect(await detached()).toBe(false));
  });
});

describe("threads on registry rows and board cards", () => {
  it("holds one thread per row and per card, detached when the row goes", async () => {
    const editor = await connect(server, pole.coordinator, pole.documents.diagnostic);
    const row = new Y.Map<unknown>();
    editor.doc.transact(() => {
      row.set("id", "besoin-mobilite");
      row.set("title", "Se déplacer sans voiture");
      editor.doc.getArray("needs").push([row]);
    });
    const thread = await eventually(() =>
      newThread(carla, pole.documents.diagnostic, {
        target: { kind: "row", table: "needs", rowId: "besoin-mobilite" },
        body: "Qui l'a exprimé ?",
      }),
    );
    expect(thread.target).toEqual({ kind: "row", table: "needs", rowId: "besoin-mobilite" });
    expect(thread.quote).toBe("Se déplacer sans voiture");
    await expectError(
      await openThread(marc, pole.documents.diagnostic, {
        target: { kind: "row", table: "needs", rowId: "besoin-mobilite" },
        body: "Un second fil",
      }),
      409,
      "conflict",
    );
    await expectError(
      await openThread(marc, pole.documents.diagnostic, {
        target: { kind: "row", table: "needs", rowId: "inconnu" },
        body: "Sur rien",
      }),
      404,
      "not_found",
    );
    editor.doc.transact(() => editor.doc.getArray("needs").delete(0, 1));
    await eventually(async () => {
      const found = (await threads(marc, pole.documents.diagnostic)).threads.find(
        (t) => t.id === thread.id,
      );
      expect(found?.detached).toBe(true);
    });

    const group = await as(pole.coordinator)(`/api/poles/${pole.poleId}/circles`, {
      body: { kind: "thematic", name: "Mobilités" },
    });
    const circleId = (await group.json()).id as string;
    const documents: Array<{ id: string; kind: string; circleId: string | null }> = await (
      await as(pole.coordinator)(`/api/poles/${pole.poleId}/documents`)
    ).json();
    const board = documents.find((d) => d.kind === "board" && d.circleId === circleId);
    if (!board) throw new Error("the group has no board");
    const boardEditor = await connect(server, pole.coordinator, board.id);
    const cardId = addCard(boardEditor.doc, { title: "Navette solidaire", columnId: "idee" });
    const cardThread = await eventually(() =>
      newThread(carla, board.id, { target: { kind: "card", cardId }, body: "Budget ?" }),
    );
    expect(cardThread).toMatchObject({
      target: { kind: "card", cardId },
      quote: "Navette solidaire",
    });
    await expectError(
      await openThread(carla, board.id, {
        target: { kind: "row", table: "needs", rowId: "besoin-mobilite" },
        body: "Pas ici",
      }),
      400,
      "invalid_input",
    );
  });
});

describe("replies, edits, deletions, resolution and reactions", () => {
  it("lets authors edit their own, coordinators moderate, and everyone react", async () => {
    const editor = await diagnosticWith("Les tiers-lieux se multiplient dans la vallée.");
    const thread = await newThread(carla, pole.documents.diagnostic, {
      target: selection(editor.doc, "tiers-lieux"),
      body: "Combien ?",
    });
    const first = thread.comments[0];
    const reply = await as(marc)(`/api/threads/${thread.id}/comments`, {
      body: { body: "Douze, selon la DREETS.", mentions: [carla.userId] },
    });
    expect(reply.status).toBe(201);
    const replied = (await reply.json()) as { thread: ThreadView; warnings: string[] };
    expect(replied.warnings).toEqual([]);
    const marcs = replied.thread.comments[1];
    expect(marcs).toMatchObject({ mentions: [carla.userId], canEdit: true, canDelete: true });

    // Own comments only, for members and commenters alike.
    const edit = (person: Person, id: string, body: string) =>
      as(person)(`/api/comments/${id}`, { method: "PATCH", body: { body } });
    await expectError(await edit(carla, marcs.id, "Réécrit"), 403, "forbidden");
    await expectError(await edit(marc, first.id, "Réécrit"), 403, "forbidden");
    expect((await edit(carla, first.id, "Combien, et depuis quand ?")).status).toBe(200);
    const remove = (person: Person, id: string) =>
      as(person)(`/api/comments/${id}`, { method: "DELETE" });
    await expectError(await remove(carla, marcs.id), 403, "forbidden");

    const react = (person: Person, id: string, emoji: string, method = "PUT") =>
      as(person)(`/api/comments/${id}/reactions/${encodeURIComponent(emoji)}`, { method });
    expect((await react(carla, marcs.id, "👍")).status).toBe(200);
    expect((await react(carla, marcs.id, "👍")).status).toBe(200);
    const reacted = (await (await react(marc, marcs.id, "👍")).json()) as ThreadView;
    expect(reacted.comments[1].reactions).toEqual([{ emoji: "👍", count: 2, mine: true }]);
    const unreacted = (await (await react(marc, marcs.id, "👍", "DELETE")).json()) as ThreadView;
    expect(unreacted.comments[1].reactions).toEqual([{ emoji: "👍", count: 1, mine: false }]);
    await expectError(await react(marc, marcs.id, "💩"), 400, "invalid_input");

    // The coordination moderates: the text goes, the comment's place stays.
    const moderated = await remove(pole.coordinator, marcs.id);
    expect(moderated.status).toBe(200);
    const after = (await moderated.json()) as ThreadView;
    expect(after.comments[1]).toMatchObject({ deleted: true, body: "", reactions: [] });
    expect(after.comments[0].body).toBe("Combien, et depuis quand ?");
    await expectError(await edit(marc, marcs.id, "Revenu"), 404, "not_found");

    const setState = (person: Person, state: string) =>
      as(person)(`/api/threads/${thread.id}/state`, { method: "PUT", body: { state } });
    const resolved = (await (await setState(carla, "resolved")).json()) as ThreadView;
    expect(resolved.state).toBe("resolved");
    const list = await threads(olga, pole.documents.diagnostic);
    expect(list.counts.resolved).toBeGreaterThanOrEqual(1);
    expect(((await (await setState(marc, "open")).json()) as ThreadView).state).toBe("open");
    await expectError(await setState(marc, "archived"), 400, "invalid_input");
  });

  it("tells the pôle's open pages that a document's threads changed", async () => {
    const editor = await diagnosticWith("Un réseau de chaleur est à l'étude.");
    const stream = await listenToPole(server, pole.poleId, olga);
    await stream.until("event: ready");
    await newThread(carla, pole.documents.diagnostic, {
      target: selection(editor.doc, "réseau de chaleur"),
      body: "Secret du commentaire",
    });
    await stream.until(`"type":"comment","id":"${pole.documents.diagnostic}"`);
    expect(stream.received()).not.toContain("Secret du commentaire");
    stream.stop();
  });
});

describe("rights", () => {
  it("keeps observers to reading, and lets a coordinator make one a commenter", async () => {
    const editor = await diagnosticWith("Les jeunes quittent le territoire après le lycée.");
    const target = selection(editor.doc, "jeunes");
    const list = await threads(olga, pole.documents.diagnostic);
    expect(list.canComment).toBe(false);
    await expectError(
      await openThread(olga, pole.documents.diagnostic, { target, body: "Vraiment ?" }),
      403,
      "forbidden",
    );
    const someThread = list.threads[0];
    await expectError(
      await as(olga)(`/api/threads/${someThread.id}/comments`, { body: { body: "Moi aussi" } }),
      403,
      "forbidden",
    );
    await expectError(
      await as(olga)(`/api/threads/${someThread.id}/state`, {
        method: "PUT",
        body: { state: "resolved" },
      }),
      403,
      "forbidden",
    );

    const promote = (by: Person) =>
      as(by)(`/api/poles/${pole.poleId}/people/${olga.userId}/role`, {
        method: "PUT",
        body: { role: "commenter" },
      });
    await expectError(await promote(marc), 403, "forbidden");
    expect((await promote(pole.coordinator)).status).toBe(200);
    expect((await threads(olga, pole.documents.diagnostic)).canComment).toBe(true);
    const opened = await openThread(olga, pole.documents.diagnostic, {
      target,
      body: "Vraiment ?",
    });
    expect(opened.status).toBe(201);
    // Still read-only in the document itself.
    const own = await connect(server, olga, pole.documents.diagnostic);
    writeParagraph(own.doc, "Texte de l'observatrice promue");
    writeParagraph(editor.doc, "Plus tard");
    await waitFor(() => bodyText(own.doc).includes("Plus tard"), "the later edit");
    const fresh = await connect(server, marc, pole.documents.diagnostic);
    expect(bodyText(fresh.doc)).not.toContain("promue");
  });

  it("gives a circle's commenter seat the right to comment on its pages only", async () => {
    const api = as(pole.coordinator);
    const group = await api(`/api/poles/${pole.poleId}/circles`, {
      body: { kind: "thematic", name: "Énergie citoyenne" },
    });
    const circleId = (await group.json()).id as string;
    const page = await api(`/api/poles/${pole.poleId}/documents`, {
      body: { kind: "page", title: "Notes du groupe", circleId },
    });
    const pageId = (await page.json()).id as string;
    const seated = await joinPole(server, pole, [{ circleId, role: "observer" }], "Sami Voisin");
    const editor = await connect(server, pole.coordinator, pageId);
    writeParagraph(editor.doc, "Une centrale villageoise sur le toit de l'école.");
    const comment = () =>
      openThread(seated, pageId, {
        target: selection(editor.doc, "centrale villageoise"),
        body: "Quelle puissance ?",
      });
    await expectError(await comment(), 403, "forbidden");

    const seat = (by: Person) =>
      as(by)(`/api/circles/${circleId}/members/${seated.userId}`, {
        method: "PUT",
        body: { role: "commenter" },
      });
    await expectError(await seat(carla), 403, "forbidden");
    expect((await seat(pole.coordinator)).status).toBeLessThan(300);
    expect((await comment()).status).toBe(201);
    // The seat is in that group alone: the diagnostic stays read-only to comment on.
    expect((await threads(seated, pole.documents.diagnostic)).canComment).toBe(false);
  });

  it("hides another pôle's threads: 404 on the document, the thread and the comment", async () => {
    const founded = await as(pole.coordinator)("/api/poles", { body: { name: "Pôle voisin" } });
    expect(founded.status).toBe(201);
    const otherPole = (await founded.json()).id as string;
    const documents: Array<{ id: string; kind: string }> = await (
      await as(pole.coordinator)(`/api/poles/${otherPole}/documents`)
    ).json();
    const diagnostic = documents.find((d) => d.kind === "diagnostic");
    if (!diagnostic) throw new Error("no diagnostic");
    const editor = await connect(server, pole.coordinator, diagnostic.id);
    writeParagraph(editor.doc, "Un constat confidentiel du pôle voisin.");
    const thread = await newThread(pole.coordinator, diagnostic.id, {
      target: selection(editor.doc, "constat confidentiel"),
      body: "Interne",
    });
    const commentId = thread.comments[0].id;

    for (const outsider of [carla, marc]) {
      const api = as(outsider);
      await expectError(await api(`/api/documents/${diagnostic.id}/threads`), 404, "not_found");
      await expectError(
        await api(`/api/documents/${diagnostic.id}/threads`, {
          body: { target: selection(editor.doc, "constat"), body: "Intrus" },
        }),
        404,
        "not_found",
      );
      await expectError(
        await api(`/api/threads/${thread.id}/comments`, { body: { body: "Intrus" } }),
        404,
        "not_found",
      );
      await expectError(
        await api(`/api/threads/${thread.id}/state`, {
          method: "PUT",
          body: { state: "resolved" },
        }),
        404,
        "not_found",
      );
      await expectError(
        await api(`/api/comments/${commentId}`, { method: "PATCH", body: { body: "Intrus" } }),
        404,
        "not_found",
      );
      await expectError(
        await api(`/api/comments/${commentId}`, { method: "DELETE" }),
        404,
        "not_found",
      );
      await expectError(
        await api(`/api/comments/${commentId}/reactions/${encodeURIComponent("👍")}`, {
          method: "PUT",
        }),
        404,
        "not_found",
      );
    }
    // Mentioning someone outside the pôle is refused, and leaves no thread nor mark.
    const before = (await threads(pole.coordinator, diagnostic.id)).threads.length;
    const refused = await expectError(
      await openThread(pole.coordinator, diagnostic.id, {
        target: selection(editor.doc, "pôle voisin"),
        body: "Regarde @Carla",
        mentions: [carla.userId],
      }),
      400,
      "invalid_input",
    );
    expect(refused).toContain("pôle");
    expect((await threads(pole.coordinator, diagnostic.id)).threads).toHaveLength(before);
    expect(
      await expectError(
        await as(pole.coordinator)(`/api/threads/${thread.id}/comments`, {
          body: { body: "Regarde", mentions: [marc.userId] },
        }),
        400,
        "invalid_input",
      ),
    ).toContain("pôle");
  });
});

describe("bad input", () => {
  it("refuses bad bodies and selections with a clear error, and stores nothing", async () => {
    const editor = await diagnosticWith("Le covoiturage reste marginal en zone rurale.");
    const target = selection(editor.doc, "covoiturage");
    const refuse = async (body: unknown, status = 400, code = "invalid_input") =>
      expectError(
        await as(carla)(`/api/documents/${pole.documents.diagnostic}/threads`, {
          body: body as Record<string, unknown>,
        }),
        status,
        code,
      );
    const before = (await threads(carla, pole.documents.diagnostic)).threads.length;

    expect(await refuse({ target, body: "   " })).toContain("vide");
    await refuse({ target });
    expect(await refuse({ target, body: "x".repeat(5001) })).toContain("5000");
    expect(await refuse({ target, body: "facture\u202egpj.exe" })).toContain("caractère");
    await refuse({ target: { ...target, start: "pas du base64 !" }, body: "Ok" });
    await refuse({
      target: { ...target, start: buffer.toBase64(new Uint8Array([1, 2, 3])) },
      body: "Ok",
    });
    await refuse({ target: { ...target, start: target.end, end: target.start }, body: "Ok" });
    await refuse({
      target: { kind: "text", quote: "", start: target.start, end: target.end },
      body: "Ok",
    });
    await refuse({ target: { kind: "card", cardId: "x" }, body: "Ok" });
    await refuse({ target: { kind: "paragraph" }, body: "Ok" });
    // A quote that no longer matches the text between the positions: 409, nothing anchored.
    expect(
      await refuse({ target: { ...target, quote: "autre chose" }, body: "Ok" }, 409, "conflict"),
    ).toContain("sélectionn");
    // Positions into another document's text.
    const other = new Y.Doc();
    const stranger = new Y.XmlText("covoiturage");
    other.getXmlFragment(BODY).insert(0, [stranger]);
    await refuse({
      target: { ...target, start: encode(stranger, 0), end: encode(stranger, 11) },
      body: "Ok",
    });

    expect((await threads(carla, pole.documents.diagnostic)).threads).toHaveLength(before);
    const key = /^comment--/;
    const marks = textsOf(editor.doc.getXmlFragment(BODY))
      .filter((t) => plain(t).includes("covoiturage"))
      .flatMap((t) => (t.toDelta() as Array<{ attributes?: object }>).map((op) => op.attributes))
      .flatMap((attributes) => Object.keys(attributes ?? {}))
      .filter((name) => key.test(name));
    expect(marks).toEqual([]);

    // Markup is kept as the text it is, never interpreted.
    const html = '<img src=x onerror="alert(1)"> <b>gras</b>';
    const thread = await newThread(carla, pole.documents.diagnostic, { target, body: html });
    expect(thread.comments[0].body).toBe(html);
    const edited = await as(carla)(`/api/comments/${thread.comments[0].id}`, {
      method: "PATCH",
      body: { body: "" },
    });
    await expectError(edited, 400, "invalid_input");
    const kept = (await threads(carla, pole.documents.diagnostic)).threads.find(
      (t) => t.id === thread.id,
    );
    expect(kept?.comments[0].body).toBe(html);
  });
});

describe("a flood of comments", () => {
  it("refuses the 61st post of one person within ten minutes, keeps the 60, and lets others post", async () => {
    const rita = await joinPole(server, pole, [], "Rita Robot", "commenter");
    const editor = await diagnosticWith("Les friches industrielles attendent un projet.");
    const thread = await newThread(rita, pole.documents.diagnostic, {
      target: selection(editor.doc, "friches"),
      body: "1",
    });
    const reply = (person: Person, body: string) =>
      as(person)(`/api/threads/${thread.id}/comments`, { body: { body } });
    for (let n = 2; n <= 60; n++) expect((await reply(rita, String(n))).status).toBe(201);

    const refused = await reply(rita, "61");
    expect(await expectError(refused, 429, "throttled")).toContain("60 commentaires");
    const kept = (await threads(rita, pole.documents.diagnostic)).threads.find(
      (t) => t.id === thread.id,
    );
    expect(kept?.comments.map((comment) => comment.body)).toEqual(
      Array.from({ length: 60 }, (_, index) => String(index + 1)),
    );
    expect((await reply(marc, "Je m'en occupe.")).status).toBe(201);
  });
});

describe("an edited comment", () => {
  it("tells people newly mentioned once, keeps earlier mentions, and refuses strangers", async () => {
    const editor = await diagnosticWith("Les circuits courts alimentaires progressent.");
    const thread = await newThread(carla, pole.documents.diagnostic, {
      target: selection(editor.doc, "circuits courts"),
      body: "Source ?",
    });
    const commentId = thread.comments[0].id;
    const marcsMentions = async () => {
      const res = await as(marc)(`/api/poles/${pole.poleId}/notifications`);
      const list = (await res.json()) as {
        notifications: Array<{ kind: string; subject: { detail: string | null } }>;
      };
      return list.notifications.filter(
        (n) => n.kind === "mention" && n.subject.detail === thread.id,
      ).length;
    };
    const edit = (body: string, mentions: string[]) =>
      as(carla)(`/api/comments/${commentId}`, { method: "PATCH", body: { body, mentions } });
    expect(await marcsMentions()).toBe(0);

    expect((await edit("Source ? @Marc", [marc.userId])).status).toBe(200);
    expect(await marcsMentions()).toBe(1);
    expect((await edit("Source ? @Marc, merci", [marc.userId])).status).toBe(200);
    expect(await marcsMentions()).toBe(1);
    expect(
      await expectError(await edit("Autre", ["personne-inconnue"]), 400, "invalid_input"),
    ).toContain("personnes du pôle");

    const kept = (await threads(carla, pole.documents.diagnostic)).threads.find(
      (t) => t.id === thread.id,
    );
    expect(kept?.comments[0]).toMatchObject({
      body: "Source ? @Marc, merci",
      mentions: [marc.userId],
    });
  });
});
