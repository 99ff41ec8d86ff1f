/** The decision log as a file: ODT, DOCX, printable HTML or CSV, with the log's filters. */
import { type DecisionLogQuery, decisionLogFormats } from "../../shared/api/decisions";
import type { Ctx } from "./context";
import { listDecisions } from "./decisions";
import { DomainError } from "./errors";
import type { ExportedFile } from "./exports";
import { decisionLogBlocks, decisionLogCsv } from "./exports/decision-log";
import { docxMime, toDocx } from "./exports/docx";
import { toHtml } from "./exports/html";
import { odtMime, toOdt } from "./exports/odt";

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
  const fileName = `releve-de-decisions-${now.toISOString().slice(0, 10)}.${format}`;
  if (format === "csv") {
    return { body: decisionLogCsv(decisions), contentType: "text/csv; charset=utf-8", fileName };
  }
  const pole = await ctx.db
    .selectFrom("poles")
    .select("name")
    .where("id", "=", input.poleId)
    .executeTakeFirstOrThrow();
  const title = `Relevé de décisions — ${pole.name}`;
  const blocks = decisionLogBlocks(pole.name, decisions, now);
  switch (format) {
    case "html":
      return { body: toHtml(title, blocks), contentType: "text/html; charset=utf-8", fileName };
    case "odt":
      return { body: toOdt(title, blocks), contentType: odtMime, fileName };
    case "docx":
      return { body: await toDocx(title, blocks), contentType: docxMime, fileName };
  }
}
