/** Word (.docx) with the `docx` library: headings, lists, tables and links kept. */
import {
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Block, Run } from "./blocks";

const HEADINGS = {
  1: HeadingLevel.TITLE,
  2: HeadingLevel.HEADING_1,
  3: HeadingLevel.HEADING_2,
  4: HeadingLevel.HEADING_3,
} as const;

function children(runs: readonly Run[], size?: number): ParagraphChild[] {
  return runs.map((run) => {
    if (run.lineBreak) return new TextRun({ text: "", break: 1 });
    const text = new TextRun({
      text: run.text,
      bold: run.bold,
      italics: run.italic,
      strike: run.strike,
      underline: run.underline ? {} : undefined,
      font: run.code ? "Courier New" : undefined,
      style: run.href ? "Hyperlink" : undefined,
      size,
    });
    return run.href ? new ExternalHyperlink({ link: run.href, children: [text] }) : text;
  });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: "8A877D" };

function paragraphs(item: Block, depth = 0): Array<Paragraph | Table> {
  switch (item.type) {
    case "heading":
      return [new Paragraph({ heading: HEADINGS[item.level], children: children(item.runs) })];
    case "paragraph":
      return [
        new Paragraph({
          children: item.muted
            ? item.runs.map(
                (run) => new TextRun({ text: run.text, italics: true, color: "56585C" }),
              )
            : children(item.runs),
        }),
      ];
    case "list":
      return item.items.flatMap((blocks) =>
        blocks.flatMap((inner, at) => {
          if (inner.type === "list") return paragraphs(inner, depth + 1);
          const runs = inner.type === "paragraph" || inner.type === "heading" ? inner.runs : [];
          const marker =
            at > 0
              ? { indent: { left: 720 * (depth + 1) } }
              : item.ordered
                ? { numbering: { reference: "ordered", level: Math.min(depth, 8) } }
                : { bullet: { level: Math.min(depth, 8) } };
          return [new Paragraph({ children: children(runs), ...marker })];
        }),
      );
    case "quote":
      return item.blocks.flatMap((inner) => paragraphs(inner, depth));
    case "code":
      return item.text
        .split("\n")
        .map(
          (line) => new Paragraph({ children: [new TextRun({ text: line, font: "Courier New" })] }),
        );
    case "rule":
      return [new Paragraph({ border: { bottom: border }, children: [] })];
    case "table": {
      const width = Math.max(1, ...item.rows.map((row) => row.length));
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: item.rows.map(
            (row, index) =>
              new TableRow({
                tableHeader: item.header && index === 0,
                children: Array.from(
                  { length: width },
                  (_, i) =>
                    new TableCell({
                      shading:
                        item.header && index === 0
                          ? { type: ShadingType.CLEAR, fill: "F0EFE9", color: "auto" }
                          : undefined,
                      borders: { top: border, bottom: border, left: border, right: border },
                      children: [
                        new Paragraph({
                          children: children(
                            (row[i] ?? []).map((run) =>
                              item.header && index === 0 ? { ...run, bold: true } : run,
                            ),
                            18,
                          ),
                        }),
                      ],
                    }),
                ),
              }),
          ),
        }),
        new Paragraph({ children: [] }),
      ];
    }
  }
}

export async function toDocx(title: string, blocks: readonly Block[]): Promise<Uint8Array> {
  const document = new Document({
    title,
    creator: "Maillage",
    styles: { default: { document: { run: { font: "Calibri", size: 22 } } } },
    numbering: {
      config: [
        {
          reference: "ordered",
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [{ children: blocks.flatMap((item) => paragraphs(item)) }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

export const docxMime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
