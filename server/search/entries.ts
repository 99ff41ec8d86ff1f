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

/** One findable thing. */
export interface SearchEntry {
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

/**
 * An entry as a refresh sees it: `key` is unique in its source and stable across edits,
 * `version` changes whenever its content does, and `build` is called only when it did, so
 * a refresh of a large document builds the one row that changed.
 */
export interface VersionedEntry {
  key: string;
  version: string;
  build(): SearchEntry;
}

/** An entry whose content is its own version: small ones, already built. */
export const built = (key: string, entry: SearchEntry): VersionedEntry => ({
  key,
  version: JSON.stringify(entry),
  build: () => entry,
});

/** A document as search sees it: enough to label its entries. */
export interface IndexedDocument {
  id: string;
  kind: DocumentKind;
  title: string;
}

/** Blocks longer than this are cut: a snippet needs the words, not a whole chapter. */
const BLOCK_MAX = 20_000;

/** Text as indexed: one line, without the snippet's markers (they must be FTS5's alone). */
export const clean = (text: string) => withoutMarkers(text).replace(/\s+/g, " ").trim();

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
function paragraphs(doc: Y.Doc, document: IndexedDocument): VersionedEntry[] {
  const entries: VersionedEntry[] = [];
  doc
    .getXmlFragment(BODY)
    .toArray()
    .forEach((node, index) => {
      const text = clean(plainText(node)).slice(0, BLOCK_MAX);
      if (!text) return;
      entries.push(
        built(`p:${index}`, {
          kind: "paragraph",
          entryId: `${document.id}:p${index}`,
          label: document.title,
          context: document.title,
          anchor: `p=${index}`,
          heading: "",
          body: text,
        }),
      );
    });
  return entries;
}

/** Every string of a value (a field, a list of tags), for the text of an entry. */
export const texts = (value: unknown): string[] => {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(texts);
  return [];
};

/**
 * A registry row of the diagnostic: its title is the heading, its other fields the text.
 * `data` is the row as the projection stores it (JSON): its version, with the document's title.
 */
export function rowEntry(
  document: IndexedDocument,
  row: {
    table: DiagnosticTable;
    id: string;
    title: string;
    data: string;
    fields: Record<string, unknown>;
  },
): VersionedEntry {
  return {
    key: `row:${row.table}:${row.id}`,
    version: `${document.title}\u0000${row.data}`,
    build() {
      const titleKey = titleField(row.table);
      const body = Object.entries(row.fields)
        .filter(([field]) => field !== "id" && field !== titleKey)
        .flatMap(([, value]) => texts(value))
        .join(" ");
      const heading = clean(row.title);
      return {
        kind: "row",
        entryId: row.id,
        label: heading || tableLabels[row.table],
        context: `${document.title} — ${tableLabels[row.table]}`,
        anchor: `registry=${row.table}&row=${encodeURIComponent(row.id)}`,
        heading,
        body: clean(body),
      };
    },
  };
}

/** A board's card: its title, summary, carrying structures and funders. */
export function cardEntry(
  document: IndexedDocument,
  card: { id: string; title: string; texts: readonly string[] },
): VersionedEntry {
  return {
    key: `card:${card.id}`,
    version: [document.title, card.title, ...card.texts].join("\u0000"),
    build: () => ({
      kind: "card",
      entryId: card.id,
      label: card.title || "—",
      context: document.title,
      anchor: `card=${encodeURIComponent(card.id)}`,
      heading: clean(card.title),
      body: clean(card.texts.join(" ")),
    }),
  };
}

/**
 * What search finds in any document: its title and its rich text. The kinds with a read
 * projection add their rows and cards from what the projection extracted (server/projections).
 */
export function documentEntries(doc: Y.Doc, document: IndexedDocument): VersionedEntry[] {
  return [
    built("title", {
      kind: "document",
      entryId: document.id,
      label: document.title,
      context: document.title,
      anchor: "",
      heading: clean(document.title),
      body: "",
    }),
    ...paragraphs(doc, document),
  ];
}
