/**
 * The coordinators' follow-up of newcomers: their progress, and each suggested placement
 * confirmed (as suggested or changed) or dismissed in one click.
 */
import type { Newcomer as NewcomerView } from "../../../shared/api/onboarding";
import {
  type CircleRole,
  canDecideSuggestion,
  canFollowNewcomers,
} from "../../../shared/permissions";
import type { DB } from "../../db/database";
import { audit } from "../audit";
import { placeInCircle } from "../circles";
import type { Ctx } from "../context";
import { DomainError, forbidden, notFound } from "../errors";
import { requireMember, requireMemberFor } from "../members";
import { peopleOfPole } from "../people-of-pole";
import { allSteps, stepsOf, suggestionsOf } from "./records";

export async function listNewcomers(
  { db }: Ctx,
  actorId: string,
  { poleId }: { poleId: string },
): Promise<NewcomerView[]> {
  const member = await requireMember(db, { poleId, userId: actorId });
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
  const steps = await stepsOf(db, { poleId, userIds: rows.map((row) => row.person.userId) });
  const suggestions = await suggestionsOf(db, { poleId });
  return rows.map(({ person, startedAt }) => {
    const own = steps(person.userId);
    return {
      userId: person.userId,
      name: person.name,
      poleRole: person.poleRole,
      circles: person.circles,
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

/** A pending suggestion, once the caller may decide it (placing the newcomer in `targetId`). */
async function pendingSuggestion(
  db: DB,
  { actorId, suggestionId, targetId }: { actorId: string; suggestionId: string; targetId?: string },
) {
  const suggestion = await db
    .selectFrom("circle_suggestions")
    .selectAll()
    .where("id", "=", suggestionId)
    .executeTakeFirst();
  if (!suggestion) throw notFound("Suggestion");
  const member = await requireMemberFor(
    db,
    { poleId: suggestion.pole_id, userId: actorId },
    "Suggestion",
  );
  const suggestedId = suggestion.circle_id;
  if (!canDecideSuggestion(member, { suggestedId, targetId: targetId ?? suggestedId })) {
    throw forbidden(
      "Seuls les coordinateurs et les facilitateurs du cercle suggéré décident d'une suggestion.",
    );
  }
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
  ctx: Ctx<"events">,
  actorId: string,
  {
    suggestionId,
    change,
  }: { suggestionId: string; change: { circleId?: string; role?: CircleRole } },
) {
  const suggestion = await pendingSuggestion(ctx.db, {
    actorId,
    suggestionId,
    targetId: change.circleId,
  });
  const circleId = change.circleId ?? suggestion.circle_id;
  const role = change.role ?? suggestion.role;
  const circle = await ctx.db
    .selectFrom("circles")
    .select("id")
    .where("id", "=", circleId)
    .where("pole_id", "=", suggestion.pole_id)
    .executeTakeFirst();
  if (!circle) throw new DomainError("invalid_input", "Ce cercle n'existe pas dans ce pôle.");
  return placeInCircle(ctx, actorId, {
    circleId,
    userId: suggestion.user_id,
    role,
    alongside: async (trx, poleId) => {
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
  });
}

export async function dismissSuggestion(
  { db }: Ctx,
  actorId: string,
  { suggestionId }: { suggestionId: string },
) {
  const suggestion = await pendingSuggestion(db, { actorId, suggestionId });
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
