/**
 * The neutral model every export format renders: blocks of inline runs, read from the
 * ProseMirror JSON of a document's rich text. One model keeps Markdown, HTML, ODT and
 * DOCX saying the same thing.
 */
import { MENTION_NODE } from "../../../shared/notifications";

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  underline?: boolean;
  code?: boolean;
  /** Only http(s) and mailto links survive: an export never carries a script URL. */
  href?: string;
  lineBreak?: boolean;
}

export type Block =
  | { type: "heading"; level: 1 | 2 | 3 | 4; runs: Run[] }
  | { type: "paragraph"; runs: Run[]; muted?: boolean }
  | { type: "list"; ordered: boolean; items: Block[][] }
  | { type: "quote"; blocks: Block[] }
  | { type: "code"; text: string }
  | { type: "rule" }
  | { type: "table"; header: boolean; rows: Run[][][] };

interface PmNode {
  type?: unknown;
  attrs?: Record<string, unknown>;
  content?: unknown;
  text?: unknown;
  marks?: unknown;
}

const isNode = (value: unknown): value is PmNode => typeof value === "object" && value !== null;
const children = (node: PmNode): PmNode[] =>
  Array.isArray(node.content) ? node.content.filter(isNode) : [];

export const plain = (text: string): Run[] => [{ text }];

export function safeHref(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  try {
    const url = new URL(value);
    return ["http:", "https:", "mailto:"].includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function runs(node: PmNode): Run[] {
  const out: Run[] = [];
  for (const child of children(node)) {
    if (child.type === "hardBreak") {
      out.push({ text: "", lineBreak: true });
      continue;
    }
    // A mention reads as the editor shows it: @ and the person's name.
    if (child.type === MENTION_NODE) {
      const label = child.attrs?.label;
      if (typeof label === "string") out.push({ text: `@${label}` });
      continue;
    }
    if (typeof child.text !== "string") {
      out.push(...runs(child));
      continue;
    }
    const run: Run = { text: child.text };
    for (const mark of Array.isArray(child.marks) ? child.marks.filter(isNode) : []) {
      if (mark.type === "bold") run.bold = true;
      else if (mark.type === "italic") run.italic = true;
      else if (mark.type === "strike") run.strike = true;
      else if (mark.type === "underline") run.underline = true;
      else if (mark.type === "code") run.code = true;
      else if (mark.type === "link") run.href = safeHref(mark.attrs?.href);
    }
    out.push(run);
  }
  return out;
}

export const runsText = (list: readonly Run[]) =>
  list.map((run) => (run.lineBreak ? "\n" : run.text)).join("");

function headingLevel(value: unknown): 1 | 2 | 3 | 4 {
  const level = typeof value === "number" ? value : Number(value);
  return level === 1 || level === 2 || level === 3 ? level : 4;
}

/** Blocks of a ProseMirror JSON document; unknown nodes keep their text as paragraphs. */
export function blocksOf(node: PmNode): Block[] {
  const blocks: Block[] = [];
  for (const child of children(node)) {
    switch (child.type) {
      case "heading":
        blocks.push({
          type: "heading",
          level: headingLevel(child.attrs?.level),
          runs: runs(child),
        });
        break;
      case "paragraph":
        blocks.push({ type: "paragraph", runs: runs(child) });
        break;
      case "bulletList":
      case "orderedList":
      case "taskList":
        blocks.push({
          type: "list",
          ordered: child.type === "orderedList",
          items: children(child).map((item) => blocksOf(item)),
        });
        break;
      case "blockquote":
        blocks.push({ type: "quote", blocks: blocksOf(child) });
        break;
      case "codeBlock":
        blocks.push({ type: "code", text: runsText(runs(child)) });
        break;
      case "horizontalRule":
        blocks.push({ type: "rule" });
        break;
      case "table": {
        const rows = children(child).map((row) =>
          children(row).map((cell) => {
            const inner = blocksOf(cell);
            return inner.flatMap((block, index) => [
              ...(index > 0 ? [{ text: "", lineBreak: true }] : []),
              ...(block.type === "paragraph" || block.type === "heading"
                ? block.runs
                : plain(blocksText([block]))),
            ]);
          }),
        );
        const first = children(child)[0];
        const header = first ? children(first).every((cell) => cell.type === "tableHeader") : false;
        blocks.push({ type: "table", header, rows });
        break;
      }
      default: {
        const text = runsText(runs(child));
        if (text) blocks.push({ type: "paragraph", runs: plain(text) });
        else blocks.push(...blocksOf(child));
      }
    }
  }
  return blocks;
}

/** The plain text of blocks, one line per block. */
export function blocksText(blocks: readonly Block[]): string {
  return blocks
    .map((block) => {
      switch (block.type) {
        case "heading":
        case "paragraph":
          return runsText(block.runs);
        case "list":
          return block.items.map((item) => `- ${blocksText(item)}`).join("\n");
        case "quote":
          return blocksText(block.blocks);
        case "code":
          return block.text;
        case "rule":
          return "";
        case "table":
          return block.rows.map((row) => row.map(runsText).join(" | ")).join("\n");
        default:
          return "";
      }
    })
    .join("\n");
}
