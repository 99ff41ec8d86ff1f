/**
 * The diagnostic's tables against a real server and real Yjs clients: field-by-field
 * concurrent edits, read-only viewers, the SQL projection, malformed rows, and the link
 * between a theme and its thematic group.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Completeness } from "../../shared/diagnostic/completeness";
import { readDiagnostic } from "../../shared/diagnostic/reading";
import { findRowMap, newRow } from "../../shared/diagnostic/writing";
import { expectError } from "../helpers/contract";
import { withPole } from "../helpers/fixture";
import { client, joinPole, type Person } from "../helpers/server";
import { closeDocuments, connect, eventually } from "../helpers/sync-client";

const t = withPole();

let steering: Person;
let observer: Person;
let plainMember: Person;

beforeAll(async () => {
  steering = await joinPole(t.server, t.pole, [
    { circleId: t.pole.circles.steering, role: "member" },
  ]);
  observer = await joinPole(t.server, t.pole, [
    { circleId: t.pole.circles.steering, role: "observer" },
  ]);
  // A member of the pôle outside the governing circles: reads the diagnostic, no more.
  plainMember = await joinPole(t.server, t.pole, []);
}, 60_000);

afterEach(() => closeDocuments());

const actors = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>("actors");

interface Summary {
  completeness: Completeness;
  counts: Record<string, { rows: number; malformed: number }>;
  projectedAt: number | null;
}

async function summary(person: Person): Promise<Summary> {
  const res = await client(
    t.server.url,
    person.cookie,
  )(`/api/documents/${t.pole.documents.diagnostic}/diagnostic`);
  expect(res.status).toBe(200);
  return res.json();
}

/** Adds a row from `doc` and waits until `other` has it. */
async function addRow(
  doc: Y.Doc,
  others: Y.Doc[],
  table: "actors" | "trends" | "needs" | "findings" | "themes",
  values: Record<string, unknown>,
) {
  const { id, map } = newRow(table, values);
  doc.getArray(table).push([map]);
  for (const other of others)
    await eventually(() => expect(findRowMap(other, table, id)).toBeDefined());
  return id;
}

describe("concurrent field edits", () => {
  it("keeps both edits when two people edit two fields of the same row", async () => {
    const a = await connect(t.server, t.pole.coordinator, t.pole.documents.diagnostic);
    const b = await connect(t.server, steering, t.pole.documents.diagnostic);
    const id = await addRow(a.doc, [b.doc], "actors", { name: "Recyclerie du Diois" });

    // Both write before either has seen the other's change.
    findRowMap(a.doc, "actors", id)?.set("competencies", "Réparation, tri");
    findRowMap(b.doc, "actors", id)?.set("vision", "Un territoire zéro déchet");

    for (const doc of [a.doc, b.doc]) {
      await eventually(() => {
        const row = readDiagnostic(doc).actors.rows.find((r) => r.id === id);
        expect(row).toMatchObject({
          name: "Recyclerie du Diois",
          competencies: "Réparation, tri",
          vision: "Un territoire zéro déchet",
        });
      });
    }
  });

  it("handles a row deleted while another person edits it, without error", async () => {
    const a = await connect(t.server, t.pole.coordinator, t.pole.documents.diagnostic);
    const b = await connect(t.server, steering, t.pole.documents.diagnostic);
    const id = await addRow(a.doc, [b.doc], "actors", { name: "À supprimer" });
    const stale = findRowMap(b.doc, "actors", id);
    expect(stale).toBeDefined();

    const index = actors(a.doc)
      .toArray()
      .findIndex((row) => row.get("id") === id);
    actors(a.doc).delete(index, 1);
    // B still holds the row and writes into it: Yjs drops the write, nothing throws.
    expect(() => stale?.set("sector", "Économie circulaire")).not.toThrow();

    for (const doc of [a.doc, b.doc]) {
      await eventually(() => expect(findRowMap(doc, "actors", id)).toBeUndefined());
    }
    // After the deletion is known, the lookup the page uses finds nothing to write into.
    expect(findRowMap(b.doc, "actors", id)).toBeUndefined();
  });
});

describe("read-only viewers", () => {
  it("refuses a viewer's registry edit: not stored, not relayed", async () => {
    const editor = await connect(t.server, t.pole.coordinator, t.pole.documents.diagnostic);
    const viewer = await connect(t.server, observer, t.pole.documents.diagnostic);
    const before = actors(editor.doc).length;

    actors(viewer.doc).push([newRow("actors", { name: "Écrit par un observateur" }).map]);
    // Awareness is relayed for viewers; it travels on the same socket, after the edit.
    viewer.provider.awareness.setLocalStateField("user", { name: "Obs", color: "#123456" });
    await eventually(() => {
      const states = [...editor.provider.awareness.getStates().values()];
      // The name shown is the viewer's own (the session's person), the colour its choice.
      expect(states.some((state) => state.user?.color === "#123456")).toBe(true);
    });
    expect(actors(editor.doc).length).toBe(before);

    // Not stored either: a fresh client and the CSV export do not have it.
    const fresh = await connect(t.server, steering, t.pole.documents.diagnostic);
    expect(readDiagnostic(fresh.doc).actors.rows.some((r) => r.name.includes("observateur"))).toBe(
      false,
    );
    const csv = await (
      await client(
        t.server.url,
        t.pole.coordinator.cookie,
      )(`/api/documents/${t.pole.documents.diagnostic}/export/csv?registry=actors`)
    ).text();
    expect(csv).not.toContain("observateur");
  });
});

