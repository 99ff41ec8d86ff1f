/** The diagnostic's tables and the stored values of its choices (DOMAIN.md, CONTRACT.md). */
import { legalForms } from "../collective";
import type { DiagnosticRegistry, diagnosticExtras } from "../documents";
import { isOneOf } from "../one-of";

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
