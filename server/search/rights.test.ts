/**
 * The SQL condition on search entries against the pure rules of shared/permissions.ts, on a
 * table: every kind of person × every kind of document in every circle. An entry comes back
 * from the database exactly when `canRead` says its document may be read.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canReadDecisions } from "../../shared/decision-permissions";
import { type DocumentKind, documentKinds } from "../../shared/documents";
import { canRead, type Member } from "../../shared/permissions";
import { openMigratedDatabase, type TemporaryDatabase } from "../../tests/helpers/document-db";
import { type Readable, readableBy, readableSql } from "./rights";

const governing = { coreId: "core", steeringId: "steering" };
const circleIds = ["core", "steering", "thematic", "project"];

const members: Record<string, Member> = {
  coordinator: { poleRole: "coordinator", circles: [] },
  "steering member": { poleRole: "member", circles: [{ circleId: "steering", role: "member" }] },
  "thematic facilitator": {
    poleRole: "member",
    circles: [{ circleId: "thematic", role: "facilitator" }],
  },
  "member of no circle": { poleRole: "member", circles: [] },
  observer: { poleRole: "observer", circles: [{ circleId: "core", role: "observer" }] },
};

const documents = documentKinds.flatMap((kind) =>
  [null, ...circleIds].map((circleId) => ({ id: `${kind}-${circleId ?? "none"}`, kind, circleId })),
);

let opened: TemporaryDatabase;

beforeAll(async () => {
  opened = await openMigratedDatabase("rights");
  const { db } = opened;
  await db
    .insertInto("poles")
    .values({ id: "pole", slug: "p", name: "P", created_at: 0 })
    .execute();
  await db
    .insertInto("documents")
    .values(
      documents.map((doc) => ({
        id: doc.id,
        pole_id: "pole",
        kind: doc.kind,
        title: doc.id,
        circle_id: null,
        created_by: null,
        created_at: 0,
        updated_at: 0,
      })),
    )
    .execute();
  const entry = (source: string, kind: DocumentKind | null, circleId: string | null) => ({
    source,
    key: "title",
    pole_id: "pole",
    kind: kind ? "document" : "person",
    entry_id: source,
    document_id: kind ? source : null,
    document_kind: kind,
    circle_id: circleId,
    label: source,
    context: "",
    anchor: "",
    heading: "quelque chose",
    body: "",
    digest: "",
    updated_at: 0,
  });
  await db
    .insertInto("search_entries")
    .values([
      ...documents.map((doc) => entry(doc.id, doc.kind, doc.circleId)),
      entry("collective", null, null),
    ])
    .execute();
});

afterAll(() => opened.remove());

async function readableSources(readable: Readable): Promise<string[]> {
  const { rows } = await sql<{ source: string }>`
    SELECT e.source FROM search_entries e WHERE ${readableSql(readable)} ORDER BY e.source`.execute(
    opened.db,
  );
  return rows.map((row) => row.source);
}

describe("the SQL condition agrees with canRead", () => {
  it.each(Object.entries(members))("for a %s", async (_, member) => {
    // Entries outside documents (the collective, decisions) are every member's to read.
    expect(canReadDecisions(member)).toBe(true);
    const expected = documents
      .filter((doc) => canRead(member, doc, governing))
      .map((doc) => doc.id);
    expect(await readableSources(readableBy(member, governing, circleIds))).toEqual(
      [...expected, "collective"].sort(),
    );
  });

  it.each([
    ["nothing of any document", []],
    ["the board of one circle", [{ kind: "board" as const, circleId: "thematic" }]],
    ["the pages outside any circle", [{ kind: "page" as const, circleId: null }]],
  ])("and keeps only what a narrower right names: %s", async (_, allowed) => {
    const sources = await readableSources({ everything: false, documents: allowed });
    expect(sources).toEqual(
      [...allowed.map((doc) => `${doc.kind}-${doc.circleId ?? "none"}`), "collective"].sort(),
    );
  });
});
