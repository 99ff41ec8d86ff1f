/** A clean, printable HTML page (print to PDF from the browser). */
import type { Block, Run } from "./blocks";

export const escapeHtml = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

function inline(runs: readonly Run[]): string {
  return runs
    .map((run) => {
      if (run.lineBreak) return "<br>";
      let html = escapeHtml(run.text);
      if (run.code) html = `<code>${html}</code>`;
      if (run.bold) html = `<strong>${html}</strong>`;
      if (run.italic) html = `<em>${html}</em>`;
      if (run.strike) html = `<s>${html}</s>`;
      if (run.underline) html = `<u>${html}</u>`;
      if (run.href) html = `<a href="${escapeHtml(run.href)}">${html}</a>`;
      return html;
    })
    .join("");
}

function block(item: Block): string {
  switch (item.type) {
    case "heading":
      return `<h${item.level}>${inline(item.runs)}</h${item.level}>`;
    case "paragraph":
      return item.muted
        ? `<p class="muted">${inline(item.runs)}</p>`
        : `<p>${inline(item.runs)}</p>`;
    case "list": {
      const tag = item.ordered ? "ol" : "ul";
      return `<${tag}>${item.items.map((blocks) => `<li>${blocks.map(block).join("")}</li>`).join("")}</${tag}>`;
    }
    case "quote":
      return `<blockquote>${item.blocks.map(block).join("")}</blockquote>`;
    case "code":
      return `<pre><code>${escapeHtml(item.text)}</code></pre>`;
    case "rule":
      return "<hr>";
    case "table": {
      const [head, ...rest] = item.header ? item.rows : [null, ...item.rows];
      const cells = (row: Run[][], tag: "th" | "td") =>
        `<tr>${row.map((cell) => `<${tag}${tag === "th" ? ' scope="col"' : ""}>${inline(cell)}</${tag}>`).join("")}</tr>`;
      return `<div class="table"><table>${head ? `<thead>${cells(head, "th")}</thead>` : ""}<tbody>${rest
        .map((row) => (row ? cells(row, "td") : ""))
        .join("")}</tbody></table></div>`;
    }
  }
}

const STYLE = `
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1d1f21;max-width:60rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.9rem;margin:0 0 .25rem}h2{font-size:1.4rem;margin:2rem 0 .5rem;border-bottom:1px solid #d9d6cc;padding-bottom:.2rem}
h3{font-size:1.15rem;margin:1.5rem 0 .5rem}.muted{color:#56585c}a{color:#0f5f5c}
table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{border:1px solid #d9d6cc;padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:#f0efe9}.table{overflow-x:auto}blockquote{border-left:3px solid #d9d6cc;margin:0;padding-left:1rem;color:#56585c}
@media print{body{margin:0;max-width:none}.table{overflow:visible}tr{break-inside:avoid}h2,h3{break-after:avoid}}
`;

export function toHtml(title: string, blocks: readonly Block[]): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${blocks.map(block).join("\n")}
</main>
</body>
</html>
`;
}
