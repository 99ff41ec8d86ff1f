/**
 * A newcomer's first steps after accepting an invitation: their structure, why they join
 * (which suggests circles to the coordinators), their competencies, then a welcome
 * checklist that stays on their home page until done. Coordinators follow the progress
 * and confirm or change each suggested placement in one click.
 */

import type {
  Newcomer as NewcomerView,
  OnboardingView,
  Suggestion as SuggestionView,
} from "../../shared/api/onboarding";
import type { StructureInput } from "../../shared/api/structures";
import {
  type ChecklistStep,
  checklistSteps,
  type InterestLevel,
  onboardingSteps,
} from "../../shared/collective";
import { isOneOf } from "../../shared/one-of";
import { type CircleRole, canFollowNewcomers } from "../../shared/permissions";
import type { DB } from "../db/database";
import { audit } from "./audit";
import { type CircleContext, placeInCircle } from "./circles";
import { DomainError, forbidden, notFound } from "./errors";
import { newId } from "./ids";
import { requireMember } from "./members";
import { peopleOfPole, requireStructureOfPole, writePerson } from "./people";
import { insertStructure } from "./structures";

type Step = OnboardingView["steps"] extends Record<infer K, unknown> ? K : never;
const allSteps: readonly Step[] = [...onboardingSteps, ...checklistSteps];

/** Called inside the transaction that seats a newcomer in the pôle. */
export async function startOnboarding(db: DB, poleId: string, userId: string, now = Date.now()) {
  await db
    .insertInto("onboardings")
    .values({ pole_id: poleId, user_id: userId, started_at: now })
    .onConflict((oc) => oc.columns(["pole_id", "user_id"]).doNothing())
    .execute();
}

async function markStep(db: DB, poleId: string, userId: string, step: Step, now = Date.now()) {
  await db
    .insertInto("onboarding_steps")
    .values({ pole_id: poleId, user_id: userId, step, done_at: now })
    .onConflict((oc) => oc.columns(["pole_id", "user_id", "step"]).doNothing())
    .execute();
}

