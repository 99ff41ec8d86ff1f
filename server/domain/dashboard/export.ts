/** The funders' report as a file: printable HTML, ODT or DOCX. */

import type { Ctx } from "../context";
import { DomainError } from "../errors";
import type { ExportedFile } from "../exports";
import { blocksFile, blocksFormats, isBlocksFormat } from "../exports/file";
import { slugify } from "../ids";
import { readCampaign } from "../maturity/campaigns";
import { campaignResults } from "../maturity/results";
import { loadDashboard } from "./figures";
import { funderReportBlocks } from "./report";

const longDate = (on: string) =>
  new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${on}T12:00:00Z`),
  );

export async function exportFunderReport(
  ctx: Ctx,
  actorId: string,
  { poleId, format, on }: { poleId: string; format: string; on: string },
): Promise<ExportedFile> {
  const dashboard = await loadDashboard(ctx, actorId, { poleId, on });
  if (!isBlocksFormat(format)) {
    throw new DomainError(
      "invalid_input",
      `Format inconnu : choisissez ${blocksFormats.join(", ")}.`,
    );
  }
  const latest = dashboard.maturity;
  const maturity = latest?.objectives
    ? {
        results: await campaignResults(ctx, actorId, { campaignId: latest.campaign.id, on }),
        indicators: (await readCampaign(ctx, actorId, { campaignId: latest.campaign.id, on }))
          .indicators,
      }
    : null;
  return blocksFile(format, {
    title: `Rapport d'activité — ${dashboard.pole.name}`,
    blocks: funderReportBlocks(dashboard, maturity, longDate(on)),
    baseName: `rapport-activite-${slugify(dashboard.pole.name)}-${on}`,
  });
}
