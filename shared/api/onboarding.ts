/** A newcomer's onboarding steps, the coordinators' follow-up, and placement suggestions. */
import { z } from "zod/mini";
import {
  type ChecklistStep,
  checklistSteps,
  interestLevels,
  type OnboardingStep,
  onboardingSteps,
} from "../collective";
import { circleRoles, poleRoles } from "../permissions";
import { id, tags, text, when } from "./fields";
import { PersonCircle } from "./people";
import { StructureBody } from "./structures";

export const StructureChoiceBody = z.union([
  z.object({ structureId: id }),
  z.object({ structure: StructureBody }),
  z.object({ none: z.literal(true) }),
]);

export const InterestBody = z.object({
  interest: z.enum(interestLevels),
  /** The thematic or project groups that drew the person (levels 1 and 2). */
  circleIds: z._default(z.array(id).check(z.maxLength(10)), []),
});

export const CompetenciesBody = z.object({
  competencies: tags(40),
  brings: text(2000),
  seeks: text(2000),
});

export const ChecklistStepParam = z.enum(checklistSteps);

export const ConfirmSuggestionBody = z.object({
  /** Absent: as suggested; present: the coordinator changed the placement. */
  circleId: z.optional(id),
  role: z.optional(z.enum(circleRoles)),
});

export const Suggestion = z.object({
  id: z.string(),
  userId: z.string(),
  circleId: z.string(),
  circleName: z.string(),
  role: z.enum(circleRoles),
  interest: z.enum(interestLevels),
  state: z.enum(["pending", "confirmed", "dismissed"]),
});
export type Suggestion = z.infer<typeof Suggestion>;

/** When each step was done, null while it is not. */
export const Steps = z.object(
  Object.fromEntries([...onboardingSteps, ...checklistSteps].map((step) => [step, when])) as Record<
    OnboardingStep | ChecklistStep,
    typeof when
  >,
);
export type Steps = z.infer<typeof Steps>;

export const OnboardingView = z.object({
  startedAt: z.string(),
  interest: z.nullable(z.enum(interestLevels)),
  steps: Steps,
  formDone: z.boolean(),
  checklistDone: z.boolean(),
  documents: z.object({
    charterId: z.nullable(z.string()),
    diagnosticId: z.nullable(z.string()),
  }),
  suggestions: z.array(Suggestion),
});
export type OnboardingView = z.infer<typeof OnboardingView>;
/** null: the person has no onboarding in this pôle (a founder, an older member). */
export const Onboarding = z.nullable(OnboardingView);
export type Onboarding = z.infer<typeof Onboarding>;

export const Newcomer = z.object({
  userId: z.string(),
  name: z.string(),
  /** Where they stand today, so that a confirmation is decided knowing it. */
  poleRole: z.enum(poleRoles),
  circles: z.array(PersonCircle),
  startedAt: z.string(),
  interest: z.nullable(z.enum(interestLevels)),
  structureName: z.nullable(z.string()),
  done: z.number(),
  total: z.number(),
  steps: Steps,
  suggestions: z.array(Suggestion),
});
export type Newcomer = z.infer<typeof Newcomer>;
export const Newcomers = z.array(Newcomer);
