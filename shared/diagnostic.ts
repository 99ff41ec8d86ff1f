/**
 * The territorial diagnostic's structured content (DOMAIN.md, CONTRACT.md): the tables held
 * in the diagnostic's Y.Doc, their fields, and how rows are read and written.
 *
 * Each table is a `Y.Array` of `Y.Map` (one key per field) so that two people editing two
 * fields of one row both keep their edit. Rows are validated before they are written, and
 * tolerated when read: a row an old or buggy client wrote comes back as `malformed` with
 * what was wrong, and never throws.
 */
import * as Y from "yjs";
import { z } from "zod";
import { legalForms } from "./collective";
import { fieldLabels as L } from "./diagnostic-labels";
import type { DiagnosticRegistry, diagnosticExtras } from "./documents";
import { isOneOf } from "./one-of";

/** Every table of the diagnostic, in the order the page and the exports show them. */
export const diagnosticTables = [
  "trends",
  "actors",
  "needs",
  "findings",
  "sources",
  "meetings",
  "themes",
] as const satisfies ReadonlyArray<DiagnosticRegistry | (typeof diagnosticExtras)[number]>;
export type DiagnosticTable = (typeof diagnosticTables)[number];

export const isDiagnosticTable = (value: string): value is DiagnosticTable =>
  isOneOf(diagnosticTables, value);

// ---------- Vocabularies (stored values; French labels for exports and the page) ----------

/** An actor's type is the legal form a member structure would have (the collective's list). */
export const actorTypes = legalForms;
export const contactStates = ["spotted", "met", "member"] as const;
export const priorities = ["high", "medium", "low"] as const;
export const needStatuses = ["to_explore", "shared", "retained", "dismissed"] as const;
export const sourceKinds = [
  "authority_diagnostic",
  "study",
  "interview",
  "collective_meeting",
] as const;
export const meetingKinds = ["individual", "collective"] as const;
export const territoryScales = [
  "commune",
  "epci",
  "living_area",
  "department",
  "region",
  "country",
] as const;
export const votes = ["agree", "reserved", "disagree"] as const;
export type Vote = (typeof votes)[number];
export const findingStates = ["proposed", "debated", "shared", "contested"] as const;
export type FindingState = (typeof findingStates)[number];

// ---------- Fields ----------

export type FieldKind =
  | "text"
  | "longtext"
  | "number"
  | "year"
  | "choice"
  | "refs"
  | "ref"
  | "url"
  | "date";

interface FieldSpecOf<S extends z.ZodType> {
  kind: FieldKind;
  /** French label, used by the exports; the page takes its own from i18n. */
  label: string;
  schema: S;
  choices?: readonly string[];
  /** The table a ref/refs field points into. */
  ref?: DiagnosticTable;
}
export type FieldSpec = FieldSpecOf<z.ZodType>;

const TEXT_MAX = 500;
const LONGTEXT_MAX = 10_000;
const ID_MAX = 100;

const isWebUrl = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
};

const text = (label: string) => ({
  kind: "text" as const,
  label,
  schema: z.string().max(TEXT_MAX).default(""),
});
const longtext = (label: string) => ({
  kind: "longtext" as const,
  label,
  schema: z.string().max(LONGTEXT_MAX).default(""),
});
const number = (label: string) => ({
  kind: "number" as const,
  label,
  schema: z.number().finite().nullable().default(null),
});
const year = (label: string) => ({
  kind: "year" as const,
  label,
  schema: z.number().int().min(1800).max(2200).nullable().default(null),
});
const choice = <const C extends readonly [string, ...string[]]>(
  label: string,
  choices: C,
  fallback: C[number] | null,
) => ({
  kind: "choice" as const,
  label,
  choices,
  schema: z.enum(choices).nullable().default(fallback),
});
const refs = (label: string, ref: DiagnosticTable) => ({
  kind: "refs" as const,
  label,
  ref,
  schema: z.array(z.string().min(1).max(ID_MAX)).max(2000).default([]),
});
const ref = (label: string, target: DiagnosticTable) => ({
  kind: "ref" as const,
  label,
  ref: target,
  schema: z.string().min(1).max(ID_MAX).nullable().default(null),
});
const url = (label: string) => ({
  kind: "url" as const,
  label,
  schema: z
    .string()
    .max(2000)
    .refine((value) => value === "" || isWebUrl(value), "Adresse web invalide (http ou https).")
    .default(""),
});
const date = (label: string) => ({
  kind: "date" as const,
  label,
  schema: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, "Date au format AAAA-MM-JJ.")
    .default(""),
});

