/**
 * What search finds, as entries: a document's title and each top-level block of its rich
 * text (read from its live Y.Doc, synchronously), a registry row, a card. Pure: storing is
 * server/search/index.ts's job.
 */
import * as Y from "yjs";
import type { SearchKind } from "../../shared/api/search";
import { titleField } from "../../shared/diagnostic/fields";
import { tableLabels } from "../../shared/diagnostic/labels";
import type { DiagnosticTable } from "../../shared/diagnostic/vocabularies";
import { BODY, type DocumentKind } from "../../shared/documents";
import { withoutMarkers } from "./fts-query";

/** One findable thing, within its source (`key` is unique there and stable across edits). */
export interface SearchEntry {
  key: string;
  kind: SearchKind;
  entryId: string;
  /** Shown as the hit's title. */
  label: string;
  /** Where it lives, in words. */
  context: string;
  /** Query parameters that open its page at it. */
  anchor: string;
  /** Indexed and weighted above the body. */
  heading: string;
  body: string;
}

/** A document as search sees it: enough to label its entries. */
export interface IndexedDocument {
  id: string;
  kind: DocumentKind;
  title: string;
}

/** Blocks longer than this are cut: a snippet needs the words, not a whole chapter. */
const BLOCK_MAX = 20_000;

const clean = (text: string) => withoutMarkers(text).replace(/\s+/g, " ").trim();

function plainText(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as Array<{ insert: unknown }>)
      .map((op) => (typeof op.insert === "string" ? op.insert : ""))
      .join("");
  }
  if (node instanceof Y.XmlElement) return node.toArray().map(plainText).join(" ");
  return "";
}

/** The rich text's top-level blocks; `p=N` opens the document at the N-th. */
function paragraphs(doc: Y.Doc, document: IndexedDocument): SearchEntry[] {
  const entries: SearchEntry[] = [];
  doc
    .getXmlFragment(BODY)
    .toArray()
    .forEach((node, index) => {
      const text = clean(plainText(node)).slice(0, BLOCK_MAX);
      if (!text) return;
      entries.push({
        key: `p:${index}`,
        kind: "paragraph",
        entryId: `${document.id}:p${index}`,
        label: document.title,
        context: document.title,
        anchor: `p=${index}`,
        heading: "",
        body: text,
      });
    });
  return entries;
}

/** Every string of a value (a field, a list of tags), for the text of an entry. */
export const texts = (value: unknown): string[] => {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(texts);
  return [];
};

/** A registry row of the diagnostic: its title is the heading, its other fields the text. */
export function rowEntry(
  document: IndexedDocument,
  row: { table: DiagnosticTable; id: string; title: string; fields: Record<string, unknown> },
): SearchEntry {
  const titleKey = titleField(row.table);
  const body = Object.entries(row.fields)
    .filter(([field]) => field !== "id" && field !== titleKey)
    .flatMap(([, value]) => texts(value))
    .join(" ");
  const heading = clean(row.title);
  return {
    key: `row:${row.table}:${row.id}`,
    kind: "row",
    entryId: row.id,
    label: heading || tableLabels[row.table],
    context: `${document.title} — ${tableLabels[row.table]}`,
    anchor: `registry=${row.table}&row=${encodeURIComponent(row.id)}`,
    heading,
    body: clean(body),
  };
}

/** A board's card: its title, summary, carrying structures and funders. */
export function cardEntry(
  document: IndexedDocument,
  card: { id: string; title: string; texts: readonly string[] },
): SearchEntry {
  return {
    key: `card:${card.id}`,
    kind: "card",
    entryId: card.id,
    label: card.title || "—",
    context: document.title,
    anchor: `card=${encodeURIComponent(card.id)}`,
    heading: clean(card.title),
    body: clean(card.texts.join(" ")),
  };
}

/**
 * What search finds in any document: its title and its rich text. The kinds with a read
 * projection add their rows and cards from what the projection extracted (server/projections).
 */
export function documentEntries(doc: Y.Doc, document: IndexedDocument): SearchEntry[] {
  return [
    {
      key: "title",
      kind: "document",
      entryId: document.id,
      label: document.title,
      context: document.title,
      anchor: "",
      heading: clean(document.title),
      body: "",
    },
    ...paragraphs(doc, document),
  ];
}
