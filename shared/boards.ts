/**
 * Project boards (DOMAIN.md, "Projects"): the stages, carrier modes and funding vocabulary,
 * the validation of money and FTE, and the one function that totals a portfolio. Server
 * (projection, portfolio, exports) and client (board, portfolio page) both use these.
 */
import { z } from "zod";
import type { PortfolioProject, PortfolioTotals } from "./api/boards";

/** The default columns of a new board: the life of a project, then its two side exits. */
export const defaultStages = [
  { id: "idee", title: "Idée" },
  { id: "opportunite", title: "Étude d'opportunité" },
  { id: "faisabilite", title: "Faisabilité" },
  { id: "experimentation", title: "Expérimentation" },
  { id: "lancement", title: "Lancement" },
  { id: "consolidation", title: "Consolidation" },
  { id: "autonome", title: "Autonome / essaimé" },
  { id: "pause", title: "En pause" },
  { id: "abandon", title: "Abandonné" },
] as const;

/** Porté par le pôle, par un ou plusieurs membres, par une structure ad hoc. */
export const carrierModes = ["pole", "members", "adhoc"] as const;
export type CarrierMode = (typeof carrierModes)[number];

export const fundingSchemes = [
  "regional",
  "national_ami",
  "departement",
  "local_authority",
  "eu",
  "sales",
  "membership",
  "sponsorship",
  "other",
] as const;
export type FundingScheme = (typeof fundingSchemes)[number];

/** Sollicité, accordé, versé: a line moves forward through these as the funder answers. */
export const fundingStates = ["requested", "granted", "received"] as const;
export type FundingState = (typeof fundingStates)[number];

export const MAX_AMOUNT = 1_000_000_000;
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

const text = (max: number) => z.string().trim().max(max);
const id = z.string().min(1).max(100);

/** Euros, cents allowed; never negative. */
export const Amount = z
  .number({ error: "Le montant doit être un nombre." })
  .finite("Le montant doit être un nombre.")
  .min(0, "Un montant ne peut pas être négatif.")
  .max(MAX_AMOUNT, "Montant trop élevé.")
  .refine((value) => Number.isInteger(Math.round(value * 100 * 1e6) / 1e6), {
    message: "Un montant a au plus deux décimales (centimes).",
  });

/** Full-time equivalents (ETP), to one decimal. */
export const Fte = z
  .number({ error: "Les ETP doivent être un nombre." })
  .finite("Les ETP doivent être un nombre.")
  .min(0, "Un nombre d'ETP ne peut pas être négatif.")
  .max(100_000, "Nombre d'ETP trop élevé.")
  .refine((value) => Math.abs(value * 10 - Math.round(value * 10)) < 1e-9, {
    message: "Les ETP s'écrivent avec une décimale au plus (ex. 2,5).",
  });

export const Year = z
  .number({ error: "L'année doit être un nombre." })
  .int("L'année est un nombre entier.")
  .min(MIN_YEAR, `L'année est au plus tôt ${MIN_YEAR}.`)
  .max(MAX_YEAR, `L'année est au plus tard ${MAX_YEAR}.`);

/** YYYY-MM-DD, as an <input type="date"> gives it. */
export const IsoDate = z.iso.date("Date invalide (AAAA-MM-JJ).");

export const FundingLine = z.object({
  id,
  funder: text(200).min(1, "Le financeur est requis."),
  scheme: z.enum(fundingSchemes),
  amount: Amount,
  state: z.enum(fundingStates),
  year: Year,
  /** The date of the last step (request sent, decision, payment), when known. */
  date: IsoDate.optional(),
});
export type FundingLine = z.infer<typeof FundingLine>;

export const Milestone = z.object({
  id,
  title: text(200).min(1, "L'intitulé du jalon est requis."),
  date: IsoDate,
  done: z.boolean().default(false),
});
export type Milestone = z.infer<typeof Milestone>;

export const Column = z.object({ id, title: text(120).min(1, "Le nom de la colonne est requis.") });
export type Column = z.infer<typeof Column>;

/**
 * A card as the projection and the portfolio read it. Lists of plain strings (carriers,
 * contacts, needs, tags, labels) are kept short; the rich description lives in the card's
 * own project document.
 */
