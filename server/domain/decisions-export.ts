/** The decision log as a file: ODT, DOCX, printable HTML or CSV, with the log's filters. */
import { type DecisionLogQuery, decisionLogFormats } from "../../shared/api/decisions";
import type { Ctx } from "./context";
import { listDecisions } from "./decisions";
import { DomainError } from "./errors";
import type { ExportedFile } from "./exports";
import { decisionLogBlocks, decisionLogCsv } from "./exports/decision-log";
import { blocksFile } from "./exports/file";

type DecisionLogFormat = (typeof decisionLogFormats)[number];

const isFormat = (value: string): value is DecisionLogFormat =>
  (decisionLogFormats as readonly string[]).includes(value);

export async function exportDecisionLog(
  ctx: Ctx,
  actorId: string,
  input: { poleId: string; format: string } & DecisionLogQuery,
  now = new Date(),
): Promise<ExportedFile> {
  const { format, ...filters } = input;
  const decisions = await listDecisions(ctx, actorId, filters);
  if (!isFormat(format)) {
    throw new DomainError(
      "invalid_input",
      `Format d'export inconnu : choisissez ${decisionLogFormats.join(", ")}.`,
    );
  }
  const baseName = `releve-de-decisions-${now.toISOString().slice(0, 10)}`;
  if (format === "csv") {
    return {
      body: decisionLogCsv(decisions),
      contentType: "text/csv; charset=utf-8",
      fileName: `${baseName}.csv`,
    };
  }
  const pole = await ctx.db
    .selectFrom("poles")
    .select("name")
    .where("id", "=", input.poleId)
    .executeTakeFirstOrThrow();
  const title = `Relevé de décisions — ${pole.name}`;
  const blocks = decisionLogBlocks(pole.name, decisions, now);
  return blocksFile(format, { title, blocks, baseName });
}
