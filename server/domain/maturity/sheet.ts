/**
 * The qualitative sheet of the six Godin markers: a page of the steering committee, one
 * section per marker, written together in real time. The level of each marker is argued
 * there and recorded beside it (maturity_marker_levels), never averaged.
 */
import { godinMarkerLabels, godinMarkers } from "../../../shared/maturity/referentiel";
import type { DB } from "../../db/database";
import { insertDocument } from "../documents";
import { type Outline, outlineState } from "../outlines";

const guidance =
  "Ce que nous constatons, les preuves (projets, décisions, constats du diagnostic) et le niveau qui en découle : émergent, en développement ou historique.";

const markersOutline: Outline = godinMarkers.map((marker) => ({
  heading: godinMarkerLabels[marker],
  guidance,
}));

export function createMarkersSheet(
  db: DB,
  input: { poleId: string; steeringId: string; title: string; createdBy: string },
) {
  return insertDocument(db, {
    poleId: input.poleId,
    kind: "page",
    title: `Repères de maturité — ${input.title}`,
    circleId: input.steeringId,
    createdBy: input.createdBy,
    initial: outlineState(markersOutline),
  });
}
