/**
 * Which circles a newcomer's level of interest suggests to the coordinators (DOMAIN.md,
 * "The collective"): founders the core group, territory the steering committee, a project
 * or a theme the groups of that kind they chose. Pure: the domain reads the circles.
 */
import type { InterestLevel } from "./collective";
import type { CircleKind, CircleRole, PoleRole } from "./permissions";

/** A suggestion seats the newcomer as a member; the coordinator may change the role. */
export const SUGGESTED_ROLE: CircleRole = "member";

export type SuggestedCircles = { circleIds: string[] } | { error: string };

export function circlesToSuggest(input: {
  interest: InterestLevel;
  /** The pôle's circles. */
  circles: ReadonlyArray<{ id: string; kind: CircleKind }>;
  /** The groups the newcomer picked (for a project or a theme). */
  chosen: readonly string[];
  /** Circles where the newcomer already contributes: nothing to suggest there. */
  contributesIn: readonly string[];
}): SuggestedCircles {
  const { interest, circles, contributesIn } = input;
  const notYet = (ids: string[]) => ({
    circleIds: ids.filter((id) => !contributesIn.includes(id)),
  });
  if (interest === "founder" || interest === "territory") {
    const kind = interest === "founder" ? "core" : "steering";
    return notYet(circles.filter((circle) => circle.kind === kind).map((circle) => circle.id));
  }
  const kind = interest === "project" ? "project" : "thematic";
  const chosen = [...new Set(input.chosen)];
  if (chosen.length === 0) {
    return {
      error:
        interest === "project"
          ? "Choisissez au moins un groupe projet qui vous intéresse."
          : "Choisissez au moins un groupe thématique qui vous intéresse.",
    };
  }
  if (chosen.some((id) => !circles.some((circle) => circle.id === id && circle.kind === kind))) {
    return {
      error:
        interest === "project"
          ? "Ce cercle n'est pas un groupe projet de ce pôle."
          : "Ce cercle n'est pas un groupe thématique de ce pôle.",
    };
  }
  return notYet(chosen);
}

/**
 * Whether confirming a placement turns someone who only reads a circle's documents (an
 * observer of it) into one who edits them: the newcomers page asks before doing so. A
 * pôle-level observer reads everything whatever their seat, so nothing turns for them.
 */
export function turnsObserverIntoEditor(
  person: { poleRole: PoleRole; circles: ReadonlyArray<{ circleId: string; role: CircleRole }> },
  placement: { circleId: string; role: CircleRole },
): boolean {
  const seat = person.circles.find((c) => c.circleId === placement.circleId);
  return (
    person.poleRole !== "observer" && seat?.role === "observer" && placement.role !== "observer"
  );
}
