/**
 * Search on PostgreSQL below the HTTP layer: the `tsvector` over `unaccent`ed text that
 * stands in for SQLite's FTS5, on a fresh database of the test server. The HTTP behaviour
 * is tests/integration/search.test.ts's, run on PostgreSQL with MAILLAGE_TEST_ON_POSTGRES=1.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../../server/db/migrate";
import { openPostgres, type PostgresDatabase } from "../../server/db/postgres";
import { built, type SearchEntry } from "../../server/search/entries";
import { searchIndex } from "../../server/search/index";
import { postgresSearch } from "../../server/search/postgres-query";
import type { SearchRequest } from "../../server/search/query";
import { insertPoleWithPage } from "../helpers/document-db";
import { createTestDatabase, type TestDatabase } from "../helpers/scale";

let database: TestDatabase;
let opened: PostgresDatabase;

const entry = (entryId: string, heading: string, body: string): SearchEntry => ({
  kind: "paragraph",
  entryId,
  label: heading || entryId,
  context: "Notes",
  anchor: "",
  heading,
  body,
});

const request = (text: string): SearchRequest => ({
  poleId: "pole-1",
  text,
  readable: { everything: true },
  limit: 10,
});

const find = async (text: string) => searchIndex.query(opened.db, request(text));

beforeAll(async () => {
  database = await createTestDatabase();
  opened = openPostgres(database.url);
  await migrateToLatest(opened.db);
  await insertPoleWithPage(opened.db, "doc-1");
  const entries = [
    entry("in-text", "", "Le forum de l'ÉCONOMIE sociale et solidaire se tient à Die."),
    entry("in-heading", "Économie circulaire", "Une ressourcerie pour la vallée."),
    entry("elsewhere", "", "Développement des mobilités douces en zone rurale."),
  ];
  await searchIndex.replace(
    opened.db,
    {
      source: "doc-1",
      poleId: "pole-1",
      documentId: "doc-1",
      documentKind: "page",
      circleId: null,
    },
    entries.map((e) => built(e.entryId, e)),
  );
});

afterAll(async () => {
  await opened?.db.destroy();
  await database?.drop();
});

describe("search on PostgreSQL", () => {
  it("folds accents and case, ranks a heading above a text, and marks the words as typed", async () => {
    const hits = await find("economie");
    expect(hits.map((hit) => hit.id)).toEqual(["in-heading", "in-text"]);
    expect(hits[0]?.rank).toBeLessThan(hits[1]?.rank ?? 0);
    const inText = hits[1];
    const [start, end] = inText?.highlights[0] ?? [0, 0];
    expect(inText?.snippet.slice(start, end)).toBe("ÉCONOMIE");
    expect((await find("ÉCONOMIE")).map((hit) => hit.id)).toEqual(["in-heading", "in-text"]);
  });

  it("matches prefixes while typing, stop words of French included", async () => {
    // `de` is a stop word of French: a French configuration would drop it, and the results.
    expect((await find("de")).map((hit) => hit.id).sort()).toEqual(["elsewhere", "in-text"]);
    expect((await find("dév")).map((hit) => hit.id)).toEqual(["elsewhere"]);
    expect((await find("ressour vall")).map((hit) => hit.id)).toEqual(["in-heading"]);
    expect(await find("ressourceries")).toEqual([]);
  });

  it("matches a quoted phrase only in its order", async () => {
    expect((await find('"sociale et solidaire"')).map((hit) => hit.id)).toEqual(["in-text"]);
    expect(await find('"solidaire et sociale"')).toEqual([]);
  });

  it("reads query syntax as plain words", async () => {
    for (const text of ["economie & !sociale", "'economie':*", "economie | zone", "<->"]) {
      expect(Array.isArray(await find(text))).toBe(true);
    }
    expect((await find("economie & !sociale")).map((hit) => hit.id)).toEqual(["in-text"]);
  });

  it("answers through the GIN index over the very expression the migration indexed", async () => {
    const statement = postgresSearch(request("economie"));
    if (!statement) throw new Error("no statement for a word");
    // A pôle's worth of entries that do not match: reading them all would cost more.
    await sql`INSERT INTO search_entries (source, key, pole_id, kind, entry_id, label, context,
        anchor, heading, body, digest, updated_at)
      SELECT 'filler', 'f' || n, 'pole-1', 'paragraph', 'f' || n, 'Remplissage', '', '',
        'Remplissage ' || n, 'Texte sans rapport numéro ' || n, '', 0
      FROM generate_series(1, 5000) AS n`.execute(opened.db);
    await sql`ANALYZE search_entries`.execute(opened.db);
    const plan = await opened.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ "QUERY PLAN": string }>`EXPLAIN ${statement}`.execute(trx);
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain("search_entries_text");
    expect((await find("economie")).map((hit) => hit.id)).toEqual(["in-heading", "in-text"]);
  });
});