/**
 * The fields of each table, in display order. `title` (actors: `name`) is the contract's
 * human name of a row; `id` is implicit.
 */
export const tableFields = {
  trends: {
    title: text(L.trends.title),
    value: number(L.trends.value),
    unit: text(L.trends.unit),
    year: year(L.trends.year),
    scale: choice(L.trends.scale, territoryScales, null),
    source: text(L.trends.source),
  },
  actors: {
    name: text(L.actors.name),
    type: choice(L.actors.type, actorTypes, null),
    sector: text(L.actors.sector),
    competencies: longtext(L.actors.competencies),
    problems: longtext(L.actors.problems),
    vision: longtext(L.actors.vision),
    contact: choice(L.actors.contact, contactStates, "spotted"),
    structureId: text(L.actors.structureId),
  },
  needs: {
    title: text(L.needs.title),
    description: longtext(L.needs.description),
    actorIds: refs(L.needs.actorIds, "actors"),
    themeId: ref(L.needs.themeId, "themes"),
    priority: choice(L.needs.priority, priorities, "medium"),
    status: choice(L.needs.status, needStatuses, "to_explore"),
    meetingId: ref(L.needs.meetingId, "meetings"),
  },
  findings: {
    title: text(L.findings.title),
    needIds: refs(L.findings.needIds, "needs"),
    sourceIds: refs(L.findings.sourceIds, "sources"),
    meetingId: ref(L.findings.meetingId, "meetings"),
  },
  sources: {
    title: text(L.sources.title),
    author: text(L.sources.author),
    year: year(L.sources.year),
    kind: choice(L.sources.kind, sourceKinds, null),
    link: url(L.sources.link),
  },
  meetings: {
    title: text(L.meetings.title),
    date: date(L.meetings.date),
    kind: choice(L.meetings.kind, meetingKinds, "individual"),
    actorIds: refs(L.meetings.actorIds, "actors"),
    notes: longtext(L.meetings.notes),
  },
  themes: {
    title: text(L.themes.title),
    description: longtext(L.themes.description),
    circleId: text(L.themes.circleId),
  },
} as const satisfies Record<DiagnosticTable, Record<string, FieldSpec>>;

type Fields<T extends DiagnosticTable> = (typeof tableFields)[T];
export type FieldKey<T extends DiagnosticTable> = keyof Fields<T> & string;

/** Which field names a row (the contract's `title`, or `name` for actors). */
export const titleField = (table: DiagnosticTable): "title" | "name" =>
  table === "actors" ? "name" : "title";

const rowId = z.string().min(1).max(ID_MAX);

type Shape<T extends DiagnosticTable> = { id: typeof rowId } & {
  [K in keyof Fields<T>]: Fields<T>[K] extends { schema: infer S } ? S : never;
};

function rowSchema<T extends DiagnosticTable>(table: T) {
  const shape: Record<string, z.ZodType> = { id: rowId };
  for (const [key, spec] of Object.entries(tableFields[table] as Record<string, FieldSpec>)) {
    shape[key] = spec.schema;
  }
  return z.object(shape as Shape<T>);
}

export const rowSchemas = {
  trends: rowSchema("trends"),
  actors: rowSchema("actors"),
  needs: rowSchema("needs"),
  findings: rowSchema("findings"),
  sources: rowSchema("sources"),
  meetings: rowSchema("meetings"),
  themes: rowSchema("themes"),
};

export type RowOf<T extends DiagnosticTable> = z.output<(typeof rowSchemas)[T]>;
export type Trend = RowOf<"trends">;
export type Actor = RowOf<"actors">;
export type Need = RowOf<"needs">;
export type Finding = RowOf<"findings"> & { votes: VoteEntry[] };
export type Source = RowOf<"sources">;
export type Meeting = RowOf<"meetings">;
export type Theme = RowOf<"themes">;

/** The field list of a table as data (for tables, CSV columns, export tables). */
export function fieldsOf(table: DiagnosticTable): Array<FieldSpec & { key: string }> {
  return Object.entries(tableFields[table] as Record<string, FieldSpec>).map(([key, spec]) => ({
    key,
    ...spec,
  }));
}

