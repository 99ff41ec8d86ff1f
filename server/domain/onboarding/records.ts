/**
 * What onboarding stores: the start, each step done, and the circles suggested to a
 * newcomer. Read by the newcomer's own steps and by the coordinators' follow-up.
 */

import type { OnboardingView, Suggestion as SuggestionView } from "../../../shared/api/onboarding";
import { checklistSteps, onboardingSteps } from "../../../shared/collective";
import { isOneOf } from "../../../shared/one-of";
import type { DB } from "../../db/database";

export type Step = OnboardingView["steps"] extends Record<infer K, unknown> ? K : never;
export const allSteps: readonly Step[] = [...onboardingSteps, ...checklistSteps];

/** Called inside the transaction that seats a newcomer in the pôle. */
export async function startOnboarding(
  db: DB,
  { poleId, userId }: { poleId: string; userId: string },
  now = Date.now(),
) {
  await db
    .insertInto("onboardings")
    .values({ pole_id: poleId, user_id: userId, started_at: now })
    .onConflict((oc) => oc.columns(["pole_id", "user_id"]).doNothing())
    .execute();
}

export async function markStep(
  db: DB,
  { poleId, userId, step }: { poleId: string; userId: string; step: Step },
  now = Date.now(),
) {
  await db
    .insertInto("onboarding_steps")
    .values({ pole_id: poleId, user_id: userId, step, done_at: now })
    .onConflict((oc) => oc.columns(["pole_id", "user_id", "step"]).doNothing())
    .execute();
}

export async function suggestionsOf(
  db: DB,
  { poleId, userId }: { poleId: string; userId?: string },
): Promise<SuggestionView[]> {
  let query = db
    .selectFrom("circle_suggestions")
    .innerJoin("circles", "circles.id", "circle_suggestions.circle_id")
    .select([
      "circle_suggestions.id",
      "circle_suggestions.user_id as userId",
      "circle_suggestions.circle_id as circleId",
      "circles.name as circleName",
      "circle_suggestions.role",
      "circle_suggestions.interest",
      "circle_suggestions.state",
    ])
    .where("circle_suggestions.pole_id", "=", poleId)
    .orderBy("circle_suggestions.created_at");
  if (userId) query = query.where("circle_suggestions.user_id", "=", userId);
  return query.execute();
}

export async function stepsOf(db: DB, { poleId, userIds }: { poleId: string; userIds: string[] }) {
  const rows =
    userIds.length === 0
      ? []
      : await db
          .selectFrom("onboarding_steps")
          .select(["user_id", "step", "done_at"])
          .where("pole_id", "=", poleId)
          .where("user_id", "in", userIds)
          .execute();
  return (userId: string): OnboardingView["steps"] => {
    const steps = Object.fromEntries(allSteps.map((step) => [step, null])) as Record<
      Step,
      string | null
    >;
    for (const row of rows) {
      if (row.user_id === userId && isOneOf(allSteps, row.step)) {
        steps[row.step as Step] = new Date(row.done_at).toISOString();
      }
    }
    return steps;
  };
}