async function suggestionsOf(db: DB, poleId: string, userId?: string): Promise<SuggestionView[]> {
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

async function stepsOf(db: DB, poleId: string, userIds: string[]) {
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

/** The person's own onboarding, or null for people who did not arrive by invitation. */
export async function getOnboarding(
  db: DB,
  userId: string,
  poleId: string,
): Promise<OnboardingView | null> {
  await requireMember(db, poleId, userId);
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
  const steps = (await stepsOf(db, poleId, [userId]))(userId);
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
    suggestions: await suggestionsOf(db, poleId, userId),
  };
}

async function requireOnboarding(db: DB, userId: string, poleId: string) {
  const view = await getOnboarding(db, userId, poleId);
  if (!view) throw notFound("Accueil");
  return view;
}

export type StructureChoice =
  | { structureId: string }
  | { structure: StructureInput }
  | { none: true };

export async function chooseStructure(
  db: DB,
  userId: string,
  poleId: string,
  choice: StructureChoice,
) {
  await requireOnboarding(db, userId, poleId);
  if ("structureId" in choice) await requireStructureOfPole(db, poleId, choice.structureId);
  await db.transaction().execute(async (trx) => {
    const structureId =
      "structureId" in choice
        ? choice.structureId
        : "structure" in choice
          ? await insertStructure(trx, userId, poleId, choice.structure)
          : null;
    await writePerson(trx, poleId, userId, { structureId });
    await markStep(trx, poleId, userId, "structure");
  });
  return requireOnboarding(db, userId, poleId);
}

/** Which circles each level of interest points to (DOMAIN.md, "The collective"). */
async function suggestedCircles(
  db: DB,
  poleId: string,
  interest: InterestLevel,
  circleIds: readonly string[],
): Promise<string[]> {
  const circles = await db
    .selectFrom("circles")
    .select(["id", "kind"])
    .where("pole_id", "=", poleId)
    .execute();
  if (interest === "founder" || interest === "territory") {
    const kind = interest === "founder" ? "core" : "steering";
    return circles.filter((circle) => circle.kind === kind).map((circle) => circle.id);
  }
  const kind = interest === "project" ? "project" : "thematic";
  const chosen = [...new Set(circleIds)];
  if (chosen.length === 0) {
    throw new DomainError(
      "invalid_input",
      interest === "project"
        ? "Choisissez au moins un groupe projet qui vous intéresse."
        : "Choisissez au moins un groupe thématique qui vous intéresse.",
    );
  }
  for (const id of chosen) {
    if (!circles.some((circle) => circle.id === id && circle.kind === kind)) {
      throw new DomainError(
        "invalid_input",
        interest === "project"
          ? "Ce cercle n'est pas un groupe projet de ce pôle."
          : "Ce cercle n'est pas un groupe thématique de ce pôle.",
      );
    }
  }
  return chosen;
}

const SUGGESTED_ROLE: CircleRole = "member";

export async function chooseInterest(
  db: DB,
  userId: string,
  poleId: string,
  input: { interest: InterestLevel; circleIds: string[] },
) {
  await requireOnboarding(db, userId, poleId);
  const circleIds = await suggestedCircles(db, poleId, input.interest, input.circleIds);
  // No suggestion for a circle where the person already contributes.
  const seated = await db
    .selectFrom("circle_members")
    .select("circle_id")
    .where("pole_id", "=", poleId)
    .where("user_id", "=", userId)
    .where("role", "in", ["member", "facilitator"])
    .execute();
  const toSuggest = circleIds.filter((id) => !seated.some((seat) => seat.circle_id === id));
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
    await writePerson(trx, poleId, userId, { interest: input.interest }, now);
    await markStep(trx, poleId, userId, "interest", now);
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
  return requireOnboarding(db, userId, poleId);
}

export async function setCompetencies(
  db: DB,
  userId: string,
  poleId: string,
  input: { competencies: string[]; brings: string; seeks: string },
) {
  await requireOnboarding(db, userId, poleId);
  await db.transaction().execute(async (trx) => {
    await writePerson(trx, poleId, userId, input);
    await markStep(trx, poleId, userId, "competencies");
  });
  return requireOnboarding(db, userId, poleId);
}

/** A checklist step, marked when the person does it (the page tells the server). */
export async function completeChecklistStep(
  db: DB,
  userId: string,
  poleId: string,
  step: ChecklistStep,
) {
  await requireOnboarding(db, userId, poleId);
  await db.transaction().execute(async (trx) => {
    await markStep(trx, poleId, userId, step);
    if (step === "acknowledge_charter") {
      await audit(trx, {
        poleId,
        actorId: userId,
        action: "charter.acknowledged",
        target: userId,
      });
    }
  });
  return requireOnboarding(db, userId, poleId);
}

export async function listNewcomers(
  db: DB,
  actorId: string,
  poleId: string,
): Promise<NewcomerView[]> {
  const member = await requireMember(db, poleId, actorId);
  if (!canFollowNewcomers(member)) {
    throw forbidden("Seuls les coordinateurs suivent l'accueil des nouveaux membres.");
  }
  const onboardings = await db
    .selectFrom("onboardings")
    .select(["user_id", "started_at"])
    .where("pole_id", "=", poleId)
    .orderBy("started_at", "desc")
    .execute();
  // Someone who has left the pôle keeps their onboarding row but is no newcomer any more.
  const people = new Map((await peopleOfPole(db, poleId)).map((person) => [person.userId, person]));
  const rows = onboardings.flatMap((onboarding) => {
    const person = people.get(onboarding.user_id);
    return person ? [{ person, startedAt: onboarding.started_at }] : [];
  });
  const steps = await stepsOf(
    db,
    poleId,
    rows.map((row) => row.person.userId),
  );
  const suggestions = await suggestionsOf(db, poleId);
  return rows.map(({ person, startedAt }) => {
    const own = steps(person.userId);
    return {
      userId: person.userId,
      name: person.name,
      startedAt: new Date(startedAt).toISOString(),
      interest: person.interest,
      structureName: person.structure?.name ?? null,
      done: allSteps.filter((step) => own[step] !== null).length,
      total: allSteps.length,
      steps: own,
      suggestions: suggestions.filter((s) => s.userId === person.userId),
    };
  });
}

async function pendingSuggestion(db: DB, actorId: string, suggestionId: string) {
  const suggestion = await db
    .selectFrom("circle_suggestions")
    .selectAll()
    .where("id", "=", suggestionId)
    .executeTakeFirst();
  if (!suggestion) throw notFound("Suggestion");
  await requireMember(db, suggestion.pole_id, actorId).catch(() => {
    throw notFound("Suggestion");
  });
  if (suggestion.state !== "pending") {
    throw new DomainError("conflict", "Cette suggestion a déjà été traitée.");
  }
  return suggestion;
}

/**
 * Places the newcomer as suggested, or where the coordinator decides instead: the same
 * path as every other placement, so their open documents follow the new right at once.
 */
export async function confirmSuggestion(
  context: CircleContext,
  actorId: string,
  suggestionId: string,
  change: { circleId?: string; role?: CircleRole },
) {
  const suggestion = await pendingSuggestion(context.db, actorId, suggestionId);
  const circleId = change.circleId ?? suggestion.circle_id;
  const role = change.role ?? suggestion.role;
  const circle = await context.db
    .selectFrom("circles")
    .select("id")
    .where("id", "=", circleId)
    .where("pole_id", "=", suggestion.pole_id)
    .executeTakeFirst();
  if (!circle) throw new DomainError("invalid_input", "Ce cercle n'existe pas dans ce pôle.");
  return placeInCircle(
    context,
    actorId,
    circleId,
    suggestion.user_id,
    role,
    async (trx, poleId) => {
      const decided = await trx
        .updateTable("circle_suggestions")
        .set({ state: "confirmed", decided_at: Date.now(), decided_by: actorId })
        .where("id", "=", suggestion.id)
        .where("state", "=", "pending")
        .executeTakeFirst();
      // Two coordinators clicking at once: only one decides.
      if (decided.numUpdatedRows === 0n) {
        throw new DomainError("conflict", "Cette suggestion a déjà été traitée.");
      }
      await audit(trx, {
        poleId,
        actorId,
        action: "suggestion.confirmed",
        target: suggestion.user_id,
        details: {
          suggested: suggestion.circle_id,
          circleId,
          role,
          changed: circleId !== suggestion.circle_id || role !== suggestion.role,
        },
      });
    },
  );
}

export async function dismissSuggestion(db: DB, actorId: string, suggestionId: string) {
  const suggestion = await pendingSuggestion(db, actorId, suggestionId);
  const member = await requireMember(db, suggestion.pole_id, actorId);
  if (!canFollowNewcomers(member)) {
    throw forbidden("Seuls les coordinateurs écartent une suggestion.");
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("circle_suggestions")
      .set({ state: "dismissed", decided_at: Date.now(), decided_by: actorId })
      .where("id", "=", suggestion.id)
      .execute();
    await audit(trx, {
      poleId: suggestion.pole_id,
      actorId,
      action: "suggestion.dismissed",
      target: suggestion.user_id,
      details: { circleId: suggestion.circle_id },
    });
  });
}
