/**
 * The collective's fixed vocabularies (DOMAIN.md: the pôle's profile, structures, the
 * levels of interest, onboarding) and the text folding used for search. Labels and the
 * guidance texts live in the client's i18n (French first); these are the stored values.
 */

/** *PTCE de territoire* or *PTCE de filière*. */
export const poleKinds = ["territoire", "filiere"] as const;
export type PoleKind = (typeof poleKinds)[number];

/** Cumulative; usually one dominates. */
export const actionLogics = ["network", "support", "engineering"] as const;
export type ActionLogic = (typeof actionLogics)[number];

/** *émergent*, *en développement*, *historique*. */
export const maturities = ["emerging", "developing", "established"] as const;
export type Maturity = (typeof maturities)[number];

/**
 * Not a ladder: a pôle may pass through any. Each comes with guidance and vigilance
 * points (DOMAIN.md), shown beside the choice.
 */
export const formalisationLevels = ["carried", "association", "scic"] as const;
export type FormalisationLevel = (typeof formalisationLevels)[number];

export const legalForms = [
  "association",
  "scop",
  "scic",
  "cae",
  "esus",
  "company",
  "tpe_pme",
  "local_authority",
  "research",
  "training",
  "citizen",
  "other",
] as const;
export type LegalForm = (typeof legalForms)[number];

/** Salaried staff, in the usual French bands. */
export const sizeBands = ["none", "micro", "small", "medium", "large"] as const;
export type SizeBand = (typeof sizeBands)[number];

/**
 * Why someone joins (Institut Godin's three levels), plus the founders of the core group.
 * Each suggests a circle: a project group, a thematic group, the steering committee, the core.
 */
export const interestLevels = ["project", "theme", "territory", "founder"] as const;
export type InterestLevel = (typeof interestLevels)[number];

/** The onboarding form, then the welcome checklist that stays on the home page until done. */
export const onboardingSteps = ["structure", "interest", "competencies"] as const;
export const checklistSteps = [
  "read_profile",
  "acknowledge_charter",
  "meet_circles",
  "open_diagnostic",
] as const;
export type OnboardingStep = (typeof onboardingSteps)[number];
export type ChecklistStep = (typeof checklistSteps)[number];

/**
 * Text as search compares it: accents and case removed, spaces collapsed, so that
 * "Économie" matches "economie" and "réemploi" matches "REEMPLOI".
 */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/\s+/g, " ")
    .trim();
}