export const Card = z.object({
  id,
  title: text(200).min(1, "Le titre du projet est requis."),
  columnId: id,
  order: z.string().min(1).max(200),
  summary: text(2000).default(""),
  carrierMode: z.enum(carrierModes).default("pole"),
  carriers: z.array(text(200)).max(50).default([]),
  contacts: z.array(text(300)).max(50).default([]),
  needIds: z.array(id).max(100).default([]),
  jobsCreated: Fte.default(0),
  jobsKept: Fte.default(0),
  transitionTags: z.array(text(60)).max(30).default([]),
  transitionText: text(4000).default(""),
  labels: z.array(text(60)).max(30).default([]),
  funding: z.array(FundingLine).max(200).default([]),
  milestones: z.array(Milestone).max(200).default([]),
  projectDocumentId: id.optional(),
  projectCircleId: id.optional(),
  /** The meeting task this card was made from (written by the server). */
  taskId: id.optional(),
  meetingId: id.optional(),
});
export type Card = z.infer<typeof Card>;

export interface MoneyByState extends Record<FundingState, number> {
  key: string;
}

/** What the portfolio page, the CSV export and the funders' report show. */
export interface PortfolioSummary {
  totals: PortfolioTotals;
  byStage: Array<{ columnTitle: string; projects: number; jobsCreated: number; jobsKept: number }>;
  byFunder: MoneyByState[];
  byYear: MoneyByState[];
}

/** Sums of money in cents and FTE in tenths, so that 0.1 + 0.2 stays 0.3. */
const cents = (amount: number) => Math.round(amount * 100);
const tenths = (fte: number) => Math.round(fte * 10);

const emptyStates = (): Record<FundingState, number> => ({ requested: 0, granted: 0, received: 0 });

/**
 * THE totals of a portfolio: every figure shown anywhere comes from here. Each funding line
 * counts once, under its current state (a line that was granted then paid counts as
 * received only), so the three amounts add up to everything ever asked for.
 */
export function summarizePortfolio(projects: readonly PortfolioProject[]): PortfolioSummary {
  let jobsCreated = 0;
  let jobsKept = 0;
  const funding = emptyStates();
  const stages = new Map<string, { projects: number; jobsCreated: number; jobsKept: number }>();
  const funders = new Map<string, Record<FundingState, number>>();
  const years = new Map<string, Record<FundingState, number>>();
  const add = (map: Map<string, Record<FundingState, number>>, key: string) => {
    let entry = map.get(key);
    if (!entry) {
      entry = emptyStates();
      map.set(key, entry);
    }
    return entry;
  };
  for (const project of projects) {
    jobsCreated += tenths(project.jobsCreated);
    jobsKept += tenths(project.jobsKept);
    const stage = stages.get(project.columnTitle) ?? { projects: 0, jobsCreated: 0, jobsKept: 0 };
    stage.projects++;
    stage.jobsCreated += tenths(project.jobsCreated);
    stage.jobsKept += tenths(project.jobsKept);
    stages.set(project.columnTitle, stage);
    for (const line of project.funding) {
      const amount = cents(line.amount);
      funding[line.state] += amount;
      add(funders, line.funder.trim() || "—")[line.state] += amount;
      add(years, String(line.year))[line.state] += amount;
    }
  }
  const euros = (states: Record<FundingState, number>) => ({
    requested: states.requested / 100,
    granted: states.granted / 100,
    received: states.received / 100,
  });
  const rows = (map: Map<string, Record<FundingState, number>>) =>
    Array.from(map, ([key, states]) => ({ key, ...euros(states) }));
  return {
    totals: {
      projects: projects.length,
      jobsCreated: jobsCreated / 10,
      jobsKept: jobsKept / 10,
      funding: euros(funding),
    },
    byStage: Array.from(stages, ([columnTitle, stage]) => ({
      columnTitle,
      projects: stage.projects,
      jobsCreated: stage.jobsCreated / 10,
      jobsKept: stage.jobsKept / 10,
    })),
    byFunder: rows(funders).sort((a, b) => total(b) - total(a) || a.key.localeCompare(b.key, "fr")),
    byYear: rows(years).sort((a, b) => a.key.localeCompare(b.key)),
  };
}

const total = (row: Record<FundingState, number>) => row.requested + row.granted + row.received;

/** FTE as typed ("2,5" or "2.5") → a number rounded to one decimal, or null if not one. */
export function parseFte(input: string): number | null {
  const value = Number(input.trim().replace(",", "."));
  if (input.trim() === "" || !Number.isFinite(value)) return null;
  return Math.round(value * 10) / 10;
}

/** Euros as typed ("12 500,50", "12500.5") → a number, or null if not one. */
export function parseAmount(input: string): number | null {
  const compact = input.replace(/[\s\u00a0\u202f€]/g, "").replace(",", ".");
  const value = Number(compact);
  if (compact === "" || !Number.isFinite(value)) return null;
  return value;
}
