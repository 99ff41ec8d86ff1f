/**
 * Exports of a document (CONTRACT.md): its rich text — and for the diagnostic its tables —
 * as Markdown, printable HTML, ODT or DOCX; one diagnostic table as CSV. Read from the
 * stored Y.Doc, so an export reflects every edit the server has received.
 */
import { tableLabels } from "../../../shared/diagnostic/labels";
import { readDiagnostic } from "../../../shared/diagnostic/reading";
import {
  type DiagnosticTable,
  diagnosticTables,
  isDiagnosticTable,
} from "../../../shared/diagnostic/vocabularies";
import { isOneOf } from "../../../shared/one-of";
import { createKyselyStore, loadDoc } from "../../storage";
import type { Ctx } from "../context";
import { openDocument } from "../documents";
import { DomainError } from "../errors";
import { slugify } from "../ids";
import { toCsv } from "./csv";
import { blocksFile, isBlocksFormat } from "./file";
import { toMarkdown } from "./markdown";
import { exportModel, lookupsOf } from "./model";

export const exportFormats = ["md", "html", "odt", "docx", "csv"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportedFile {
  body: string | Uint8Array;
  contentType: string;
  fileName: string;
}

const isFormat = (value: string): value is ExportFormat => isOneOf(exportFormats, value);

export async function exportDocument(
  ctx: Ctx,
  userId: string,
  {
    documentId,
    format,
    registry,
  }: { documentId: string; format: string; registry: string | undefined },
): Promise<ExportedFile> {
  const { db } = ctx;
  // Any reader may export: openDocument answers 404 to outsiders, 403 without access.
  const detail = await openDocument(ctx, userId, { documentId });
  if (!isFormat(format)) {
    throw new DomainError(
      "invalid_input",
      `Format d'export inconnu : choisissez ${exportFormats.join(", ")}.`,
    );
  }
  let table: DiagnosticTable | null = null;
  if (format === "csv") {
    if (detail.kind !== "diagnostic") {
      throw new DomainError("invalid_input", "L'export CSV concerne les registres du diagnostic.");
    }
    if (!registry || !isDiagnosticTable(registry)) {
      throw new DomainError(
        "invalid_input",
        `Précisez le registre à exporter (?registry=) parmi : ${diagnosticTables.join(", ")}.`,
      );
    }
    table = registry;
  }
  const document = await db
    .selectFrom("documents")
    .selectAll()
    .where("id", "=", documentId)
    .executeTakeFirstOrThrow();
  const pole = await db
    .selectFrom("poles")
    .select("name")
    .where("id", "=", document.pole_id)
    .executeTakeFirstOrThrow();
  const [doc, lookups] = await Promise.all([
    loadDoc(createKyselyStore(db), documentId),
    lookupsOf(db, document.pole_id),
  ]);
  try {
    const base = slugify(document.title) || "document";
    if (table) {
      return {
        body: toCsv(readDiagnostic(doc), table, lookups),
        contentType: "text/csv; charset=utf-8",
        fileName: `${base}-${slugify(tableLabels[table])}.csv`,
      };
    }
    const model = exportModel(document, pole.name, doc, lookups);
    const title = `${model.title} — ${model.poleName}`;
    if (isBlocksFormat(format)) {
      return await blocksFile(format, { title, blocks: model.blocks, baseName: base });
    }
    return {
      body: toMarkdown(model.blocks),
      contentType: "text/markdown; charset=utf-8",
      fileName: `${base}.md`,
    };
  } finally {
    doc.destroy();
  }
}
