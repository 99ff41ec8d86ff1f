/**
 * A newcomer's first steps after accepting an invitation: their structure, why they join
 * (which suggests circles to the coordinators), their competencies, then a welcome
 * checklist that stays on their home page until done.
 */

import type { OnboardingView } from "../../../shared/api/onboarding";
import type { StructureInput } from "../../../shared/api/structures";
import {
  type ChecklistStep,
  checklistSteps,
  type InterestLevel,
  onboardingSteps,
} from "../../../shared/collective";
import { circlesToSuggest, SUGGESTED_ROLE } from "../../../shared/suggestions";
import { audit } from "../audit";
import type { Ctx } from "../context";
import { DomainError, notFound } from "../errors";
import { newId } from "../ids";
import { requireMember } from "../members";
import { requireStructureOfPole } from "../people";
import { writePerson } from "../person-record";
import { chooseStructureFor } from "../structure-membership";
import { insertStructure } from "../structures";
import { markStep, stepsOf, suggestionsOf } from "./records";

/** The person's own onboarding, or null for people who did not arrive by invitation. */
export async function getOnboarding(
  { db }: Ctx,
  userId: string,
  { poleId }: { poleId: string },
): Promise<OnboardingView | null> {
  await requireMember(db, { poleId, userId });
  const row = await db
    .selectFrom("onboardings")
    .leftJoin("people", (join) =>
      join
        .onRef("people.pole_id", "=", "onboardings.pole_id")
        .onRef("people.user_id", "=", "onboardings.user_id"),
    )
    .select(["onboardings.started_at", "people.interest"])
    .where("onboardings.pole_id", "=", poleId)
    .where("onboardings.user_id", "=", userId)
    .executeTakeFirst();
  if (!row) return null;
  const steps = (await stepsOf(db, { poleId, userIds: [userId] }))(userId);
  const documents = await db
    .selectFrom("documents")
    .select(["id", "kind"])
    .where("pole_id", "=", poleId)
    .where("kind", "in", ["charter", "diagnostic"])
    .orderBy("created_at")
    .execute();
  return {
    startedAt: new Date(row.started_at).toISOString(),
    interest: row.interest,
    steps,
    formDone: onboardingSteps.every((step) => steps[step] !== null),
    checklistDone: checklistSteps.every((step) => steps[step] !== null),
    documents: {
      charterId: documents.find((d) => d.kind === "charter")?.id ?? null,
      diagnosticId: documents.find((d) => d.kind === "diagnostic")?.id ?? null,
    },
    suggestions: await suggestionsOf(db, { poleId, userId }),
  };
}

async function requireOnboarding(ctx: Ctx, userId: string, input: { poleId: string }) {
  const view = await getOnboarding(ctx, userId, input);
  if (!view) throw notFound("Accueil");
  return view;
}

export type StructureChoice =
  | { structureId: string }
  | { structure: StructureInput }
  | { none: true };

export async function chooseStructure(
  ctx: Ctx,
  userId: string,
  { poleId, choice }: { poleId: string; choice: StructureChoice },
) {
  const { db } = ctx;
  await requireOnboarding(ctx, userId, { poleId });
  const actor = await requireMember(db, { poleId, userId });
  if ("structureId" in choice)
    await requireStructureOfPole(db, { poleId, structureId: choice.structureId });
  await db.transaction().execute(async (trx) => {
    // A structure the newcomer adds is theirs at once (nobody else belongs to it yet).
    const structureId =
      "structureId" in choice
        ? choice.structureId
        : "structure" in choice
          ? await insertStructure(trx, { actorId: userId, poleId, structure: choice.structure })
          : null;
    await chooseStructureFor(trx, { poleId, userId, structureId, actorId: userId, actor });
    await markStep(trx, { poleId, userId, step: "structure" });
  });
  return requireOnboarding(ctx, userId, { poleId });
}

export async function chooseInterest(
  ctx: Ctx,
  userId: string,
  { poleId, ...input }: { poleId: string; interest: InterestLevel; circleIds: string[] },
) {
  const { db } = ctx;
  await requireOnboarding(ctx, userId, { poleId });
  const circles = await db
    .selectFrom("circles")
    .select(["id", "kind"])
    .where("pole_id", "=", poleId)
    .execute();
  const seated = await db
    .selectFrom("circle_members")
    .select("circle_id")
    .where("pole_id", "=", poleId)
    .where("user_id", "=", userId)
    .where("role", "in", ["member", "facilitator"])
    .execute();
  const suggested = circlesToSuggest({
    interest: input.interest,
    circles,
    chosen: input.circleIds,
    contributesIn: seated.map((seat) => seat.circle_id),
  });
  if ("error" in suggested) throw new DomainError("invalid_input", suggested.error);
  const toSuggest = suggested.circleIds;
  await db.transaction().execute(async (trx) => {
    const now = Date.now();
    // Changing one's mind replaces the suggestions nobody has decided on yet.
    await trx
      .deleteFrom("circle_suggestions")
      .where("pole_id", "=", poleId)
      .where("user_id", "=", userId)
      .where("state", "=", "pending")
      .execute();
    for (const circleId of toSuggest) {
      await trx
        .insertInto("circle_suggestions")
        .values({
          id: newId(),
          pole_id: poleId,
          user_id: userId,
          circle_id: circleId,
          role: SUGGESTED_ROLE,
          interest: input.interest,
          state: "pending",
          created_at: now,
          decided_at: null,
          decided_by: null,
        })
        .execute();
    }
    await writePerson(trx, { poleId, userId, patch: { interest: input.interest } }, now);
    await markStep(trx, { poleId, userId, step: "interest" }, now);
    await audit(
      trx,
      {
        poleId,
        actorId: userId,
        action: "onboarding.interest_chosen",
        target: userId,
        details: { interest: input.interest, suggested: toSuggest },
      },
      now,
    );
  });
  return requireOnboarding(ctx, userId, { poleId });
}

export async function setCompetencies(
  ctx: Ctx,
  userId: string,
  { poleId, ...input }: { poleId: string; competencies: string[]; brings: string; seeks: string },
) {
  const { db } = ctx;
  await requireOnboarding(ctx, userId, { poleId });
  await db.transaction().execute(async (trx) => {
    await writePerson(trx, { poleId, userId, patch: input });
    await markStep(trx, { poleId, userId, step: "competencies" });
  });
  return requireOnboarding(ctx, userId, { poleId });
}

/** A checklist step, marked when the person does it (the page tells the server). */
export async function completeChecklistStep(
  ctx: Ctx,
  userId: string,
  { poleId, step }: { poleId: string; step: ChecklistStep },
) {
  const { db } = ctx;
  await requireOnboarding(ctx, userId, { poleId });
  await db.transaction().execute(async (trx) => {
    await markStep(trx, { poleId, userId, step });
    if (step === "acknowledge_charter") {
      await audit(trx, {
        poleId,
        actorId: userId,
        action: "charter.acknowledged",
        target: userId,
      });
    }
  });
  return requireOnboarding(ctx, userId, { poleId });
}
