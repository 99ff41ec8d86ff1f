/**
 * The campaign behind a request and the person asking, as the rules in
 * shared/maturity/rules.ts take them. Outsiders of the pôle get 404, as for every resource.
 */
import type { Indicator } from "../../../shared/maturity/referentiel";
import { type CampaignState, campaignState } from "../../../shared/maturity/rules";
import type { Member } from "../../../shared/permissions";
import type { DB } from "../../db/database";
import { serialize } from "../../db/dialect";
import type { MaturityCampaignsTable } from "../../db/schema";
import { notFound } from "../errors";
import { loadMember } from "../members";

/** Today's date in UTC (YYYY-MM-DD), the calendar campaigns open and close in. */
export const today = () => new Date().toISOString().slice(0, 10);

export interface OpenedCampaign {
  row: MaturityCampaignsTable;
  member: Member;
  state: CampaignState;
  indicators: Indicator[];
}

export async function loadCampaign(
  db: DB,
  { campaignId, userId, on }: { campaignId: string; userId: string; on: string },
): Promise<OpenedCampaign> {
  const row = await db
    .selectFrom("maturity_campaigns")
    .selectAll()
    .where("id", "=", campaignId)
    .executeTakeFirst();
  const member = row ? await loadMember(db, { poleId: row.pole_id, userId }) : null;
  if (!row || !member) throw notFound("Campagne");
  return {
    row,
    member,
    state: stateOf(row, on),
    indicators: JSON.parse(row.indicators) as Indicator[],
  };
}

export const stateOf = (
  row: Pick<MaturityCampaignsTable, "opens_on" | "closes_on" | "closed_at">,
  on: string,
) => campaignState({ opensOn: row.opens_on, closesOn: row.closes_on, closedAt: row.closed_at }, on);

/**
 * The closing of a campaign and the answers saved to it, one at a time (across instances
 * too): an answer is saved before the closing or refused after it.
 */
export const lockCampaign = (trx: DB, campaignId: string) =>
  serialize(trx, `campaign:${campaignId}`);
