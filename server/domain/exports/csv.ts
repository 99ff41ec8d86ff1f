/**
 * One table of the diagnostic as CSV: UTF-8 with a BOM so that spreadsheets read accents,
 * semicolons between columns as French spreadsheets expect (decimal commas), one line per
 * row, a last column "Anomalie" saying what is wrong with a malformed row.
 */
import { stringify } from "csv-stringify/sync";
import type { DiagnosticContent } from "../../../shared/diagnostic/reading";
import type { DiagnosticTable } from "../../../shared/diagnostic/vocabularies";
import { type Lookups, textTable } from "./tables";

export function toCsv(
  content: DiagnosticContent,
  table: DiagnosticTable,
  lookups: Lookups,
): string {
  const text = textTable(content, table, lookups, { withId: true });
  return stringify(
    [
      [...text.columns, "Anomalie"],
      ...text.rows.map((row) => [...row.cells, row.issues ? row.issues.join(" ; ") : ""]),
    ],
    { bom: true, delimiter: ";", record_delimiter: "windows" },
  );
}
