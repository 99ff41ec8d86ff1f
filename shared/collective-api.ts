/**
 * Request bodies and answers of the collective's routes (pôle profile, structures, people,
 * directory, circles, onboarding, audit). Kept apart from shared/collective.ts so the
 * client can import the vocabularies without bundling zod.
 */
import { z } from "zod";
import { CreateCircleBody, email } from "./api";
import {
  actionLogics,
  type ChecklistStep,
  checklistSteps,
  formalisationLevels,
  type InterestLevel,
  interestLevels,
  legalForms,
  maturities,
  type OnboardingStep,
  poleKinds,
  sizeBands,
} from "./collective";
import type { DocumentKind } from "./documents";
import {
  type CircleKind,
  type CircleRole,
  circleRoles,
  type PoleRole,
  poleRoles,
} from "./permissions";

const text = (max: number) => z.string().trim().max(max, `${max} caractères au plus.`);
const name = z.string().trim().min(1, "Le nom est requis.").max(200, "200 caractères au plus.");
const id = z.string().min(1).max(100);
/** Tags typed by people: trimmed, deduplicated regardless of case and accents elsewhere. */
const tags = (max: number) =>
  z
    .array(z.string().trim().min(1, "Une étiquette vide n'est pas permise.").max(80))
    .max(max, `${max} étiquettes au plus.`);

export const PoleProfileBody = z.object({
  territory: text(2000),
  communes: tags(300),
  kind: z.enum(poleKinds).nullable(),
  actionLogics: z
    .array(z.enum(actionLogics))
    .max(actionLogics.length)
    .refine((list) => new Set(list).size === list.length, "Une logique d'action est en double."),
  maturity: z.enum(maturities).nullable(),
  formalisation: z.enum(formalisationLevels).nullable(),
  carryingStructure: text(200),
  hasPlace: z.boolean(),
  place: text(500),
});
export type PoleProfileInput = z.infer<typeof PoleProfileBody>;

export const StructureBody = z.object({
  name,
  legalForm: z.enum(legalForms),
  sizeBand: z.enum(sizeBands).nullable(),
  sectors: tags(20),
  ess: z.boolean(),
});
export type StructureInput = z.infer<typeof StructureBody>;

export const PersonBody = z.object({
  structureId: id.nullable(),
  roleInStructure: text(200),
  competencies: tags(40),
  brings: text(2000),
  seeks: text(2000),
});
export type PersonInput = z.infer<typeof PersonBody>;

export const CircleDetailsBody = z.object({ theme: text(200), description: text(4000) });

/** The contract's circle creation, plus the details a thematic or project group carries. */
export const CreateCircleWithDetailsBody = CreateCircleBody.extend({
  theme: text(200).optional(),
  description: text(4000).optional(),
});

export const MoveBody = z.object({ toCircleId: id, role: z.enum(circleRoles) });

export const PoleRoleBody = z.object({ role: z.enum(poleRoles) });

export const BulkInvitationBody = z.object({
  /** The pasted list: addresses separated by commas, semicolons, spaces or new lines. */
  emails: z.string().max(20_000, "Liste trop longue."),
  circles: z.array(z.object({ circleId: id, role: z.enum(circleRoles) })).max(50),
  poleRole: z.enum(poleRoles).exclude(["coordinator"]).optional(),
  expiresInDays: z.number().int().min(1).max(90).optional(),
});

/** Splits a pasted list into addresses; each is checked with the contract's email rule. */
export function parseEmailList(pasted: string): { valid: string[]; invalid: string[] } {
  const items = pasted
    .split(/[\s,;]+/)
    .map((item) => item.replace(/^<|>$/g, ""))
    .filter(Boolean);
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const item of items) {
    const parsed = email.safeParse(item);
    if (parsed.success) valid.push(parsed.data);
    else invalid.push(item);
  }
  return { valid, invalid };
}

export const StructureChoiceBody = z.union([
  z.object({ structureId: id }),
  z.object({ structure: StructureBody }),
  z.object({ none: z.literal(true) }),
]);

