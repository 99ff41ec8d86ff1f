/**
 * Decisions and colleges over HTTP (CONTRACT.md "Governance"): request bodies and answers,
 * defined once. The server validates bodies and checks its answers against these types;
 * the client parses what it receives with the same schemas. zod/mini keeps the client small.
 */
import { z } from "zod/mini";
import { decisionMethods, decisionOutcomes, decisionStates, voteChoices } from "../decisions";
import { circleRoles } from "../permissions";
import { id, line, text } from "./fields";

const fraction = (what: string) =>
  z
    .number({ error: `${what} : un nombre entre 0 et 1.` })
    .check(
      z.gte(0, `${what} : un nombre entre 0 et 1.`),
      z.lte(1, `${what} : un nombre entre 0 et 1.`),
    );

export const OpenDecisionBody = z.object({
  circleId: id,
  title: line(300, "Le titre est requis."),
  text: z.optional(text(20_000)),
  method: z.enum(decisionMethods, {
    error: `Méthode inconnue : choisissez ${decisionMethods.join(", ")}.`,
  }),
  closesAt: z.optional(
    z.nullable(z.iso.datetime({ offset: true, error: "Date de clôture invalide (ISO 8601)." })),
  ),
  quorum: z.optional(fraction("Le quorum")),
  threshold: z.optional(fraction("Le seuil")),
  amendmentId: z.optional(z.nullable(id)),
  /** Beyond the contract: who voted what stays hidden (choices are still counted). */
  anonymous: z.optional(z.boolean()),
});
export type OpenDecisionBody = z.infer<typeof OpenDecisionBody>;

export const VoteBody = z.object({
  choice: z.enum(voteChoices, {
    error: `Choix inconnu : ${voteChoices.join(", ")}.`,
  }),
  reason: z.optional(text(4000)),
});
export type VoteBody = z.infer<typeof VoteBody>;

/** The decision log's export formats: GET /api/poles/:poleId/decisions/export/:format. */
export const decisionLogFormats = ["odt", "docx", "html", "csv"] as const;

const isoDate = z.iso.date("Date invalide (AAAA-MM-JJ).");

/** Filters of the decision log. */
export const DecisionLogQuery = z.object({
  circleId: z.optional(id),
  state: z.optional(z.enum(decisionStates, { error: "État inconnu : open ou closed." })),
  method: z.optional(z.enum(decisionMethods, { error: "Méthode inconnue." })),
  outcome: z.optional(z.enum(decisionOutcomes, { error: "Issue inconnue." })),
  /** Opened on or after / on or before these days (UTC). */
  from: z.optional(isoDate),
  to: z.optional(isoDate),
});
export type DecisionLogQuery = z.infer<typeof DecisionLogQuery>;

export const Tally = z.object({
  electorate: z.number(),
  voted: z.number(),
  for: z.number(),
  against: z.number(),
  abstain: z.number(),
  consent: z.number(),
  objection: z.number(),
});

export const CollegeResult = z.object({
  id: z.string(),
  name: z.string(),
  weight: z.number(),
  for: z.number(),
  against: z.number(),
  abstain: z.number(),
  result: z.nullable(z.number()),
});

const Voter = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.enum(circleRoles),
  collegeId: z.nullable(z.string()),
  voted: z.boolean(),
  /** Absent when the decision is anonymous. */
  choice: z.optional(z.enum(voteChoices)),
});

const Objection = z.object({
  /** Null when the decision is anonymous. */
  name: z.nullable(z.string()),
  reason: z.string(),
});

export const DecisionView = z.object({
  id: z.string(),
  poleId: z.string(),
  circleId: z.string(),
  circleName: z.string(),
  title: z.string(),
  text: z.string(),
  method: z.enum(decisionMethods),
  quorum: z.number(),
  threshold: z.nullable(z.number()),
  anonymous: z.boolean(),
  state: z.enum(decisionStates),
  outcome: z.nullable(z.enum(decisionOutcomes)),
  tally: Tally,
  colleges: z.optional(z.array(CollegeResult)),
  weightedResult: z.optional(z.nullable(z.number())),
  author: z.nullable(z.object({ id: z.string(), name: z.string() })),
  openedAt: z.string(),
  closesAt: z.nullable(z.string()),
  closedAt: z.nullable(z.string()),
  amendmentId: z.nullable(z.string()),
  electorate: z.array(Voter),
  objections: z.array(Objection),
  /** The caller's own latest vote. */
  myVote: z.nullable(z.object({ choice: z.enum(voteChoices), reason: z.string() })),
  canVote: z.boolean(),
  canClose: z.boolean(),
});
export type DecisionView = z.infer<typeof DecisionView>;
export const DecisionLog = z.array(DecisionView);

export const CloseAnswer = z.object({
  outcome: z.enum(decisionOutcomes),
  tally: Tally,
  colleges: z.optional(z.array(CollegeResult)),
  weightedResult: z.optional(z.nullable(z.number())),
});
export type CloseAnswer = z.infer<typeof CloseAnswer>;

export const CollegesBody = z.object({
  colleges: z
    .array(
      z.object({
        id: z.optional(id),
        name: line(120, "Chaque collège a un nom."),
        weight: z.number({ error: "Le poids d'un collège est un pourcentage." }),
      }),
    )
    .check(z.maxLength(20, "20 collèges au plus.")),
  /** Absent: the members keep the college they had, when it still exists. */
  members: z.optional(z.array(z.object({ userId: id, collegeId: id })).check(z.maxLength(10_000))),
});
export type CollegesBody = z.infer<typeof CollegesBody>;

export const CollegesView = z.object({
  colleges: z.array(z.object({ id: z.string(), name: z.string(), weight: z.number() })),
  members: z.array(z.object({ userId: z.string(), collegeId: z.string() })),
  /** The pôle says it votes by colleges (a SCIC): the colleges page is offered. */
  enabled: z.boolean(),
  canEdit: z.boolean(),
});
export type CollegesView = z.infer<typeof CollegesView>;
