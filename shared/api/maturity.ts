/**
 * Self-assessment over HTTP: the référentiel, campaigns, one's own answers, the markers and
 * the results, defined once. The server validates bodies and checks its answers against
 * these types; the client parses what it receives with the same schemas.
 */
import { z } from "zod/mini";
import { maturities } from "../collective";
import { godinMarkers, objectiveKeys, RATING_MAX, RATING_MIN } from "../maturity/referentiel";
import { campaignStates } from "../maturity/rules";
import { id, line, text } from "./fields";

const isoDate = z.iso.date("Date invalide (AAAA-MM-JJ).");

const ratingMessage = `Une note va de ${RATING_MIN} à ${RATING_MAX}.`;
/** A rating on the 2012 scale, or null when not (or no longer) given. */
const rating = z.nullable(
  z
    .number({ error: ratingMessage })
    .check(
      z.int(ratingMessage),
      z.gte(RATING_MIN, ratingMessage),
      z.lte(RATING_MAX, ratingMessage),
    ),
);

const objective = z.enum(objectiveKeys, {
  error: `Objectif inconnu : choisissez ${objectiveKeys.join(", ")}.`,
});

// ---------- The référentiel ----------

export const IndicatorView = z.object({
  id: z.string(),
  objective,
  label: z.string(),
  /** Added by the pôle rather than from the 2012 référentiel. */
  custom: z.boolean(),
  hidden: z.boolean(),
});
export type IndicatorView = z.infer<typeof IndicatorView>;
export const Referentiel = z.array(IndicatorView);

export const AddIndicatorBody = z.object({
  objective,
  label: line(300, "L'intitulé de l'indicateur est requis."),
});
export type AddIndicatorBody = z.infer<typeof AddIndicatorBody>;

export const IndicatorVisibilityBody = z.object({ hidden: z.boolean() });

// ---------- Campaigns ----------

export const Audience = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("pole") }),
  z.object({ kind: z.literal("circle"), circleId: id }),
  z.object({
    kind: z.literal("people"),
    userIds: z.array(id).check(z.minLength(1, "Nommez au moins une personne."), z.maxLength(1000)),
  }),
]);
export type Audience = z.infer<typeof Audience>;

export const OpenCampaignBody = z
  .object({
    title: line(200, "Le titre est requis."),
    opensOn: isoDate,
    closesOn: isoDate,
    audience: Audience,
  })
  .check(
    z.refine((body) => body.closesOn >= body.opensOn, {
      message: "La campagne doit se terminer après son ouverture.",
      path: ["closesOn"],
    }),
  );
export type OpenCampaignBody = z.infer<typeof OpenCampaignBody>;

export const CampaignSummary = z.object({
  id: z.string(),
  title: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  state: z.enum(campaignStates),
  audience: z.object({ kind: z.string(), circleId: z.nullable(z.string()) }),
  /** How many people were asked, and how many answered at least one indicator. */
  respondents: z.number(),
  answered: z.number(),
  /** Whether the caller was asked to answer, and how many indicators they rated. */
  asked: z.boolean(),
  myAnswers: z.number(),
  sheetDocumentId: z.string(),
});
export type CampaignSummary = z.infer<typeof CampaignSummary>;
export const CampaignList = z.array(CampaignSummary);

export const MarkerLevel = z.object({
  marker: z.enum(godinMarkers),
  level: z.nullable(z.enum(maturities)),
});
export type MarkerLevel = z.infer<typeof MarkerLevel>;

export const CampaignView = z.extend(CampaignSummary, {
  indicators: z.array(z.object({ id: z.string(), objective, label: z.string() })),
  markers: z.array(MarkerLevel),
});
export type CampaignView = z.infer<typeof CampaignView>;

export const MarkerBody = z.object({
  level: z.nullable(
    z.enum(maturities, { error: `Niveau inconnu : choisissez ${maturities.join(", ")}.` }),
  ),
});

// ---------- Answers (each person's own) ----------

export const evidenceKinds = ["document", "card", "finding", "decision"] as const;

/** A link to something in the workspace that supports an answer. */
export const Evidence = z.object({
  kind: z.enum(evidenceKinds, { error: `Type de preuve inconnu : ${evidenceKinds.join(", ")}.` }),
  /** The document that holds it (for a document itself, its own id). */
  documentId: id,
  /** The item within it (a card, a finding) when there is one. */
  itemId: z.optional(id),
  label: line(200, "Nommez la preuve."),
});
export type Evidence = z.infer<typeof Evidence>;

/** Saved as typed: a field left out keeps its stored value. */
export const AnswerBody = z.object({
  importance: z.optional(rating),
  standing: z.optional(rating),
  comment: z.optional(text(2000)),
  evidence: z.optional(z.array(Evidence).check(z.maxLength(10, "10 preuves au plus."))),
});
export type AnswerBody = z.infer<typeof AnswerBody>;

export const MyAnswer = z.object({
  indicatorId: z.string(),
  importance: z.nullable(z.number()),
  standing: z.nullable(z.number()),
  comment: z.string(),
  evidence: z.array(Evidence),
  updatedAt: z.number(),
});
export type MyAnswer = z.infer<typeof MyAnswer>;
export const MyAnswers = z.array(MyAnswer);

// ---------- Results (aggregates only) ----------

const Figure = z.object({
  count: z.number(),
  mean: z.nullable(z.number()),
  spread: z.nullable(z.number()),
});
const Pair = { importance: Figure, standing: Figure };
export const ObjectiveFigures = z.array(z.object({ objective, ...Pair }));
export type ObjectiveFigures = z.infer<typeof ObjectiveFigures>;
const IndicatorFigures = z.array(z.object({ indicatorId: z.string(), ...Pair }));

const Group = z.object({
  key: z.string(),
  label: z.string(),
  respondents: z.number(),
  objectives: ObjectiveFigures,
});

export const CampaignResults = z.object({
  campaignId: z.string(),
  state: z.enum(campaignStates),
  respondents: z.number(),
  answered: z.number(),
  threshold: z.number(),
  indicators: IndicatorFigures,
  objectives: ObjectiveFigures,
  priorities: z.array(
    z.object({
      indicatorId: z.string(),
      importance: z.number(),
      standing: z.number(),
      gap: z.number(),
    }),
  ),
  byCircle: z.array(Group),
  byStructureKind: z.array(Group),
  /** The pôle's campaign closed before this one, for arrows and the radar's second shape. */
  previous: z.nullable(
    z.object({
      id: z.string(),
      title: z.string(),
      indicators: IndicatorFigures,
      objectives: ObjectiveFigures,
    }),
  ),
});
export type CampaignResults = z.infer<typeof CampaignResults>;
