/**
 * Exports of a document (CONTRACT.md): its rich text — and for the diagnostic its tables —
 * as Markdown, printable HTML, ODT or DOCX; one diagnostic table as CSV. Read from the
 * stored Y.Doc, so an export reflects every edit the server has received.
 */
import type * as Y from "yjs";
import { tableLabels } from "../../../shared/diagnostic/labels";
import { readDiagnostic } from "../../../shared/diagnostic/reading";
import {
  type DiagnosticTable,
  diagnosticTables,
  isDiagnosticTable,
} from "../../../shared/diagnostic/vocabularies";
import type { DocumentKind } from "../../../shared/documents";
import { isOneOf } from "../../../shared/one-of";
import { createKyselyStore, loadDoc } from "../../storage";
import type { Ctx } from "../context";
import { openDocument } from "../documents";
import { DomainError } from "../errors";
import { slugify } from "../ids";
import type { Block } from "./blocks";
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
  // Any reader may export: openDocument answers 404 to outsiders, 403 without access.
  const detail = await openDocument(ctx, userId, { documentId });
  const doc = await loadDoc(createKyselyStore(ctx.db), documentId);
  try {
    return await renderExport(ctx, { documentId, kind: detail.kind, doc, format, registry });
  } finally {
    doc.destroy();
  }
}

/**
 * The file of one format for a document's content held in `doc` (the stored document, or
 * one of its versions); checks the format and the registry asked for.
 */
export async function renderExport(
  { db }: Ctx,
  input: {
    documentId: string;
    kind: DocumentKind;
    doc: Y.Doc;
    format: string;
    registry: string | undefined;
    /** Added to the file name (a version's number). */
    suffix?: string;
    /** Sections after the text (a meeting's attendance, decisions and tasks). */
    appendix?: readonly Block[];
  },
): Promise<ExportedFile> {
  const { format, registry, doc } = input;
  if (!isFormat(format)) {
    throw new DomainError(
      "invalid_input",
      `Format d'export inconnu : choisissez ${exportFormats.join(", ")}.`,
    );
  }
  let table: DiagnosticTable | null = null;
  if (format === "csv") {
    if (input.kind !== "diagnostic") {
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
    .where("id", "=", input.documentId)
    .executeTakeFirstOrThrow();
  const pole = await db
    .selectFrom("poles")
    .select("name")
    .where("id", "=", document.pole_id)
    .executeTakeFirstOrThrow();
  const lookups = await lookupsOf(db, document.pole_id);
  const base = (slugify(document.title) || "document") + (input.suffix ?? "");
  if (table) {
    return {
      body: toCsv(readDiagnostic(doc), table, lookups),
      contentType: "text/csv; charset=utf-8",
      fileName: `${base}-${slugify(tableLabels[table])}.csv`,
    };
  }
  const model = exportModel(document, pole.name, doc, lookups);
  const title = `${model.title} — ${model.poleName}`;
  const blocks = [...model.blocks, ...(input.appendix ?? [])];
  if (isBlocksFormat(format)) {
    return blocksFile(format, { title, blocks, baseName: base });
  }
  return {
    body: toMarkdown(blocks),
    contentType: "text/markdown; charset=utf-8",
    fileName: `${base}.md`,
  };
}