export function fieldSpec(table: DiagnosticTable, key: string): FieldSpec | undefined {
  return (tableFields[table] as Record<string, FieldSpec>)[key];
}

/**
 * Checks one value before it is written; text is trimmed of surrounding blanks. Answers the
 * value to store, or the issue (a French sentence; the page shows its own words by `kind`).
 */
export function validateField(
  table: DiagnosticTable,
  key: string,
  value: unknown,
): { ok: true; value: unknown } | { ok: false; message: string } {
  const spec = fieldSpec(table, key);
  if (!spec) return { ok: false, message: `Champ inconnu : ${key}.` };
  const input = typeof value === "string" && spec.kind !== "longtext" ? value.trim() : value;
  const result = spec.schema.safeParse(input);
  if (!result.success) return { ok: false, message: result.error.issues[0]?.message ?? "" };
  return { ok: true, value: result.data };
}

// ---------- Votes on findings ----------

export interface VoteEntry {
  userId: string;
  vote: Vote;
  comment: string;
  /** Kept with the vote so that every reader can show who voted without the member list. */
  name: string;
  at: number;
}

const VoteValue = z.object({
  vote: z.enum(votes),
  comment: z.string().max(TEXT_MAX).default(""),
  name: z.string().max(200).default(""),
  at: z.number().default(0),
});

/** A finding's votes, keyed by userId; unreadable entries are left out, never thrown. */
export function parseVotes(raw: unknown): VoteEntry[] {
  if (typeof raw !== "object" || raw === null) return [];
  const entries: VoteEntry[] = [];
  for (const [userId, value] of Object.entries(raw)) {
    const parsed = VoteValue.safeParse(value);
    if (parsed.success) entries.push({ userId, ...parsed.data });
  }
  return entries.sort((a, b) => a.at - b.at);
}

export interface Tally {
  agree: number;
  reserved: number;
  disagree: number;
}

export function tally(entries: readonly VoteEntry[]): Tally {
  const counts: Tally = { agree: 0, reserved: 0, disagree: 0 };
  for (const entry of entries) counts[entry.vote]++;
  return counts;
}

/**
 * A finding is shared when at least two members agree, agreement outweighs reservations,
 * and nobody disagrees; contested when disagreement weighs as much as agreement.
 */
export function findingState({ agree, reserved, disagree }: Tally): FindingState {
  if (agree + reserved + disagree === 0) return "proposed";
  if (disagree > 0 && disagree >= agree) return "contested";
  if (disagree === 0 && agree >= 2 && agree > reserved) return "shared";
  return "debated";
}

// ---------- Tolerant reading ----------

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

// ---------- Writing ----------

export const newRowId = () => crypto.randomUUID();

/**
 * A new row as a Y.Map with its id and every field at its default. The id is answered
 * beside the map: a Y.Map not yet in a document reads as empty.
 */
export function newRow(
  table: DiagnosticTable,
  values: Record<string, unknown> = {},
): { id: string; map: Y.Map<unknown> } {
  const map = new Y.Map<unknown>();
  const id = typeof values.id === "string" ? values.id : newRowId();
  map.set("id", id);
  for (const { key, schema } of fieldsOf(table)) {
    map.set(key, key in values ? values[key] : schema.parse(undefined));
  }
  if (table === "findings") map.set("votes", new Y.Map<unknown>());
  return { id, map };
}

/** The Y.Map of a row, or undefined when it is gone (deleted by someone else meanwhile). */
export function findRowMap(doc: Y.Doc, table: DiagnosticTable, id: string) {
  for (const item of doc.getArray<unknown>(table)) {
    if (item instanceof Y.Map && item.get("id") === id) return item as Y.Map<unknown>;
  }
  return undefined;
}

export function findRowIndex(doc: Y.Doc, table: DiagnosticTable, id: string): number {
  let index = 0;
  for (const item of doc.getArray<unknown>(table)) {
    if (item instanceof Y.Map && item.get("id") === id) return index;
    index++;
  }
  return -1;
}

/**
 * Validates and writes one field of one row. Answers "gone" when the row was deleted
 * meanwhile (nothing is written), or the validation issue.
 */
