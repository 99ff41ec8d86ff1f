/**
 * Every CSV the server writes (diagnostic registries, portfolio…) goes through frenchCsv:
 * UTF-8 with a BOM so that spreadsheets read accents, semicolons between columns as French
 * spreadsheets expect (decimal commas), Windows line ends.
 */
import { stringify } from "csv-stringify/sync";
import type { DiagnosticContent } from "../../../shared/diagnostic/reading";
import type { DiagnosticTable } from "../../../shared/diagnostic/vocabularies";
import { type Lookups, textTable } from "./tables";

/** A plain number with a decimal comma: a spreadsheet reads it as a number, never a formula. */
const PLAIN_NUMBER = /^-?\d+(,\d+)?$/;

/**
 * A text cell a spreadsheet would run as a formula (=, +, -, @, tab or carriage return
 * first) gets a leading apostrophe, so that it shows as the text it is (OWASP's advice).
 * A plain number (-12,50) is left alone: it cannot be a formula, and an apostrophe would
 * turn a negative amount into text that no sum counts.
 */
const asText = (cell: string): string =>
  /^[=+\-@\t\r]/.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;

/** A number as the CSV writes it: fixed decimals, a decimal comma, no grouping. */
export const frenchDecimal = (value: number, decimals: number): string =>
  value.toFixed(decimals).replace(".", ",");

/** Rows of cells, the first one being the header. */
export function frenchCsv(rows: readonly (readonly string[])[]): string {
  return stringify(
    rows.map((row) => row.map(asText)),
    {
      bom: true,
      delimiter: ";",
      record_delimiter: "windows",
      // A lone carriage return ends a line in some readers: such a cell is always quoted.
      quoted_match: /[\r\n]/,
    },
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
