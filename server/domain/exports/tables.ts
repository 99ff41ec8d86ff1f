/**
 * The diagnostic's tables as rows of text, the way a reader wants them: choices in French,
 * references by name, votes tallied. Malformed rows stay, flagged with what was wrong.
 */
import { type FieldSpec, fieldsOf, titleField } from "../../../shared/diagnostic/fields";
import { choiceLabels } from "../../../shared/diagnostic/labels";
import type { DiagnosticContent } from "../../../shared/diagnostic/reading";
import type { DiagnosticTable } from "../../../shared/diagnostic/vocabularies";
import { type Finding, findingState, tally } from "../../../shared/diagnostic/votes";

export interface TextTable {
  table: DiagnosticTable;
  columns: string[];
  rows: Array<{ id: string | null; cells: string[]; issues: string[] | null }>;
}

/** Names the server knows and the Y.Doc does not: circles and member structures, by id. */
export interface Lookups {
  circles: ReadonlyMap<string, string>;
  structures: ReadonlyMap<string, string>;
}

const numberFormat = new Intl.NumberFormat("fr-FR", {
  maximumFractionDigits: 6,
  useGrouping: false,
});

const VOTE_COLUMNS = ["D'accord", "Réservé", "Pas d'accord", "État", "Avis"];

function titlesById(content: DiagnosticContent): Map<DiagnosticTable, Map<string, string>> {
  const titles = new Map<DiagnosticTable, Map<string, string>>();
  for (const table of Object.keys(content) as DiagnosticTable[]) {
    const key = titleField(table);
    const byId = new Map<string, string>();
    for (const row of content[table].rows as Array<Record<string, unknown>>) {
      const title = row[key];
      byId.set(String(row.id), typeof title === "string" && title !== "" ? title : "(sans titre)");
    }
    titles.set(table, byId);
  }
  return titles;
}

function cellText(
  spec: FieldSpec & { key: string },
  value: unknown,
  titles: Map<DiagnosticTable, Map<string, string>>,
  lookups: Lookups,
): string {
  if (value === null || value === undefined) return "";
  const name = (id: string) => {
    if (spec.key === "circleId") return lookups.circles.get(id) ?? id;
    if (spec.key === "structureId") return lookups.structures.get(id) ?? id;
    return (spec.ref && titles.get(spec.ref)?.get(id)) ?? id;
  };
  switch (spec.kind) {
    case "choice":
      return typeof value === "string" ? (choiceLabels[value] ?? value) : String(value);
    case "refs":
      return Array.isArray(value) ? value.map((id) => name(String(id))).join(" ; ") : "";
    case "ref":
      return typeof value === "string" ? name(value) : "";
    case "number":
      return typeof value === "number" ? numberFormat.format(value) : String(value);
    case "text":
      return typeof value === "string" && value !== "" ? name(value) : "";
    default:
      return typeof value === "object" ? JSON.stringify(value) : String(value);
  }
}

function voteCells(finding: Finding): string[] {
  const counts = tally(finding.votes);
  return [
    String(counts.agree),
    String(counts.reserved),
    String(counts.disagree),
    choiceLabels[findingState(counts)],
    finding.votes
      .map(
        (vote) =>
          `${vote.name || "?"} : ${choiceLabels[vote.vote]}${vote.comment ? ` (${vote.comment})` : ""}`,
      )
      .join(" ; "),
  ];
}

/**
 * A row nobody filled in (every field at its default, no vote): someone clicked "add" and
 * stopped there. Exports leave it out rather than print an empty line.
 */
function isBlankRow(table: DiagnosticTable, record: Record<string, unknown>): boolean {
  const votes = record.votes;
  if (votes && typeof votes === "object" && Object.keys(votes).length > 0) return false;
  return fieldsOf(table).every(
    (field) =>
      JSON.stringify(record[field.key] ?? null) === JSON.stringify(field.schema.parse(undefined)),
  );
}

export function textTable(
  content: DiagnosticContent,
  table: DiagnosticTable,
  lookups: Lookups,
  options: { withId: boolean },
): TextTable {
  const fields = fieldsOf(table);
  const titles = titlesById(content);
  const findings = table === "findings";
  const columns = [
    ...(options.withId ? ["Identifiant"] : []),
    ...fields.map((field) => field.label),
    ...(findings ? VOTE_COLUMNS : []),
  ];
  const filled = content[table].rows.filter(
    (row) => !isBlankRow(table, row as Record<string, unknown>),
  );
  const rows: TextTable["rows"] = filled.map((row) => {
    const record = row as Record<string, unknown>;
    return {
      id: row.id,
      cells: [
        ...(options.withId ? [row.id] : []),
        ...fields.map((field) => cellText(field, record[field.key], titles, lookups)),
        ...(findings ? voteCells(row as Finding) : []),
      ],
      issues: null,
    };
  });
  for (const row of content[table].malformed) {
    rows.push({
      id: row.id,
      cells: [
        ...(options.withId ? [row.id ?? ""] : []),
        ...fields.map((field) => {
          try {
            return cellText({ ...field, kind: "longtext" }, row.raw[field.key], titles, lookups);
          } catch {
            return "";
          }
        }),
        ...(findings ? VOTE_COLUMNS.map(() => "") : []),
      ],
      issues: row.issues,
    });
  }
  return { table, columns, rows };
}
