/**
 * The fields of each diagnostic table: kind, French label, and the zod schema a value is
 * validated with before it is written.
 */
import { z } from "zod";
import { fieldLabels as L } from "./labels";
import {
  actorTypes,
  contactStates,
  type DiagnosticTable,
  meetingKinds,
  needStatuses,
  priorities,
  sourceKinds,
  territoryScales,
} from "./vocabularies";

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

export const TEXT_MAX = 500;
const LONGTEXT_MAX = 10_000;
export const ID_MAX = 100;

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
