/**
 * What an export says, before any format: the title, the pôle and the date, the rich text,
 * and for the diagnostic its completeness and every table.
 */
import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { completeness } from "../../../shared/diagnostic/completeness";
import { completenessLabels, tableLabels } from "../../../shared/diagnostic/labels";
import { type DiagnosticContent, readDiagnostic } from "../../../shared/diagnostic/reading";
import { diagnosticTables } from "../../../shared/diagnostic/vocabularies";
import { BODY } from "../../../shared/documents";
import type { DB } from "../../db/database";
import type { DocumentRow } from "../../db/schema";
import { type Block, blocksOf, plain } from "./blocks";
import { type Lookups, textTable } from "./tables";

export interface ExportModel {
  title: string;
  poleName: string;
  /** "22 novembre 2026". */
  date: string;
  blocks: Block[];
}

const frenchDate = (at: number) =>
  new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" }).format(at);

export async function lookupsOf(db: DB, poleId: string): Promise<Lookups> {
  const circles = await db
    .selectFrom("circles")
    .select(["id", "name"])
    .where("pole_id", "=", poleId)
    .execute();
  const structures = await db
    .selectFrom("structures")
    .select(["id", "name"])
    .where("pole_id", "=", poleId)
    .execute();
  return {
    circles: new Map(circles.map((row) => [row.id, row.name])),
    structures: new Map(structures.map((row) => [row.id, row.name])),
  };
}

function diagnosticBlocks(content: DiagnosticContent, lookups: Lookups): Block[] {
  const measure = completeness(content);
  const blocks: Block[] = [
    { type: "heading", level: 2, runs: plain("Où en est le diagnostic ?") },
    {
      type: "list",
      ordered: false,
      items: measure.criteria.map((criterion) => [
        {
          type: "paragraph",
          runs: plain(
            `${criterion.met ? "✓" : "✗"} ${completenessLabels[criterion.key]} : ${criterion.count} / ${criterion.target}`,
          ),
        },
      ]),
    },
    { type: "heading", level: 2, runs: plain("Registres du diagnostic") },
  ];
  for (const table of diagnosticTables) {
    const text = textTable(content, table, lookups, { withId: false });
    blocks.push({ type: "heading", level: 3, runs: plain(tableLabels[table]) });
    if (text.rows.length === 0) {
      blocks.push({ type: "paragraph", runs: plain("Aucune entrée pour l'instant."), muted: true });
      continue;
    }
    const malformed = text.rows.filter((row) => row.issues).length;
    if (malformed > 0) {
      blocks.push({
        type: "paragraph",
        muted: true,
        runs: plain(
          `Lignes illisibles (écrites par une ancienne version) : ${malformed}, reproduites telles quelles et signalées par « ⚠ ».`,
        ),
      });
    }
    blocks.push({
      type: "table",
      header: true,
      rows: [
        text.columns.map(plain),
        ...text.rows.map((row) =>
          row.cells.map((cell, index) =>
            plain(index === 0 && row.issues ? `⚠ ${cell || "(ligne illisible)"}` : cell),
          ),
        ),
      ],
    });
  }
  return blocks;
}

/** The export of one document, read from its Y.Doc. */
export function exportModel(
  document: DocumentRow,
  poleName: string,
  doc: Y.Doc,
  lookups: Lookups,
  now = Date.now(),
): ExportModel {
  const body = blocksOf(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(BODY)));
  const blocks: Block[] = [{ type: "heading", level: 1, runs: plain(document.title) }];
  blocks.push({
    type: "paragraph",
    muted: true,
    runs: plain(`${poleName} — exporté le ${frenchDate(now)}`),
  });
  blocks.push(...body);
  if (document.kind === "diagnostic")
    blocks.push(...diagnosticBlocks(readDiagnostic(doc), lookups));
  return { title: document.title, poleName, date: frenchDate(now), blocks };
}
