/**
 * The diagnostic's read projection: every row of its tables (malformed ones flagged, never
 * dropped) and its completeness, rewritten in one transaction each time it is stored.
 */
import type * as Y from "yjs";
import { type Completeness, completeness } from "../../shared/diagnostic/completeness";
import { titleField } from "../../shared/diagnostic/fields";
import { readDiagnostic } from "../../shared/diagnostic/reading";
import { type DiagnosticTable, diagnosticTables } from "../../shared/diagnostic/vocabularies";
import type { DB } from "../db/database";
import type { DocumentRow } from "../db/schema";
import { rowEntry } from "../search/entries";
import type { Projector } from "./index";

interface ProjectedRow {
  registry: DiagnosticTable;
  position: number;
  rowId: string | null;
  title: string;
  data: string;
  issues: string[] | null;
  /** The row as read, for search's text (never stored as is). */
  fields: Record<string, unknown>;
}

export interface DiagnosticProjection {
  rows: ProjectedRow[];
  completeness: Completeness;
  counts: Record<DiagnosticTable, { rows: number; malformed: number }>;
}

/** 10 bound values per row: well under SQLite's 32766 per statement. */
const ROWS_PER_INSERT = 500;

const asText = (value: unknown) => (typeof value === "string" ? value : "");

export const diagnosticProjector: Projector<DiagnosticProjection> = {
  extract(doc: Y.Doc) {
    const content = readDiagnostic(doc);
    const rows: ProjectedRow[] = [];
    const counts = {} as DiagnosticProjection["counts"];
    for (const table of diagnosticTables) {
      const { rows: valid, malformed } = content[table];
      const title = titleField(table);
      for (const row of valid) {
        rows.push({
          registry: table,
          position: 0,
          rowId: row.id,
          title: asText((row as Record<string, unknown>)[title]),
          data: JSON.stringify(row),
          issues: null,
          fields: row,
        });
      }
      for (const row of malformed) {
        rows.push({
          registry: table,
          position: 0,
          rowId: row.id,
          title: asText(row.raw[title]),
          data: JSON.stringify(row.raw),
          issues: row.issues,
          fields: row.raw,
        });
      }
      counts[table] = { rows: valid.length, malformed: malformed.length };
    }
    let position = 0;
    let previous: DiagnosticTable | null = null;
    for (const row of rows) {
      if (row.registry !== previous) position = 0;
      previous = row.registry;
      row.position = position++;
    }
    return { rows, completeness: completeness(content), counts };
  },

  /** Every row with an id, valid or malformed: a malformed row is still someone's words. */
  entries(document, projection) {
    return projection.rows.flatMap((row) =>
      row.rowId
        ? [
            rowEntry(document, {
              table: row.registry,
              id: row.rowId,
              title: row.title,
              data: row.data,
              fields: row.fields,
            }),
          ]
        : [],
    );
  },

  /**
   * Writes only what changed since the last projection (a field edit rewrites one row, not
   * the 850 of a large diagnostic), in one transaction.
   */
  async store(db: DB, document: DocumentRow, projection: DiagnosticProjection) {
    await db.transaction().execute(async (trx) => {
      const stored = await trx
        .selectFrom("diagnostic_rows")
        .select(["registry", "position", "row_id", "title", "data", "issues"])
        .where("document_id", "=", document.id)
        .execute();
      const previous = new Map(
        stored.map((row) => [`${row.registry}:${row.position}`, row] as const),
      );
      const changed = projection.rows.filter((row) => {
        const before = previous.get(`${row.registry}:${row.position}`);
        return (
          !before ||
          before.row_id !== row.rowId ||
          before.title !== row.title ||
          before.data !== row.data ||
          before.issues !== (row.issues ? JSON.stringify(row.issues) : null)
        );
      });
      for (let start = 0; start < changed.length; start += ROWS_PER_INSERT) {
        await trx
          .insertInto("diagnostic_rows")
          .values(
            changed.slice(start, start + ROWS_PER_INSERT).map((row) => ({
              document_id: document.id,
              pole_id: document.pole_id,
              registry: row.registry,
              position: row.position,
              row_id: row.rowId,
              title: row.title,
              data: row.data,
              malformed: row.issues ? 1 : 0,
              issues: row.issues ? JSON.stringify(row.issues) : null,
            })),
          )
          .onConflict((conflict) =>
            conflict.columns(["document_id", "registry", "position"]).doUpdateSet((eb) => ({
              row_id: eb.ref("excluded.row_id"),
              title: eb.ref("excluded.title"),
              data: eb.ref("excluded.data"),
              malformed: eb.ref("excluded.malformed"),
              issues: eb.ref("excluded.issues"),
            })),
          )
          .execute();
      }
      // Positions are contiguous per table: what lies beyond the new count is gone.
      for (const table of diagnosticTables) {
        const { rows, malformed } = projection.counts[table];
        await trx
          .deleteFrom("diagnostic_rows")
          .where("document_id", "=", document.id)
          .where("registry", "=", table)
          .where("position", ">=", rows + malformed)
          .execute();
      }
      const summary = {
        pole_id: document.pole_id,
        completeness: JSON.stringify(projection.completeness),
        counts: JSON.stringify(projection.counts),
        projected_at: Date.now(),
      };
      await trx
        .insertInto("diagnostic_summaries")
        .values({ document_id: document.id, ...summary })
        .onConflict((conflict) => conflict.column("document_id").doUpdateSet(summary))
        .execute();
    });
  },
};
