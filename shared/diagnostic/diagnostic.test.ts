/** The diagnostic's pure rules: tolerant parsing, validation before writing, tallies. */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { completeness } from "./completeness";
import { validateField } from "./fields";
import { parseTable, readDiagnostic } from "./reading";
import { findingState, tally } from "./votes";
import { addRow, deleteMalformed, setVote, writeField } from "./writing";

describe("tolerant reading", () => {
  it("keeps valid rows, flags malformed ones with what is wrong, never throws", () => {
    const content = parseTable("actors", [
      { id: "a", name: "Recyclerie", contact: "met" },
      "une chaîne",
      { id: "b", name: 42 },
      { name: "sans identifiant" },
      null,
      { id: "c", type: "pas une forme", name: "Régie" },
    ]);
    expect(content.rows.map((row) => row.id)).toEqual(["a"]);
    expect(content.rows[0]).toMatchObject({ sector: "", contact: "met", type: null });
    expect(content.malformed.map((row) => [row.index, row.id])).toEqual([
      [1, null],
      [2, "b"],
      [3, null],
      [4, null],
      [5, "c"],
    ]);
    expect(content.malformed[1].issues.join()).toContain("name");
    expect(content.malformed[4].issues.join()).toContain("type");
  });

  it("leaves unreadable votes out of the tally", () => {
    const [finding] = parseTable("findings", [
      {
        id: "f",
        title: "Constat",
        votes: { u1: { vote: "agree" }, u2: { vote: "peut-être" }, u3: "oui" },
      },
    ]).rows;
    expect(finding.votes.map((vote) => vote.userId)).toEqual(["u1"]);
  });
});

describe("validation before writing", () => {
  it.each([
    ["trends", "year", 2023, true],
    ["trends", "year", 20.5, false],
    ["trends", "year", "2023", false],
    ["trends", "value", Number.NaN, false],
    ["trends", "value", null, true],
    ["sources", "link", "https://example.org", true],
    ["sources", "link", "javascript:alert(1)", false],
    ["needs", "status", "retained", true],
    ["needs", "status", "urgent", false],
    ["meetings", "date", "2026-11-22", true],
    ["meetings", "date", "22/11/2026", false],
    ["actors", "unknown", "x", false],
  ] as const)("%s.%s = %j → %s", (table, key, value, ok) => {
    expect(validateField(table, key, value).ok).toBe(ok);
  });

  it("trims text, refuses what does not fit, and says when the row is gone", () => {
    const doc = new Y.Doc();
    const id = addRow(doc, "actors", { name: "  Régie  ", contact: "n'importe quoi" });
    const [actor] = readDiagnostic(doc).actors.rows;
    expect(actor).toMatchObject({ id, name: "Régie", contact: "spotted" });
    expect(writeField(doc, "actors", id, "contact", "bof")).toMatchObject({ reason: "invalid" });
    expect(writeField(doc, "actors", "gone", "name", "x")).toMatchObject({ reason: "gone" });
    expect(writeField(doc, "actors", id, "vision", "Coopérer")).toEqual({ ok: true });
    expect(readDiagnostic(doc).actors.rows[0].vision).toBe("Coopérer");
  });

  it("deletes a malformed entry only if it is still the one shown", () => {
    const doc = new Y.Doc();
    const broken = (id: string) => {
      const map = new Y.Map<unknown>();
      map.set("id", id);
      map.set("priority", "urgentissime");
      return map;
    };
    doc.getArray("needs").push([broken("x"), broken("y")]);
    const [shown] = readDiagnostic(doc).needs.malformed;
    // Someone else removed it meanwhile: another entry now sits at its index.
    doc.getArray("needs").delete(0, 1);
    expect(deleteMalformed(doc, "needs", shown)).toBe(false);
    expect(doc.getArray("needs").length).toBe(1);
    const [current] = readDiagnostic(doc).needs.malformed;
    expect(deleteMalformed(doc, "needs", current)).toBe(true);
    expect(doc.getArray("needs").length).toBe(0);
  });
});

describe("findings and completeness", () => {
  it.each([
    [0, 0, 0, "proposed"],
    [1, 0, 0, "debated"],
    [2, 0, 0, "shared"],
    [2, 2, 0, "debated"],
    [3, 1, 0, "shared"],
    [3, 0, 1, "debated"],
    [1, 0, 1, "contested"],
    [0, 2, 1, "contested"],
  ] as const)("%i agree, %i reserved, %i disagree → %s", (agree, reserved, disagree, state) => {
    expect(findingState({ agree, reserved, disagree })).toBe(state);
  });

  it("measures the minimum of an emerging pôle", () => {
    const doc = new Y.Doc();
    expect(completeness(readDiagnostic(doc)).met).toBe(0);
    for (const year of [2020, 2021, 2022])
      addRow(doc, "trends", { title: "Chômage", value: 9, year });
    for (let i = 0; i < 5; i++) {
      addRow(doc, "actors", { name: `A${i}`, competencies: "c", problems: "p", vision: "v" });
    }
    const finding = addRow(doc, "findings", { title: "Constat" });
    setVote(doc, finding, "u1", { vote: "agree", comment: "", name: "Un" });
    expect(completeness(readDiagnostic(doc))).toMatchObject({ met: 3, complete: false });
    setVote(doc, finding, "u2", { vote: "agree", comment: "ok", name: "Deux" });
    const measure = completeness(readDiagnostic(doc));
    expect(measure.complete).toBe(true);
    expect(tally(readDiagnostic(doc).findings.rows[0].votes)).toEqual({
      agree: 2,
      reserved: 0,
      disagree: 0,
    });
  });
});