describe("the SQL projection", () => {
  it("follows edits once they are stored, and counts completeness", async () => {
    const a = await connect(t.server, t.pole.coordinator, t.pole.documents.diagnostic);
    const b = await connect(t.server, steering, t.pole.documents.diagnostic);
    const start = await summary(t.pole.coordinator);
    const trendsBefore = start.counts.trends?.rows ?? 0;

    const ids: string[] = [];
    for (const [title, year] of [
      ["Taux de chômage", 2020],
      ["Taux de chômage", 2023],
      ["Population", 2023],
    ] as const) {
      ids.push(await addRow(a.doc, [], "trends", { title, value: 9.5, unit: "%", year }));
    }
    const projected = await eventually(async () => {
      const now = await summary(steering);
      expect(now.counts.trends.rows).toBe(trendsBefore + 3);
      return now;
    }, 5_000);
    const trends = projected.completeness.criteria.find((c) => c.key === "trends");
    expect(trends?.met).toBe(true);

    const rows = await t.server.maillage.db
      .selectFrom("diagnostic_rows")
      .select(["row_id", "title", "malformed", "pole_id"])
      .where("document_id", "=", t.pole.documents.diagnostic)
      .where("registry", "=", "trends")
      .execute();
    expect(rows.filter((row) => ids.includes(row.row_id ?? ""))).toHaveLength(3);
    expect(rows.every((row) => row.pole_id === t.pole.poleId && row.malformed === 0)).toBe(true);

    // An edit by someone else, and a deletion, follow too.
    findRowMap(b.doc, "trends", ids[2])?.set("title", "Population municipale");
    await eventually(async () => {
      const row = await t.server.maillage.db
        .selectFrom("diagnostic_rows")
        .select("title")
        .where("row_id", "=", ids[2])
        .executeTakeFirst();
      expect(row?.title).toBe("Population municipale");
    }, 5_000);
    const trendsArray = a.doc.getArray<Y.Map<unknown>>("trends");
    a.doc.transact(() => {
      for (const id of ids) {
        const index = trendsArray.toArray().findIndex((row) => row.get("id") === id);
        trendsArray.delete(index, 1);
      }
    });
    await eventually(async () => {
      expect((await summary(t.pole.coordinator)).counts.trends.rows).toBe(trendsBefore);
    }, 5_000);
  });

  it("answers the summary to readers only", async () => {
    const diagnostic = `/api/documents/${t.pole.documents.diagnostic}/diagnostic`;
    expect((await client(t.server.url, observer.cookie)(diagnostic)).status).toBe(200);
    expect((await client(t.server.url, plainMember.cookie)(diagnostic)).status).toBe(200);
    expect((await client(t.server.url)(diagnostic)).status).toBe(401);
    const charter = await client(
      t.server.url,
      t.pole.coordinator.cookie,
    )(`/api/documents/${t.pole.documents.charter}/diagnostic`);
    expect(charter.status).toBe(404);
    expect((await charter.json()).error.code).toBe("not_found");
  });
});

describe("malformed rows", () => {
  it("are kept and flagged by the projection, never crash it", async () => {
    const a = await connect(t.server, t.pole.coordinator, t.pole.documents.diagnostic);
    // What an old or buggy client might write: a bare string, a wrong type, no id.
    const wrongYear = new Y.Map<unknown>();
    wrongYear.set("id", "malformed-trend");
    wrongYear.set("title", "Emplois ESS");
    wrongYear.set("year", "deux mille vingt");
    const noId = new Y.Map<unknown>();
    noId.set("title", "Besoin sans identifiant");
    a.doc.transact(() => {
      a.doc.getArray("actors").push(["juste une chaîne"]);
      a.doc.getArray("trends").push([wrongYear]);
      a.doc.getArray("needs").push([noId]);
    });
    const valid = await addRow(a.doc, [], "actors", { name: "Acteur valide après" });

    await eventually(async () => {
      const now = await summary(t.pole.coordinator);
      expect(now.counts.actors.malformed).toBeGreaterThanOrEqual(1);
      expect(now.counts.trends.malformed).toBeGreaterThanOrEqual(1);
      expect(now.counts.needs.malformed).toBeGreaterThanOrEqual(1);
    }, 5_000);
    const flagged = await t.server.maillage.db
      .selectFrom("diagnostic_rows")
      .select(["registry", "row_id", "title", "issues"])
      .where("document_id", "=", t.pole.documents.diagnostic)
      .where("malformed", "=", 1)
      .execute();
    const trend = flagged.find((row) => row.row_id === "malformed-trend");
    expect(trend?.title).toBe("Emplois ESS");
    expect(trend?.issues).toContain("year");
    expect(flagged.some((row) => row.registry === "needs" && row.row_id === null)).toBe(true);
    // The valid row written after the malformed ones is projected as usual.
    const ok = await t.server.maillage.db
      .selectFrom("diagnostic_rows")
      .select("malformed")
      .where("row_id", "=", valid)
      .executeTakeFirst();
    expect(ok?.malformed).toBe(0);

    // Exports carry them too, flagged.
    const api = client(t.server.url, t.pole.coordinator.cookie);
    const md = await api(`/api/documents/${t.pole.documents.diagnostic}/export/md`);
    expect(md.status).toBe(200);
    expect(await md.text()).toContain("⚠ ");
    const csv = await api(
      `/api/documents/${t.pole.documents.diagnostic}/export/csv?registry=trends`,
    );
    expect(csv.status).toBe(200);
    expect(await csv.text()).toMatch(/malformed-trend;Emplois ESS;.*year/);

    // Clean up for the other tests.
    a.doc.transact(() => {
      for (const table of ["actors", "trends", "needs"] as const) {
        const array = a.doc.getArray<unknown>(table);
        for (let i = array.length - 1; i >= 0; i--) {
          const item = array.get(i);
          if (!(item instanceof Y.Map) || item.get("id") === "malformed-trend" || !item.get("id"))
            array.delete(i, 1);
        }
      }
    });
  });
});

