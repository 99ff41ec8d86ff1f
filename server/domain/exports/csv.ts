/**
 * CSV as French spreadsheets expect it: UTF-8 with a BOM so that they read accents,
 * semicolons between columns (decimal commas), Windows line ends.
 */
import { stringify } from "csv-stringify/sync";
import type { DiagnosticContent } from "../../../shared/diagnostic/reading";
import type { DiagnosticTable } from "../../../shared/diagnostic/vocabularies";
import { type Lookups, textTable } from "./tables";

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first)
 * gets a leading apostrophe, so that it shows as the text it is (OWASP's advice).
 */
const asText = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

/** Rows of text cells, the first one being the header. */
export function frenchCsv(rows: readonly (readonly string[])[]): string {
  return stringify(
    rows.map((row) => row.map(asText)),
    { bom: true, delimiter: ";", record_delimiter: "windows" },
  );
}

/**
 * One table of the diagnostic: one line per row, a last column "Anomalie" saying what is
 * wrong with a malformed row.
 */
export function toCsv(
  content: DiagnosticContent,
  table: DiagnosticTable,
  lookups: Lookups,
): string {
  const text = textTable(content, table, lookups, { withId: true });
  return frenchCsv([
    [...text.columns, "Anomalie"],
    ...text.rows.map((row) => [...row.cells, row.issues ? row.issues.join(" ; ") : ""]),
  ]);
}