export const InterestBody = z.object({
  interest: z.enum(interestLevels),
  /** The thematic or project groups that drew the person (levels 1 and 2). */
  circleIds: z.array(id).max(10).default([]),
});

export const CompetenciesBody = z.object({
  competencies: tags(40),
  brings: text(2000),
  seeks: text(2000),
});

export const ChecklistStepParam = z.enum(checklistSteps);

export const ConfirmSuggestionBody = z.object({
  /** Absent: as suggested; present: the coordinator changed the placement. */
  circleId: id.optional(),
  role: z.enum(circleRoles).optional(),
});

export const AuditQuery = z.object({
  actorId: id.optional(),
  /** The first part of an action: "circle", "invitation", "profile"… */
  kind: z
    .string()
    .regex(/^[a-z_]{1,40}$/, "Type d'action inconnu.")
    .optional(),
  /** ISO dates (YYYY-MM-DD), inclusive. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  before: z.coerce.number().int().positive().optional(),
});

export const DirectoryQuery = z.object({
  q: z.string().max(200).optional(),
  competency: z.string().max(80).optional(),
  circleId: id.optional(),
  legalForm: z.enum(legalForms).optional(),
});

export interface PoleProfileView extends PoleProfileInput {
  updatedAt: string | null;
}

export interface StructureView extends StructureInput {
  id: string;
  memberCount: number;
}

export interface PersonCircle {
  circleId: string;
  name: string;
  kind: CircleKind;
  role: CircleRole;
}

export interface PersonSummary {
  userId: string;
  name: string;
  poleRole: PoleRole;
  structure: { id: string; name: string; legalForm: string } | null;
  roleInStructure: string;
  competencies: string[];
  brings: string;
  seeks: string;
  interest: InterestLevel | null;
  circles: PersonCircle[];
}

export interface InvolvementEvent {
  circleId: string;
  circleName: string;
  circleKind: CircleKind | null;
  /** null: left the circle. */
  role: CircleRole | null;
  at: string;
  actorName: string | null;
}

export interface PersonDetail extends PersonSummary {
  email: string | null;
  history: InvolvementEvent[];
  canEdit: boolean;
}

export interface CirclePageView {
  id: string;
  kind: CircleKind;
  name: string;
  parentId: string | null;
  theme: string;
  description: string;
  canManage: boolean;
  members: Array<{
    userId: string;
    name: string;
    role: CircleRole;
    since: string;
    competencies: string[];
    structureName: string | null;
  }>;
  documents: Array<{ id: string; kind: DocumentKind; title: string }>;
  activity: Array<{
    at: string;
    userId: string;
    userName: string;
    role: CircleRole | null;
    actorName: string | null;
  }>;
}

export interface OnboardingView {
  startedAt: string;
  interest: InterestLevel | null;
  steps: Record<OnboardingStep | ChecklistStep, string | null>;
  formDone: boolean;
  checklistDone: boolean;
  documents: { charterId: string | null; diagnosticId: string | null };
  suggestions: SuggestionView[];
}

export interface SuggestionView {
  id: string;
  userId: string;
  circleId: string;
  circleName: string;
  role: CircleRole;
  interest: InterestLevel;
  state: "pending" | "confirmed" | "dismissed";
}

export interface NewcomerView {
  userId: string;
  name: string;
  startedAt: string;
  interest: InterestLevel | null;
  structureName: string | null;
  done: number;
  total: number;
  steps: OnboardingView["steps"];
  suggestions: SuggestionView[];
}

export interface AuditEntryView {
  id: number;
  at: string;
  actor: { id: string; name: string } | null;
  action: string;
  target: string | null;
  targetName: string | null;
  details: Record<string, unknown>;
}

export interface BulkInvitationResult {
  invitations: Array<{
    id: string;
    email: string;
    url: string;
    token: string;
    expiresAt: string;
    emailed: boolean;
  }>;
}