describe("themes and thematic groups", () => {
  it("links a theme and the thematic group created for it, both ways", async () => {
    const a = await connect(t.server, t.pole.coordinator, t.pole.documents.diagnostic);
    const themeId = await addRow(a.doc, [], "themes", { title: "Réemploi" });
    const api = client(t.server.url, t.pole.coordinator.cookie);
    const created = await api(`/api/poles/${t.pole.poleId}/circles`, {
      body: { kind: "thematic", name: "Réemploi" },
    });
    expect(created.status).toBe(201);
    const circle: { id: string } = await created.json();
    findRowMap(a.doc, "themes", themeId)?.set("circleId", circle.id);

    const path = `/api/documents/${t.pole.documents.diagnostic}/themes/${themeId}/circle`;
    const linked = await api(path, { method: "PUT", body: { circleId: circle.id } });
    expect(linked.status).toBe(200);
    expect(await linked.json()).toEqual({
      circleId: circle.id,
      circleName: "Réemploi",
      documentId: t.pole.documents.diagnostic,
      themeId,
    });
    // Linking the same pair again is harmless.
    expect((await api(path, { method: "PUT", body: { circleId: circle.id } })).status).toBe(200);

    const links = await (
      await client(t.server.url, observer.cookie)(`/api/poles/${t.pole.poleId}/theme-circles`)
    ).json();
    expect(links).toEqual([
      {
        circleId: circle.id,
        circleName: "Réemploi",
        documentId: t.pole.documents.diagnostic,
        themeId,
      },
    ]);

    // The theme's side is in the Y.Doc, seen by every reader.
    const viewer = await connect(t.server, observer, t.pole.documents.diagnostic);
    expect(readDiagnostic(viewer.doc).themes.rows.find((t) => t.id === themeId)?.circleId).toBe(
      circle.id,
    );
  });

  it("refuses bad links with clear errors", async () => {
    const a = await connect(t.server, t.pole.coordinator, t.pole.documents.diagnostic);
    const themeId = await addRow(a.doc, [], "themes", { title: "Mobilité" });
    const otherTheme = await addRow(a.doc, [], "themes", { title: "Alimentation" });
    const api = client(t.server.url, t.pole.coordinator.cookie);
    const circle: { id: string } = await (
      await api(`/api/poles/${t.pole.poleId}/circles`, {
        body: { kind: "thematic", name: "Mobilité" },
      })
    ).json();
    const path = (theme: string) =>
      `/api/documents/${t.pole.documents.diagnostic}/themes/${theme}/circle`;
    const put = (person: Person, theme: string, body: unknown) =>
      client(t.server.url, person.cookie)(path(theme), { method: "PUT", body });

    await expectError(await put(steering, themeId, { circleId: circle.id }), 403, "forbidden");
    await expectError(await put(t.pole.coordinator, themeId, {}), 400, "invalid_input");
    await expectError(
      await put(t.pole.coordinator, "no-such-theme", { circleId: circle.id }),
      404,
      "not_found",
    );
    await expectError(
      await put(t.pole.coordinator, themeId, { circleId: t.pole.circles.steering }),
      400,
      "invalid_input",
    );
    await expectError(await put(plainMember, themeId, { circleId: circle.id }), 403, "forbidden");
    expect((await put(t.pole.coordinator, themeId, { circleId: circle.id })).status).toBe(200);
    // One group per theme, one theme per group.
    await expectError(
      await put(t.pole.coordinator, otherTheme, { circleId: circle.id }),
      409,
      "conflict",
    );
    const links: Array<{ themeId: string }> = await (
      await api(`/api/poles/${t.pole.poleId}/theme-circles`)
    ).json();
    expect(links.filter((link) => link.themeId === themeId)).toHaveLength(1);
  });
});
