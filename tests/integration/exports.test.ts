/**
 * GET /api/documents/:documentId/export/:format against a real server: every format parses
 * (CSV with its BOM and columns, Markdown headings, .odt/.docx zips with the text inside),
 * for every document kind, reflecting edits at once; bad requests get clear errors.
 */
import { parse } from "csv-parse/sync";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { newRow } from "../../shared/diagnostic/writing";
import { BODY } from "../../shared/documents";
import { expectError } from "../helpers/contract";
import { withPole } from "../helpers/fixture";
import { client, joinPole, type Person } from "../helpers/server";
import { closeDocuments, connect, eventually } from "../helpers/sync-client";

const t = withPole();

let observer: Person;
const ACTOR = "Régie de quartier « Les Écluses »";
const HOSTILE = '<script>alert("x")</script> & | pipe';

beforeAll(async () => {
  observer = await joinPole(t.server, t.pole, [
    { circleId: t.pole.circles.steering, role: "observer" },
  ]);
  const { doc } = await connect(t.server, t.pole.coordinator, t.pole.documents.diagnostic);
  doc.transact(() => {
    const actor = newRow("actors", {
      name: ACTOR,
      type: "association",
      competencies: "Insertion, bâtiment",
      contact: "met",
    });
    doc.getArray("actors").push([actor.map, newRow("actors", { name: HOSTILE }).map]);
    const source = newRow("sources", {
      title: "Diagnostic de la CCVD",
      year: 2022,
      kind: "authority_diagnostic",
      link: "https://example.org/diag",
    });
    doc.getArray("sources").push([source.map]);
    const need = newRow("needs", { title: "Manque de locaux", actorIds: [actor.id] });
    doc.getArray("needs").push([need.map]);
    const finding = newRow("findings", {
      title: "La vacance commerciale progresse",
      needIds: [need.id],
      sourceIds: [source.id],
    });
    doc.getArray("findings").push([finding.map]);
    (finding.map.get("votes") as Y.Map<unknown>).set(t.pole.coordinator.userId, {
      vote: "agree",
      comment: "Vu en réunion",
      name: "Camille Martin",
      at: 1,
    });
    doc
      .getArray("trends")
      .push([
        newRow("trends", { title: "Taux de chômage", value: 8.7, unit: "%", year: 2023 }).map,
      ]);
  });
  // Stored before relayed: a second client seeing it means the server has it.
  const other = await connect(t.server, observer, t.pole.documents.diagnostic);
  await eventually(() => expect(other.doc.getArray("findings").length).toBe(1));
  closeDocuments();
}, 60_000);

const exportOf = (documentId: string, format: string, person: Person = t.pole.coordinator) =>
  client(t.server.url, person.cookie)(`/api/documents/${documentId}/export/${format}`);

