/** One model of blocks written as a file: printable HTML, ODT or DOCX. */
import type { ExportedFile } from ".";
import type { Block } from "./blocks";
import { docxMime, toDocx } from "./docx";
import { toHtml } from "./html";
import { odtMime, toOdt } from "./odt";

export const blocksFormats = ["html", "odt", "docx"] as const;
export type BlocksFormat = (typeof blocksFormats)[number];

export const isBlocksFormat = (value: string): value is BlocksFormat =>
  (blocksFormats as readonly string[]).includes(value);

export async function blocksFile(
  format: BlocksFormat,
  { title, blocks, baseName }: { title: string; blocks: readonly Block[]; baseName: string },
): Promise<ExportedFile> {
  const fileName = `${baseName}.${format}`;
  switch (format) {
    case "html":
      return { body: toHtml(title, blocks), contentType: "text/html; charset=utf-8", fileName };
    case "odt":
      return { body: toOdt(title, blocks), contentType: odtMime, fileName };
    case "docx":
      return { body: await toDocx(title, blocks), contentType: docxMime, fileName };
  }
}
