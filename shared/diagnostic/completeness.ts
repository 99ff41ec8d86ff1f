/** Completeness: the minimum of an emerging pôle's diagnostic (DOMAIN.md). */
import type { DiagnosticContent } from "./reading";
import { findingState, tally } from "./votes";

export const completenessCriteria = ["trends", "actors", "actorProfiles", "sharedFinding"] as const;
export type CompletenessCriterion = (typeof completenessCriteria)[number];

export const completenessTargets: Record<CompletenessCriterion, number> = {
  trends: 3,
  actors: 5,
  actorProfiles: 3,
  sharedFinding: 1,
};

export interface Completeness {
  criteria: Array<{ key: CompletenessCriterion; count: number; target: number; met: boolean }>;
  met: number;
  total: number;
  complete: boolean;
}

const filled = (value: string) => value.trim() !== "";

export function completeness(content: DiagnosticContent): Completeness {
  const counts: Record<CompletenessCriterion, number> = {
    trends: content.trends.rows.filter(
      (trend) => filled(trend.title) && trend.value !== null && trend.year !== null,
    ).length,
    actors: content.actors.rows.filter((actor) => filled(actor.name)).length,
    actorProfiles: content.actors.rows.filter(
      (actor) =>
        filled(actor.name) &&
        filled(actor.competencies) &&
        filled(actor.problems) &&
        filled(actor.vision),
    ).length,
    sharedFinding: content.findings.rows.filter(
      (finding) => findingState(tally(finding.votes)) === "shared",
    ).length,
  };
  const criteria = completenessCriteria.map((key) => ({
    key,
    count: counts[key],
    target: completenessTargets[key],
    met: counts[key] >= completenessTargets[key],
  }));
  const met = criteria.filter((criterion) => criterion.met).length;
  return { criteria, met, total: criteria.length, complete: met === criteria.length };
}
