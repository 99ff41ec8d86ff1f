/** Markdown (CommonMark with GFM tables). */
import type { Block, Run } from "./blocks";

const escapeText = (text: string) => text.replace(/([\\`*_[\]<>#|~])/g, "\\$1");

function inline(runs: readonly Run[], inTable = false): string {
  return runs
    .map((run) => {
      if (run.lineBreak) return inTable ? "<br>" : "\\\n";
      if (run.text === "") return "";
      let text = run.code ? `\`${run.text.replace(/`/g, "ˋ")}\`` : escapeText(run.text);
      if (inTable) text = text.replace(/\r?\n/g, "<br>");
      if (run.bold) text = `**${text}**`;
      if (run.italic) text = `_${text}_`;
      if (run.strike) text = `~~${text}~~`;
      if (run.href) text = `[${text}](<${run.href.replace(/[<>]/g, encodeURIComponent)}>)`;
      return text;
    })
    .join("");
}

function block(item: Block, indent = ""): string {
  switch (item.type) {
    case "heading":
      return `${"#".repeat(item.level)} ${inline(item.runs)}`;
    case "paragraph": {
      const text = inline(item.runs);
      return item.muted && text ? `_${text}_` : text;
    }
    case "list":
      return item.items
        .map((blocks, index) => {
          const marker = item.ordered ? `${index + 1}. ` : "- ";
          const pad = " ".repeat(marker.length);
          return blocks
            .map((inner, at) => {
              const text = block(inner, indent + pad);
              return at === 0 ? `${indent}${marker}${text}` : `${indent}${pad}${text}`;
            })
            .join("\n");
        })
        .join("\n");
    case "quote":
      return item.blocks
        .map((inner) => block(inner))
        .join("\n\n")
        .split("\n")
        .map((line) => `> ${line}`)
        .join("\n");
    case "code":
      return `\`\`\`\n${item.text.replace(/```/g, "ˋˋˋ")}\n\`\`\``;
    case "rule":
      return "---";
    case "table": {
      if (item.rows.length === 0) return "";
      const width = Math.max(...item.rows.map((row) => row.length));
      const line = (cells: Run[][]) =>
        `| ${Array.from({ length: width }, (_, i) => inline(cells[i] ?? [], true)).join(" | ")} |`;
      const [head, ...rest] = item.header ? item.rows : [Array(width).fill([]), ...item.rows];
      return [line(head), `|${" --- |".repeat(width)}`, ...rest.map(line)].join("\n");
    }
  }
}

export function toMarkdown(blocks: readonly Block[]): string {
  return `${blocks
    .map((item) => block(item))
    .filter((text) => text !== "")
    .join("\n\n")}\n`;
}
