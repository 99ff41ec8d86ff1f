/**
 * The charter and its amendments (CONTRACT.md "Governance"): an amendment is a live copy
 * of the charter; a consent decision on it freezes its text, and adopting it merges its
 * own changes into the charter that people have open, so that two amendments to
 * different articles both land. Real server, real sync clients.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { BODY, closeCodes } from "../../shared/documents";
import { expectError } from "../helpers/contract";
import {
  client,
  type FoundedPole,
  inviteNewcomer,
  joinPole,
  type Person,
  startPole,
  type TestServer,
} from "../helpers/server";
import { bodyText, closeDocuments, connect, eventually, waitFor } from "../helpers/sync-client";

let server: TestServer;
let pole: FoundedPole;
/** A voter of the core group besides the coordinator. */
let claire: Person;
/** A member of the pôle seated nowhere: proposes amendments, only reads the charter. */
let malik: Person;

beforeAll(async () => {
  ({ server, pole } = await startPole());
  claire = await joinPole(
    server,
    pole,
    [{ circleId: pole.circles.core, role: "member" }],
    "Claire",
  );
  malik = await joinPole(server, pole, [], "Malik");
});
afterEach(() => closeDocuments());
afterAll(() => server.close());

const as = (person: Person) => client(server.url, person.cookie);
const charterId = () => pole.documents.charter;

interface Amendment {
  id: string;
  title: string;
  state: string;
  documentId: string;
  baseVersionId: string;
  decisionId: string | null;
}