export function writeField(
  doc: Y.Doc,
  table: DiagnosticTable,
  id: string,
  key: string,
  value: unknown,
): { ok: true } | { ok: false; reason: "gone" | "invalid"; message: string } {
  const checked = validateField(table, key, value);
  if (!checked.ok) return { ok: false, reason: "invalid", message: checked.message };
  const map = findRowMap(doc, table, id);
  if (!map) return { ok: false, reason: "gone", message: "Ligne supprimée entre-temps." };
  if (JSON.stringify(map.get(key)) !== JSON.stringify(checked.value)) map.set(key, checked.value);
  return { ok: true };
}

/** Adds a row (validated field by field: invalid values fall back to the default). */
export function addRow(
  doc: Y.Doc,
  table: DiagnosticTable,
  values: Record<string, unknown> = {},
): string {
  const valid: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const checked = validateField(table, key, value);
    if (checked.ok) valid[key] = checked.value;
  }
  const { id, map } = newRow(table, valid);
  doc.getArray(table).push([map]);
  return id;
}

/** Removes the entry at `index` if it is still the one meant (by id, or by identity). */
export function deleteRow(doc: Y.Doc, table: DiagnosticTable, id: string): boolean {
  const index = findRowIndex(doc, table, id);
  if (index < 0) return false;
  doc.getArray(table).delete(index, 1);
  return true;
}

/** Removes a malformed entry, found by its position and checked by its id when it has one. */
export function deleteMalformed(doc: Y.Doc, table: DiagnosticTable, row: MalformedRow): boolean {
  const array = doc.getArray<unknown>(table);
  if (row.index >= array.length) return false;
  const item = array.get(row.index);
  const itemId = item instanceof Y.Map ? item.get("id") : undefined;
  if (row.id !== null && itemId !== row.id) return false;
  array.delete(row.index, 1);
  return true;
}

/** Sets (or with null, withdraws) a person's vote on a finding, in the finding's own Y.Map. */
export function setVote(
  doc: Y.Doc,
  findingId: string,
  userId: string,
  vote: { vote: Vote; comment: string; name: string } | null,
): boolean {
  const finding = findRowMap(doc, "findings", findingId);
  if (!finding) return false;
  doc.transact(() => {
    let map = finding.get("votes");
    if (!(map instanceof Y.Map)) {
      map = new Y.Map<unknown>();
      finding.set("votes", map);
    }
    const votesMap = map as Y.Map<unknown>;
    if (vote === null) votesMap.delete(userId);
    else
      votesMap.set(userId, {
        vote: vote.vote,
        comment: vote.comment.trim().slice(0, TEXT_MAX),
        name: vote.name.slice(0, 200),
        at: Date.now(),
      });
  });
  return true;
}

// ---------- Completeness (the minimum of an emerging pôle, DOMAIN.md) ----------

export const completenessCriteria = ["trends", "actors", "actorProfiles", "sharedFinding"] as const;
export type CompletenessCriterion = (typeof completenessCriteria)[number];

export const completenessTargets: Record<CompletenessCriterion, number> = {
  trends: 3,
  actors: 5,
  actorProfiles: 3,
  sharedFinding: 1,
};

export interface Completeness {
  criteria: Array<{ key: CompletenessCriterion; count: number; target: number; met: boolean }>;
  met: number;
  total: number;
  complete: boolean;
}

const filled = (value: string) => value.trim() !== "";

export function completeness(content: DiagnosticContent): Completeness {
  const counts: Record<CompletenessCriterion, number> = {
    trends: content.trends.rows.filter(
      (trend) => filled(trend.title) && trend.value !== null && trend.year !== null,
    ).length,
    actors: content.actors.rows.filter((actor) => filled(actor.name)).length,
    actorProfiles: content.actors.rows.filter(
      (actor) =>
        filled(actor.name) &&
        filled(actor.competencies) &&
        filled(actor.problems) &&
        filled(actor.vision),
    ).length,
    sharedFinding: content.findings.rows.filter(
      (finding) => findingState(tally(finding.votes)) === "shared",
    ).length,
  };
  const criteria = completenessCriteria.map((key) => ({
    key,
    count: counts[key],
    target: completenessTargets[key],
    met: counts[key] >= completenessTargets[key],
  }));
  const met = criteria.filter((criterion) => criterion.met).length;
  return { criteria, met, total: criteria.length, complete: met === criteria.length };
}

export { choiceLabels, completenessLabels, tableLabels } from "./diagnostic-labels";
