/**
 * The pôle's dashboard: where it stands, from what the workspace already holds. Defined
 * once: the server's answer satisfies it, the client parses with it.
 */
import { z } from "zod/mini";
import { actionLogics, formalisationLevels, maturities, poleKinds } from "../collective";
import { circleKinds, poleRoles } from "../permissions";
import { CampaignSummary, MarkerLevel, ObjectiveFigures } from "./maturity";

const Count = z.object({ key: z.string(), count: z.number() });
export type Count = z.infer<typeof Count>;

const Money = z.object({
  key: z.string(),
  requested: z.number(),
  granted: z.number(),
  received: z.number(),
});

export const Dashboard = z.object({
  pole: z.object({
    name: z.string(),
    kind: z.nullable(z.enum(poleKinds)),
    territory: z.string(),
    actionLogics: z.array(z.enum(actionLogics)),
    maturity: z.nullable(z.enum(maturities)),
    formalisation: z.nullable(z.enum(formalisationLevels)),
    carryingStructure: z.string(),
  }),
  members: z.object({
    total: z.number(),
    byRole: z.array(z.object({ key: z.enum(poleRoles), count: z.number() })),
  }),
  structures: z.object({ total: z.number(), byKind: z.array(Count) }),
  /** Per quarter ("2026-T4"), how many members and structures the pôle had at its end. */
  growth: z.array(z.object({ quarter: z.string(), members: z.number(), structures: z.number() })),
  circles: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(circleKinds),
      members: z.number(),
      /** Seated people who acted in the workspace in the last 90 days. */
      active: z.number(),
    }),
  ),
  activeDays: z.number(),
  diagnostic: z.nullable(
    z.object({
      met: z.number(),
      total: z.number(),
      criteria: z.array(
        z.object({ key: z.string(), count: z.number(), target: z.number(), met: z.boolean() }),
      ),
    }),
  ),
  projects: z.object({
    total: z.number(),
    byStage: z.array(Count),
  }),
  jobs: z.object({ created: z.number(), kept: z.number() }),
  funding: z.object({
    totals: z.object({ requested: z.number(), granted: z.number(), received: z.number() }),
    byFunder: z.array(Money),
    byYear: z.array(Money),
  }),
  /** Decisions adopted and meetings held (closed) per quarter with at least one of them. */
  governance: z.array(
    z.object({ quarter: z.string(), decisions: z.number(), meetings: z.number() }),
  ),
  maturity: z.nullable(
    z.object({
      campaign: CampaignSummary,
      /** Null while the caller may not read the campaign's results. */
      objectives: z.nullable(ObjectiveFigures),
      markers: z.array(MarkerLevel),
    }),
  ),
});
export type Dashboard = z.infer<typeof Dashboard>;
