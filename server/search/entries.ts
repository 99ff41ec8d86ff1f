/**
 * What a document holds that search finds, read from its live Y.Doc (synchronously, like
 * the projections): its title, each top-level block of its rich text, and for a diagnostic
 * its registry rows, for a board its cards. Pure: storing is server/search/index.ts's job.
 */
import * as Y from "yjs";
import type { SearchKind } from "../../shared/api/search";
import { readCards } from "../../shared/board-doc";
import { titleField } from "../../shared/diagnostic/fields";
import { tableLabels } from "../../shared/diagnostic/labels";
import { readDiagnostic } from "../../shared/diagnostic/reading";
import { diagnosticTables } from "../../shared/diagnostic/vocabularies";
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

const texts = (value: unknown): string[] => {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(texts);
  return [];
};

/** Every row of every registry, valid or malformed: a malformed row is still someone's words. */
function registryRows(doc: Y.Doc, document: IndexedDocument): SearchEntry[] {
  const content = readDiagnostic(doc);
  return diagnosticTables.flatMap((table) => {
    const title = titleField(table);
    const rows: Array<Record<string, unknown>> = [
      ...content[table].rows,
      ...content[table].malformed.map((row) => ({ ...row.raw, id: row.id })),
    ];
    return rows.flatMap((row) => {
      const id = typeof row.id === "string" ? row.id : null;
      if (!id) return [];
      const heading = clean(texts(row[title]).join(" "));
      const body = Object.entries(row)
        .filter(([field]) => field !== "id" && field !== title)
        .flatMap(([, value]) => texts(value))
        .join(" ");
      return [
        {
          key: `row:${table}:${id}`,
          kind: "row" as const,
          entryId: id,
          label: heading || tableLabels[table],
          context: `${document.title} — ${tableLabels[table]}`,
          anchor: `registry=${table}&row=${encodeURIComponent(id)}`,
          heading,
          body: clean(body),
        },
      ];
    });
  });
}

/** A card's title, summary, carrying structures and funders. */
function cards(doc: Y.Doc, document: IndexedDocument): SearchEntry[] {
  return readCards(doc).map((card) => ({
    key: `card:${card.id}`,
    kind: "card" as const,
    entryId: card.id,
    label: card.title || "—",
    context: document.title,
    anchor: `card=${encodeURIComponent(card.id)}`,
    heading: clean(card.title),
    body: clean(
      [card.summary, ...card.carriers, ...card.funding.map((line) => line.funder)].join(" "),
    ),
  }));
}

const byKind: Partial<
  Record<DocumentKind, (doc: Y.Doc, document: IndexedDocument) => SearchEntry[]>
> = {
  diagnostic: registryRows,
  board: cards,
};

/** Everything search finds in one document. */
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
    ...(byKind[document.kind]?.(doc, document) ?? []),
  ];
}
