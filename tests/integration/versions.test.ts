/**
 * Versions of every document (CONTRACT.md "Versions"): automatic ones while people work,
 * named ones, exports of a version, and restore as a forward edit that open editors see
 * live and offline copies merge with. Real server, real sync clients.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
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
import {
  bodyText,
  closeDocuments,
  connect,
  eventually,
  synced,
  waitFor,
  writeParagraph,
} from "../helpers/sync-client";

let server: TestServer;
let pole: FoundedPole;
/** A member of the pôle outside the core group and the steering committee: reads the charter. */
let reader: Person;

beforeAll(async () => {
  ({ server, pole } = await startPole());
  reader = await joinPole(server, pole, []);
});
afterEach(() => closeDocuments());
afterAll(() => server.close());

const api = (person: { cookie: string }) => client(server.url, person.cookie);

interface Version {
  id: string;
  number: number;
  name: string | null;
  kind: string;
  decisionId: string | null;
}

async function versionsOf(documentId: string, person: Person = pole.coordinator) {
  const res = await api(person)(`/api/documents/${documentId}/versions`);
  expect(res.status).toBe(200);
  return (await res.json()) as Version[];
}

async function nameVersion(documentId: string, name: string) {
  const res = await api(pole.coordinator)(`/api/documents/${documentId}/versions`, {
    body: { name },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as Version;
}

const restore = (person: Person, documentId: string, versionId: string) =>
  api(person)(`/api/documents/${documentId}/versions/${versionId}/restore`, { method: "POST" });

/** A fresh free page in the core group, so that tests do not share a history. */
async function newPage(title: string) {
  const res = await api(pole.coordinator)(`/api/poles/${pole.poleId}/documents`, {
    body: { kind: "page", title, circleId: pole.circles.core },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe("versions", () => {
  it("takes one automatic version when a changed document is stored, not another within ten minutes", async () => {
    const page = await newPage("Notes du COPIL");
    const editor = await connect(server, pole.coordinator, page);
    writeParagraph(editor.doc, "Premier jet");
    const [auto] = await eventually(async () => {
      const versions = await versionsOf(page);
      expect(versions.map((v) => v.kind)).toEqual(["auto"]);
      return versions;
    });
    expect(auto.number).toBe(1);

    writeParagraph(editor.doc, "Deuxième paragraphe");
    // Stored and projected within a second (storeDebounceMs); no second version comes.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect((await versionsOf(page)).map((v) => v.kind)).toEqual(["auto"]);
  });

  it("names a version for editors, lists it newest first for readers, refuses readers", async () => {
    const page = await newPage("Charte des tiers-lieux");
    const editor = await connect(server, pole.coordinator, page);
    writeParagraph(editor.doc, "Version du 12 mars");
    const named = await nameVersion(page, "Version soumise au COPIL du 12 mars");
    expect(named).toEqual({
      id: expect.any(String),
      number: expect.any(Number),
      name: "Version soumise au COPIL du 12 mars",
      kind: "named",
    });
    const listed = await versionsOf(page, reader);
    expect(listed[0]).toMatchObject({ id: named.id, kind: "named", decisionId: null });
    expect(listed[0]).toHaveProperty("createdAt");
    expect(listed[0]).toHaveProperty("authorId", pole.coordinator.userId);

    await expectError(
      await api(reader)(`/api/documents/${page}/versions`, { body: { name: "Moi aussi" } }),
      403,
      "forbidden",
    );
    await expectError(
      await api(pole.coordinator)(`/api/documents/${page}/versions`, { body: { name: "  " } }),
      400,
      "invalid_input",
    );
  });

  it("exports a version in the document's formats", async () => {
    const page = await newPage("Compte rendu");
    const editor = await connect(server, pole.coordinator, page);
    writeParagraph(editor.doc, "Texte de la version");
    const version = await nameVersion(page, "À exporter");
    writeParagraph(editor.doc, "Ajouté après");
    await waitFor(async () => {
      const res = await api(pole.coordinator)(`/api/documents/${page}/export/md`);
      return (await res.text()).includes("Ajouté après");
    }, "the later edit in the export");

    const md = await api(reader)(`/api/documents/${page}/versions/${version.id}/export/md`);
    expect(md.status).toBe(200);
    const text = await md.text();
    expect(text).toContain("Texte de la version");
    expect(text).not.toContain("Ajouté après");
    for (const format of ["html", "odt", "docx"]) {
      const res = await api(reader)(
        `/api/documents/${page}/versions/${version.id}/export/${format}`,
      );
      expect(res.status).toBe(200);
      expect(res.headers.get("content-disposition")).toContain(`version-${version.number}`);
    }
    await expectError(
      await api(reader)(`/api/documents/${page}/versions/${version.id}/export/pdf`),
      400,
      "invalid_input",
    );
  });

  it("restores live: a pre-restore version first, then every open editor sees the old text", async () => {
    const page = await newPage("Statuts");
    const alice = await connect(server, pole.coordinator, page);
    writeParagraph(alice.doc, "Article 1 : objet");
    const version = await nameVersion(page, "Avant la réécriture");
    const expected = bodyText(alice.doc);
    writeParagraph(alice.doc, "Article 2 : à supprimer");
    const bob = await connect(server, pole.coordinator, page);
    await waitFor(() => bodyText(bob.doc).includes("Article 2"), "bob to see article 2");

    const res = await restore(pole.coordinator, page, version.id);
    expect(res.status).toBe(200);
    const answer = await res.json();
    expect(answer.restored).toEqual({ id: version.id, number: version.number });

    await waitFor(() => bodyText(alice.doc) === expected, "alice to see the restored text");
    await waitFor(() => bodyText(bob.doc) === expected, "bob to see the restored text");
    const versions = await versionsOf(page);
    expect(versions[0]).toMatchObject({ id: answer.preRestore.id, kind: "pre_restore" });
    // The text as it was before the restore is kept.
    const before = await api(pole.coordinator)(
      `/api/documents/${page}/versions/${answer.preRestore.id}/export/md`,
    );
    expect(await before.text()).toContain("Article 2 : à supprimer");
  });

  it("merges an offline copy's edits with a restore when it comes back", async () => {
    const page = await newPage("Règlement intérieur");
    const online = await connect(server, pole.coordinator, page);
    writeParagraph(online.doc, "Règle 1");
    const version = await nameVersion(page, "Règle 1 seule");
    writeParagraph(online.doc, "Règle 2 (retirée)");
    const offline = await connect(server, pole.coordinator, page);
    await waitFor(() => bodyText(offline.doc).includes("Règle 2"), "the copy to hold rule 2");
    offline.provider.disconnect();
    writeParagraph(offline.doc, "Règle 3 (écrite hors ligne)");

    const res = await restore(pole.coordinator, page, version.id);
    expect(res.status).toBe(200);
    await waitFor(() => !bodyText(online.doc).includes("Règle 2"), "the restore online");
    offline.provider.connect();
    await synced(offline);
    await waitFor(
      () =>
        bodyText(online.doc).includes("Règle 3") && bodyText(offline.doc) === bodyText(online.doc),
      "both copies to converge",
    );
    expect(bodyText(online.doc)).toContain("Règle 1");
    expect(bodyText(online.doc)).not.toContain("Règle 2");
  });

  it("restores the diagnostic's registries, not only its text", async () => {
    const diagnostic = pole.documents.diagnostic;
    const editor = await connect(server, pole.coordinator, diagnostic);
    const actors = editor.doc.getArray<Y.Map<string>>("actors");
    const row = (id: string, name: string) => {
      const map = new Y.Map<string>();
      map.set("id", id);
      map.set("name", name);
      return map;
    };
    actors.push([row("a1", "Ressourcerie du Val")]);
    const version = await nameVersion(diagnostic, "Un seul acteur");
    const expected = actors.toJSON();
    actors.push([row("a2", "Épicerie solidaire")]);
    (actors.get(0) as Y.Map<string>).set("name", "Ressourcerie renommée");

    const res = await restore(pole.coordinator, diagnostic, version.id);
    expect(res.status).toBe(200);
    await waitFor(
      () => JSON.stringify(actors.toJSON()) === JSON.stringify(expected),
      "the actors of the version",
    );
  });

  it("answers bad requests clearly and changes nothing", async () => {
    const page = await newPage("Brouillon");
    const editor = await connect(server, pole.coordinator, page);
    writeParagraph(editor.doc, "À garder");
    const version = await nameVersion(page, "Une version");
    const charterVersion = await nameVersion(pole.documents.charter, "Charte");

    // A version of another document.
    await expectError(await restore(pole.coordinator, page, charterVersion.id), 404, "not_found");
    await expectError(await restore(pole.coordinator, page, "absent"), 404, "not_found");
    // Those who only read.
    await expectError(await restore(reader, page, version.id), 403, "forbidden");
    // Another pôle's version: as unknown as a missing one.
    const founded = await api(pole.coordinator)("/api/poles", { body: { name: "Autre pôle" } });
    expect(founded.status).toBe(201);
    const other = await inviteNewcomer(server, pole.coordinator, (await founded.json()).id, []);
    await expectError(await restore(other, page, version.id), 404, "not_found");
    await expectError(await api(other)(`/api/documents/${page}/versions`), 404, "not_found");
    await expectError(
      await api(other)(`/api/documents/${page}/versions/${version.id}/export/md`),
      404,
      "not_found",
    );
    expect(bodyText(editor.doc)).toContain("À garder");
    expect((await versionsOf(page)).map((v) => v.kind)).not.toContain("pre_restore");
  });
});