describe("diagnostic exports", () => {
  it("Markdown: the title, the narrative's headings and the registries", async () => {
    const res = await exportOf(t.pole.documents.diagnostic, "md");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename=".+\.md"/);
    const md = await res.text();
    const headings = md.split("\n").filter((line) => /^#{1,4} /.test(line));
    expect(headings[0]).toBe("# Diagnostic de territoire");
    expect(headings).toContain("## Périmètre et identité du territoire");
    expect(headings).toContain("## Constats partagés");
    expect(headings).toContain("## Registres du diagnostic");
    expect(headings).toContain("### Acteurs du territoire");
    expect(md).toContain("Pôle Vallée de la Drôme — exporté le ");
    // Table cells: references by name, choices in French, votes tallied; pipes escaped.
    expect(md).toMatch(/\| La vacance commerciale progresse \| Manque de locaux \|/);
    expect(md).toContain("Camille Martin : D'accord (Vu en réunion)");
    expect(md).toContain("| Association |");
    expect(md).toContain("\\<script\\>");
    expect(md).toContain("\\| pipe");
  });

  it("HTML: a printable page with everything escaped", async () => {
    const res = await exportOf(t.pole.documents.diagnostic, "html", observer);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(html).toContain("<h1>Diagnostic de territoire</h1>");
    expect(html).toContain("<h2>Périmètre et identité du territoire</h2>");
    expect(html).toContain("Régie de quartier « Les Écluses »");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("@media print");
  });

  it("ODT: a valid OpenDocument zip with the text inside", async () => {
    const res = await exportOf(t.pole.documents.diagnostic, "odt");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.oasis.opendocument.text");
    const bytes = new Uint8Array(await res.arrayBuffer());
    // The mimetype entry comes first, stored: its name and value sit at fixed offsets.
    expect(strFromU8(bytes.subarray(30, 38))).toBe("mimetype");
    const files = unzipSync(bytes);
    expect(Object.keys(files)[0]).toBe("mimetype");
    expect(strFromU8(files.mimetype)).toBe("application/vnd.oasis.opendocument.text");
    expect(strFromU8(files["META-INF/manifest.xml"])).toContain('manifest:full-path="content.xml"');
    const content = strFromU8(files["content.xml"]);
    expect(content).toContain("Périmètre et identité du territoire");
    expect(content).toContain("Régie de quartier « Les Écluses »");
    expect(content).toContain("&lt;script&gt;");
    expect(content).toMatch(/<table:table /);
  });

  it("DOCX: a valid Word zip with the text inside", async () => {
    const res = await exportOf(t.pole.documents.diagnostic, "docx");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(files["[Content_Types].xml"]).toBeDefined();
    const body = strFromU8(files["word/document.xml"]);
    expect(body).toContain("Périmètre et identité du territoire");
    expect(body).toContain("Régie de quartier « Les Écluses »");
    expect(body).toContain("Diagnostic de la CCVD");
  });

  it("CSV: one registry, UTF-8 with BOM, named columns, one line per row", async () => {
    const res = await client(
      t.server.url,
      observer.cookie,
    )(`/api/documents/${t.pole.documents.diagnostic}/export/csv?registry=actors`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/filename=".+acteurs.+\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records: string[][] = parse(new TextDecoder().decode(bytes.subarray(3)), {
      delimiter: ";",
    });
    expect(records[0]).toEqual([
      "Identifiant",
      "Nom",
      "Type",
      "Secteur",
      "Compétences",
      "Problématiques exprimées",
      "Vision",
      "État du contact",
      "Structure membre",
      "Anomalie",
    ]);
    expect(records).toHaveLength(3);
    const regie = records.find((record) => record[1] === ACTOR);
    expect(regie?.slice(2, 8)).toEqual([
      "Association",
      "",
      "Insertion, bâtiment",
      "",
      "",
      "Rencontré",
    ]);
    expect(records.some((record) => record[1] === HOSTILE)).toBe(true);

    const findings: string[][] = parse(
      (await (await exportOf(t.pole.documents.diagnostic, "csv?registry=findings")).text()).replace(
        /^\uFEFF/,
        "",
      ),
      { delimiter: ";" },
    );
    expect(findings[0]).toContain("D'accord");
    expect(findings[1]).toContain("Manque de locaux");
    expect(findings[1]).toContain("En discussion");
  });

  it("reflects an edit at once, whether or not the document is still open", async () => {
    const { doc } = await connect(t.server, t.pole.coordinator, t.pole.documents.diagnostic);
    doc.getArray("sources").push([newRow("sources", { title: "Entretien avec la mairie" }).map]);
    await eventually(async () => {
      const csv = await (
        await exportOf(t.pole.documents.diagnostic, "csv?registry=sources")
      ).text();
      expect(csv).toContain("Entretien avec la mairie");
    }, 3_000);
    closeDocuments();
    // Unloaded after the last connection leaves (1 s in tests): the stored state says the same.
    await eventually(() => expect(t.server.maillage.sync.stats().documents).toBe(0));
    const csv = await (await exportOf(t.pole.documents.diagnostic, "csv?registry=sources")).text();
    expect(csv).toContain("Entretien avec la mairie");
  });
});

describe("every kind exports its rich text", () => {
  it("the charter and a thematic group's board", async () => {
    const { doc } = await connect(t.server, t.pole.coordinator, t.pole.documents.charter);
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("Texte ajouté à la charte")]);
    doc.getXmlFragment(BODY).push([paragraph]);
    await eventually(async () => {
      const md = await (await exportOf(t.pole.documents.charter, "md")).text();
      expect(md).toContain("# Charte");
      expect(md).toContain("Texte ajouté à la charte");
      expect(md).not.toContain("Registres du diagnostic");
    });

    const api = client(t.server.url, t.pole.coordinator.cookie);
    await api(`/api/poles/${t.pole.poleId}/circles`, {
      body: { kind: "thematic", name: "Mobilité" },
    });
    const documents: Array<{ id: string; kind: string }> = await (
      await api(`/api/poles/${t.pole.poleId}/documents`)
    ).json();
    const board = documents.find((d) => d.kind === "board");
    if (!board) throw new Error("no board");
    for (const format of ["md", "html", "odt", "docx"]) {
      expect((await exportOf(board.id, format)).status).toBe(200);
    }
  });
});

describe("bad requests", () => {
  it("answer clear errors", async () => {
    const diagnostic = t.pole.documents.diagnostic;
    await expectError(await exportOf(diagnostic, "pdf"), 400, "invalid_input");
    await expectError(await exportOf(diagnostic, "csv"), 400, "invalid_input");
    await expectError(await exportOf(diagnostic, "csv?registry=people"), 400, "invalid_input");
    await expectError(
      await exportOf(t.pole.documents.charter, "csv?registry=actors"),
      400,
      "invalid_input",
    );
    await expectError(await exportOf("no-such-document", "md"), 404, "not_found");
    await expectError(
      await client(t.server.url)(`/api/documents/${diagnostic}/export/md`),
      401,
      "unauthenticated",
    );
  });
});