async function propose(by: Person, title: string): Promise<Amendment> {
  const res = await as(by)(`/api/documents/${charterId()}/amendments`, {
    body: { title, rationale: "Pour clarifier." },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json();
}

const amendment = async (id: string, by: Person = pole.coordinator): Promise<Amendment> =>
  (await as(by)(`/api/amendments/${id}`)).json();

/** Adds words at the end of the body's element `index` (each article: a heading, a paragraph). */
function amendArticle(doc: Y.Doc, index: number, words: string) {
  const element = doc.getXmlFragment(BODY).get(index) as Y.XmlElement;
  const text = element.get(0) as Y.XmlText;
  text.insert(text.length, words);
}

/** Asks the core group to decide on the amendment by consent. */
const requestDecision = (amendmentId: string, title: string) =>
  as(pole.coordinator)(`/api/poles/${pole.poleId}/decisions`, {
    body: { circleId: pole.circles.core, title, method: "consent", amendmentId },
  });

async function openDecision(on: Amendment) {
  const res = await requestDecision(on.id, `Adopter « ${on.title} »`);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string };
}

async function vote(by: Person, decisionId: string, choice: string, reason?: string) {
  const res = await as(by)(`/api/decisions/${decisionId}/votes`, { body: { choice, reason } });
  expect(res.status, await res.clone().text()).toBe(200);
}

async function close(decisionId: string) {
  const res = await as(pole.coordinator)(`/api/decisions/${decisionId}/close`, { method: "POST" });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as { outcome: string };
}

const charter = async () =>
  (await as(pole.coordinator)(`/api/documents/${charterId()}/charter`)).json();

describe("amendments", () => {
  it("are a copy of the charter's current text, with a base version, edited by their author", async () => {
    const proposed = await propose(malik, "Préciser la raison d'être");
    expect(proposed).toMatchObject({
      id: expect.any(String),
      title: "Préciser la raison d'être",
      state: "draft",
      documentId: expect.any(String),
      baseVersionId: expect.any(String),
    });
    expect(await amendment(proposed.id, malik)).toMatchObject({
      id: proposed.id,
      state: "draft",
      documentId: proposed.documentId,
      baseVersionId: proposed.baseVersionId,
      decisionId: null,
    });
    const versions = await (await as(malik)(`/api/documents/${charterId()}/versions`)).json();
    expect(versions.map((v: { id: string }) => v.id)).toContain(proposed.baseVersionId);

    const live = await connect(server, pole.coordinator, charterId());
    const copy = await connect(server, malik, proposed.documentId);
    expect(bodyText(copy.doc)).toBe(bodyText(live.doc));
    // Its author edits it through sync; the charter stays read-only for them.
    amendArticle(copy.doc, 1, " Proposé par Malik.");
    const other = await connect(server, claire, proposed.documentId);
    await waitFor(
      () => bodyText(other.doc).includes("Proposé par Malik."),
      "the edit to reach Claire",
    );
    const documents = await (await as(malik)(`/api/poles/${pole.poleId}/documents`)).json();
    const access = (id: string) => documents.find((d: { id: string }) => d.id === id)?.access;
    expect(access(proposed.documentId)).toBe("edit");
    expect(access(charterId())).toBe("view");
    expect((await charter()).amendments).toContainEqual({
      id: proposed.id,
      title: proposed.title,
      state: "draft",
      documentId: proposed.documentId,
    });
    const byDocument = await as(malik)(`/api/documents/${proposed.documentId}/amendment`);
    expect((await byDocument.json()).id).toBe(proposed.id);
  });

  it("amend → vote → adopt: two amendments on different articles both land in the open charter", async () => {
    const live = await connect(server, pole.coordinator, charterId());
    const first = await propose(pole.coordinator, "Raison d'être");
    const second = await propose(claire, "Valeurs");
    const firstCopy = await connect(server, pole.coordinator, first.documentId);
    const secondCopy = await connect(server, claire, second.documentId);
    amendArticle(firstCopy.doc, 1, " (amendement 1)");
    amendArticle(secondCopy.doc, 3, " (amendement 2)");
    // The charter changes meanwhile: that edit stays.
    amendArticle(live.doc, 5, " (édité pendant ce temps)");
    await eventually(async () => {
      const md = await as(pole.coordinator)(`/api/documents/${second.documentId}/export/md`);
      expect(await md.text()).toContain("(amendement 2)");
    });
    await eventually(async () => {
      const md = await as(pole.coordinator)(`/api/documents/${first.documentId}/export/md`);
      expect(await md.text()).toContain("(amendement 1)");
    });

    for (const proposed of [first, second]) {
      const decision = await openDecision(proposed);
      expect((await amendment(proposed.id)).state).toBe("voting");
      await vote(pole.coordinator, decision.id, "consent");
      await vote(claire, decision.id, "consent");
      expect((await close(decision.id)).outcome).toBe("adopted");
      expect(await amendment(proposed.id)).toMatchObject({
        state: "adopted",
        decisionId: decision.id,
      });
    }

    await waitFor(() => {
      const text = bodyText(live.doc);
      return (
        text.includes("(amendement 1)") &&
        text.includes("(amendement 2)") &&
        text.includes("(édité pendant ce temps)")
      );
    }, "both amendments in the open charter");
    const { adoptedVersion } = await eventually(async () => {
      const view = await charter();
      expect(view.adoptedVersion).not.toBeNull();
      expect(view.adoptedVersion.decisionId).toBe((await amendment(second.id)).decisionId);
      return view;
    });
    const versions = await (
      await as(pole.coordinator)(`/api/documents/${charterId()}/versions`)
    ).json();
    expect(versions[0]).toMatchObject({
      id: adoptedVersion.id,
      kind: "adopted",
      decisionId: adoptedVersion.decisionId,
    });
    const exported = await as(pole.coordinator)(
      `/api/documents/${charterId()}/versions/${adoptedVersion.id}/export/md`,
    );
    const text = await exported.text();
    expect(text).toContain("(amendement 1)");
    expect(text).toContain("(amendement 2)");
    // Each word once: the merge brought the changes, not a second copy of the text.
    expect(text.split("Valeurs partagées").length).toBe(2);
    const audit = await (await as(pole.coordinator)(`/api/poles/${pole.poleId}/audit`)).json();
    expect(JSON.stringify(audit)).toContain("charter.amended");
  });

  it("objection → rejected: the charter does not change", async () => {
    const proposed = await propose(pole.coordinator, "Supprimer les valeurs");
    const copy = await connect(server, pole.coordinator, proposed.documentId);
    amendArticle(copy.doc, 3, " (rejeté)");
    await eventually(async () => {
      const md = await as(pole.coordinator)(`/api/documents/${proposed.documentId}/export/md`);
      expect(await md.text()).toContain("(rejeté)");
    });
    const decision = await openDecision(proposed);
    await vote(pole.coordinator, decision.id, "consent");
    await vote(claire, decision.id, "objection", "Les valeurs fondent le pôle.");
    expect((await close(decision.id)).outcome).toBe("rejected");
    expect((await amendment(proposed.id)).state).toBe("rejected");
    const live = await connect(server, pole.coordinator, charterId());
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(bodyText(live.doc)).not.toContain("(rejeté)");
  });

  it("freezes the text under vote: a write from an open client is not stored", async () => {
    const proposed = await propose(malik, "Texte gelé");
    const copy = await connect(server, malik, proposed.documentId);
    amendArticle(copy.doc, 1, " (avant le vote)");
    await eventually(async () => {
      const md = await as(malik)(`/api/documents/${proposed.documentId}/export/md`);
      expect(await md.text()).toContain("(avant le vote)");
    });
    await openDecision(proposed);
    amendArticle(copy.doc, 1, " (pendant le vote)");
    await waitFor(
      () => copy.closes.includes(closeCodes.accessChanged),
      "the socket to be re-checked",
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const md = await (await as(malik)(`/api/documents/${proposed.documentId}/export/md`)).text();
    expect(md).toContain("(avant le vote)");
    expect(md).not.toContain("(pendant le vote)");
    const fresh = await connect(server, pole.coordinator, proposed.documentId);
    expect(bodyText(fresh.doc)).not.toContain("(pendant le vote)");
    const documents = await (
      await as(pole.coordinator)(`/api/poles/${pole.poleId}/documents`)
    ).json();
    expect(documents.find((d: { id: string }) => d.id === proposed.documentId)?.access).toBe(
      "view",
    );

    // A second decision on an amendment that is no longer a draft.
    await expectError(await requestDecision(proposed.id, "Encore"), 409, "conflict");
  });

  it("are withdrawn by their author or a coordinator, once", async () => {
    const proposed = await propose(malik, "À retirer");
    await expectError(
      await as(claire)(`/api/amendments/${proposed.id}/withdraw`, { method: "POST" }),
      403,
      "forbidden",
    );
    const res = await as(malik)(`/api/amendments/${proposed.id}/withdraw`, { method: "POST" });
    expect(res.status).toBe(200);
    expect((await res.json()).state).toBe("withdrawn");
    await expectError(
      await as(malik)(`/api/amendments/${proposed.id}/withdraw`, { method: "POST" }),
      409,
      "conflict",
    );
    await expectError(await requestDecision(proposed.id, "Trop tard"), 409, "conflict");
  });

  it("answers bad requests clearly", async () => {
    await expectError(
      await as(malik)(`/api/documents/${charterId()}/amendments`, { body: { title: " " } }),
      400,
      "invalid_input",
    );
    await expectError(
      await as(malik)(`/api/documents/${pole.documents.diagnostic}/amendments`, {
        body: { title: "Sur le diagnostic" },
      }),
      404,
      "not_found",
    );
    await expectError(await as(malik)("/api/amendments/absent"), 404, "not_found");
    const proposed = await propose(malik, "Vu d'ailleurs");
    const founded = await as(pole.coordinator)("/api/poles", { body: { name: "Pôle voisin" } });
    const outsider = await inviteNewcomer(server, pole.coordinator, (await founded.json()).id, []);
    await expectError(await as(outsider)(`/api/amendments/${proposed.id}`), 404, "not_found");
    await expectError(
      await as(outsider)(`/api/documents/${charterId()}/charter`),
      404,
      "not_found",
    );
    await expectError(
      await as(outsider)(`/api/documents/${charterId()}/amendments`, { body: { title: "Intrus" } }),
      404,
      "not_found",
    );
  });
});
