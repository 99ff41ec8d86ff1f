/**
 * Tolerant reading of the diagnostic's Y.Doc: each table is a `Y.Array` of `Y.Map`; a row an
 * old or buggy client wrote comes back as `malformed` with what was wrong, and never throws.
 */
import * as Y from "yjs";
import type { z } from "zod";
import {
  type Actor,
  ID_MAX,
  type Meeting,
  type Need,
  type RowOf,
  rowSchemas,
  type Source,
  type Theme,
  type Trend,
} from "./fields";
import type { DiagnosticTable } from "./vocabularies";
import { type Finding, parseVotes } from "./votes";

export interface MalformedRow {
  /** The row's id when it has a usable one. */
  id: string | null;
  index: number;
  /** What could be read of it, for display and export as is. */
  raw: Record<string, unknown>;
  issues: string[];
}

export interface TableContent<T> {
  rows: T[];
  malformed: MalformedRow[];
}

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : { valeur: value };

const expectedTypes: Record<string, string> = {
  string: "texte",
  number: "nombre",
  array: "liste",
  object: "fiche",
};

/** What is wrong with a value, in French (zod's own words are English). */
function issueText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return `manquant ou d'un autre type (${expectedTypes[issue.expected] ?? issue.expected} attendu)`;
    case "invalid_value":
      return "valeur hors de la liste prévue";
    case "too_big":
      return "valeur trop longue ou trop grande";
    case "too_small":
      return "valeur trop courte ou trop petite";
    case "invalid_format":
      return "format invalide";
    case "custom":
      return issue.message;
    default:
      return "valeur invalide";
  }
}

/** Parses one row's plain JSON (a `Y.Map`'s `toJSON()`); never throws. */
export function parseRow<T extends DiagnosticTable>(
  table: T,
  json: unknown,
  index: number,
): { ok: true; row: T extends "findings" ? Finding : RowOf<T> } | { ok: false; row: MalformedRow } {
  const result = rowSchemas[table].safeParse(json);
  if (result.success) {
    const row =
      table === "findings"
        ? { ...result.data, votes: parseVotes(asRecord(json).votes) }
        : result.data;
    return { ok: true, row: row as T extends "findings" ? Finding : RowOf<T> };
  }
  const raw = asRecord(json);
  const id = typeof raw.id === "string" && raw.id.length > 0 ? raw.id.slice(0, ID_MAX) : null;
  return {
    ok: false,
    row: {
      id,
      index,
      raw,
      issues: result.error.issues.map(
        (issue) => `${issue.path.join(".") || "ligne"} : ${issueText(issue)}`,
      ),
    },
  };
}

/** A table's entries as plain JSON, whatever they are (a Y.Map, or anything an old client put). */
export function tableJson(doc: Y.Doc, table: DiagnosticTable): unknown[] {
  return doc
    .getArray<unknown>(table)
    .toArray()
    .map((item) => (item instanceof Y.AbstractType ? item.toJSON() : item));
}

export function parseTable<T extends DiagnosticTable>(
  table: T,
  entries: readonly unknown[],
): TableContent<T extends "findings" ? Finding : RowOf<T>> {
  const content: TableContent<T extends "findings" ? Finding : RowOf<T>> = {
    rows: [],
    malformed: [],
  };
  entries.forEach((json, index) => {
    const parsed = parseRow(table, json, index);
    if (parsed.ok) content.rows.push(parsed.row);
    else content.malformed.push(parsed.row);
  });
  return content;
}

export interface DiagnosticContent {
  trends: TableContent<Trend>;
  actors: TableContent<Actor>;
  needs: TableContent<Need>;
  findings: TableContent<Finding>;
  sources: TableContent<Source>;
  meetings: TableContent<Meeting>;
  themes: TableContent<Theme>;
}

/** Every table of a diagnostic Y.Doc, read tolerantly. */
export function readDiagnostic(doc: Y.Doc): DiagnosticContent {
  return {
    trends: parseTable("trends", tableJson(doc, "trends")),
    actors: parseTable("actors", tableJson(doc, "actors")),
    needs: parseTable("needs", tableJson(doc, "needs")),
    findings: parseTable("findings", tableJson(doc, "findings")),
    sources: parseTable("sources", tableJson(doc, "sources")),
    meetings: parseTable("meetings", tableJson(doc, "meetings")),
    themes: parseTable("themes", tableJson(doc, "themes")),
  };
}
