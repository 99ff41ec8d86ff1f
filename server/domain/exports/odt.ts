/** OpenDocument Text: content, styles, meta and manifest in a zip (fflate), mimetype first. */
import { strToU8, zipSync } from "fflate";
import type { Block, Run } from "./blocks";
import { escapeHtml as escapeXml } from "./html";

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
  'office:version="1.3"',
].join(" ");

const MIME = "application/vnd.oasis.opendocument.text";

/** Text styles a run may need, nested as spans (ODF allows nesting). */
const RUN_STYLES: Array<[keyof Run, string, string]> = [
  ["bold", "Tbold", '<style:text-properties fo:font-weight="bold"/>'],
  ["italic", "Titalic", '<style:text-properties fo:font-style="italic"/>'],
  [
    "strike",
    "Tstrike",
    '<style:text-properties style:text-line-through-style="solid" style:text-line-through-type="single"/>',
  ],
  [
    "underline",
    "Tunderline",
    '<style:text-properties style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/>',
  ],
  [
    "code",
    "Tcode",
    '<style:text-properties style:font-name="Monospace" fo:font-family="monospace"/>',
  ],
];

/** Spaces runs collapse in ODF: keep them with text:s. */
const text = (value: string) =>
  escapeXml(value)
    .replace(/\t/g, "<text:tab/>")
    .replace(/ {2,}/g, (spaces) => ` <text:s text:c="${spaces.length - 1}"/>`);

function inline(runs: readonly Run[]): string {
  return runs
    .map((run) => {
      if (run.lineBreak) return "<text:line-break/>";
      let xml = text(run.text);
      for (const [flag, name] of RUN_STYLES) {
        if (run[flag]) xml = `<text:span text:style-name="${name}">${xml}</text:span>`;
      }
      if (run.href)
        xml = `<text:a xlink:type="simple" xlink:href="${escapeXml(run.href)}">${xml}</text:a>`;
      return xml;
    })
    .join("");
}

let tables = 0;

function block(item: Block): string {
  switch (item.type) {
    case "heading":
      return `<text:h text:style-name="Heading_20_${item.level}" text:outline-level="${item.level}">${inline(item.runs)}</text:h>`;
    case "paragraph":
      return `<text:p text:style-name="${item.muted ? "Muted" : "Text_20_body"}">${inline(item.runs)}</text:p>`;
    case "list":
      return `<text:list text:style-name="${item.ordered ? "Numbering" : "Bullets"}">${item.items
        .map(
          (blocks) =>
            `<text:list-item>${blocks.map(block).join("") || "<text:p/>"}</text:list-item>`,
        )
        .join("")}</text:list>`;
    case "quote":
      return item.blocks
        .map(block)
        .join("")
        .replace(/Text_20_body/g, "Quotations");
    case "code":
      return item.text
        .split("\n")
        .map((line) => `<text:p text:style-name="Preformatted_20_Text">${text(line)}</text:p>`)
        .join("");
    case "rule":
      return '<text:p text:style-name="Horizontal_20_Line"/>';
    case "table": {
      const width = Math.max(1, ...item.rows.map((row) => row.length));
      const row = (cells: Run[][], header: boolean) =>
        `<table:table-row>${Array.from(
          { length: width },
          (_, i) =>
            `<table:table-cell table:style-name="Cell" office:value-type="string"><text:p text:style-name="${header ? "Table_20_Heading" : "Table_20_Contents"}">${inline(cells[i] ?? [])}</text:p></table:table-cell>`,
        ).join("")}</table:table-row>`;
      const [head, ...rest] = item.header ? item.rows : [null, ...item.rows];
      tables++;
      return `<table:table table:name="Tableau${tables}" table:style-name="Table"><table:table-column table:number-columns-repeated="${width}"/>${
        head ? `<table:table-header-rows>${row(head, true)}</table:table-header-rows>` : ""
      }${rest.map((cells) => (cells ? row(cells, false) : "")).join("")}</table:table>`;
    }
  }
}

const paragraphStyle = (name: string, display: string, properties: string, parent = "Standard") =>
  `<style:style style:name="${name}" style:display-name="${display}" style:family="paragraph" style:parent-style-name="${parent}">${properties}</style:style>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ${NS}>
<office:font-face-decls xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"><style:font-face style:name="Monospace" svg:font-family="monospace" style:font-family-generic="modern"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties fo:font-size="11pt" fo:language="fr" fo:country="FR"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
${paragraphStyle("Text_20_body", "Text body", '<style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.2cm"/>')}
${paragraphStyle("Muted", "Muted", '<style:paragraph-properties fo:margin-bottom="0.3cm"/><style:text-properties fo:color="#56585c" fo:font-style="italic"/>')}
${paragraphStyle("Quotations", "Quotations", '<style:paragraph-properties fo:margin-left="0.8cm"/><style:text-properties fo:color="#56585c"/>')}
${paragraphStyle("Preformatted_20_Text", "Preformatted Text", '<style:text-properties style:font-name="Monospace" fo:font-size="10pt"/>')}
${paragraphStyle("Horizontal_20_Line", "Horizontal Line", '<style:paragraph-properties fo:border-bottom="0.5pt solid #8a877d" fo:margin-bottom="0.3cm"/>')}
${paragraphStyle("Table_20_Contents", "Table Contents", '<style:text-properties fo:font-size="9pt"/>')}
${paragraphStyle("Table_20_Heading", "Table Heading", '<style:text-properties fo:font-size="9pt" fo:font-weight="bold"/>')}
${[1, 2, 3, 4]
  .map((level) =>
    paragraphStyle(
      `Heading_20_${level}`,
      `Heading ${level}`,
      `<style:paragraph-properties fo:margin-top="${level === 1 ? 0 : 0.5}cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="${[20, 16, 13, 11.5][level - 1]}pt" fo:font-weight="bold" fo:color="#0f5f5c"/>`,
    ),
  )
  .join("\n")}
<text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.4cm" fo:margin-left="0.8cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
<text:list-style style:name="Numbering"><text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.5cm" fo:margin-left="0.9cm"/></style:list-level-properties></text:list-level-style-number></text:list-style>
</office:styles>
</office:document-styles>`;

const AUTOMATIC = `<office:automatic-styles>
${RUN_STYLES.map(([, name, properties]) => `<style:style style:name="${name}" style:family="text">${properties}</style:style>`).join("\n")}
<style:style style:name="Table" style:family="table"><style:table-properties style:width="17cm" table:align="margins"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #8a877d"/></style:style>
</office:automatic-styles>`;

export function toOdt(title: string, blocks: readonly Block[]): Uint8Array {
  tables = 0;
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${NS}>
${AUTOMATIC}
<office:body><office:text>${blocks.map(block).join("\n")}</office:text></office:body>
</office:document-content>`;
  const meta = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta ${NS}><office:meta><dc:title>${escapeXml(title)}</dc:title><dc:language>fr-FR</dc:language><meta:generator>Maillage</meta:generator></office:meta></office:document-meta>`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${MIME}"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>`;
  // The mimetype entry must come first and be stored uncompressed (ODF 1.3, part 2, 3.3).
  return zipSync({
    mimetype: [strToU8(MIME), { level: 0 }],
    "META-INF/manifest.xml": strToU8(manifest),
    "content.xml": strToU8(content),
    "styles.xml": strToU8(STYLES),
    "meta.xml": strToU8(meta),
  });
}

export const odtMime = MIME;
