/**
 * A board's Y.Doc (CONTRACT.md, "Document schemas"): `Y.Array "columns"` of Y.Map {id, title}
 * and `Y.Map "cards"` of id → Y.Map. Reading tolerates anything a client may have written
 * (the server projects what it reads, the client renders it); writing goes through the
 * operations below so that every editor (browser, tests, benchmark) writes the same shape.
 *
 * Order within a column is a fractional index (`order`), ties broken by card id: two
 * people moving cards at the same time converge to the same board, and since cards are
 * keyed by id in one map, a card can never be lost or duplicated by a move.
 */
import { generateKeyBetween } from "fractional-indexing";
import { uuidv4 } from "lib0/random";
import * as Y from "yjs";
import {
  Card,
  type CarrierMode,
  type Column,
  carrierModes,
  defaultStages,
  Fte,
  FundingLine,
  fundingSchemes,
  Milestone,
} from "./boards";
import { boardTypes } from "./documents";
import { isOneOf } from "./one-of";

export const newBoardId = () => uuidv4();

export const columnsOf = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>(boardTypes.columns);
export const cardsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(boardTypes.cards);

/** The list fields of a card that hold Y.Maps, edited item by item. */
export type ItemList = "funding" | "milestones";
/** The list fields of a card that hold plain strings, replaced as a whole. */
export type StringList = "carriers" | "contacts" | "needIds" | "transitionTags" | "labels";

const stringLists: readonly StringList[] = [
  "carriers",
  "contacts",
  "needIds",
  "transitionTags",
  "labels",
];

function columnMap(column: Column): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set("id", column.id);
  map.set("title", column.title);
  return map;
}

/** Adds the default stages to a board that has no column yet. */
export function seedColumns(doc: Y.Doc): void {
  const columns = columnsOf(doc);
  if (columns.length > 0) return;
  doc.transact(() => columns.push(defaultStages.map((stage) => columnMap({ ...stage }))));
}

/** The state a new board document starts from: the default stages, no card. */
export function boardInitialState(): Uint8Array {
  const doc = new Y.Doc();
  seedColumns(doc);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

const str = (value: unknown) => (typeof value === "string" ? value : "");

/** The columns in order; a column inserted twice by concurrent reorders shows once. */
export function readColumns(doc: Y.Doc): Column[] {
  const seen = new Set<string>();
  const result: Column[] = [];
  for (const map of columnsOf(doc)) {
    if (!(map instanceof Y.Map)) continue;
    const id = str(map.get("id"));
    if (!id || seen.has(id)) continue;
    seen.add(id);
    result.push({ id, title: str(map.get("title")) || "—" });
  }
  return result;
}

function plainItems(value: unknown): unknown[] {
  if (!(value instanceof Y.Array)) return [];
  return value.toArray().map((item) => (item instanceof Y.Map ? item.toJSON() : item));
}

function strings(value: unknown): string[] {
  const list = value instanceof Y.Array ? value.toArray() : value;
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === "string") : [];
}

function fte(value: unknown): number {
  const parsed = Fte.safeParse(value);
  return parsed.success ? parsed.data : 0;
}

/**
 * A funding line, or null when it cannot be counted (no funder, a negative amount…). A
 * scheme this version does not know (another client's, a later version's) reads as
 * `other`: the money still counts in the portfolio and the funders' report.
 */
function readFundingLine(item: unknown): FundingLine | null {
  if (typeof item !== "object" || item === null) return null;
  const { scheme } = item as { scheme?: unknown };
  const line = FundingLine.safeParse({
    ...item,
    scheme: isOneOf(fundingSchemes, scheme) ? scheme : "other",
  });
  return line.success ? line.data : null;
}

/**
 * A card as the rest of the code sees it. Fields are checked one by one, so that one bad
 * value (a negative amount typed through another client) drops that value, not the card.
 */
export function readCard(id: string, map: Y.Map<unknown>): Card {
  const mode = map.get("carrierMode");
  const card = {
    id,
    title: str(map.get("title")).trim().slice(0, 200) || "Sans titre",
    columnId: str(map.get("columnId")) || "-",
    order: str(map.get("order")) || "a0",
    summary: str(map.get("summary")).slice(0, 2000),
    carrierMode: carrierModes.includes(mode as CarrierMode) ? (mode as CarrierMode) : "pole",
    jobsCreated: fte(map.get("jobsCreated")),
    jobsKept: fte(map.get("jobsKept")),
    transitionText: str(map.get("transitionText")).slice(0, 4000),
    funding: plainItems(map.get("funding")).flatMap((item) => readFundingLine(item) ?? []),
    milestones: plainItems(map.get("milestones")).flatMap((item) => {
      const milestone = Milestone.safeParse(item);
      return milestone.success ? [milestone.data] : [];
    }),
    projectDocumentId: str(map.get("projectDocumentId")) || undefined,
    projectCircleId: str(map.get("projectCircleId")) || undefined,
    taskId: str(map.get("taskId")) || undefined,
    meetingId: str(map.get("meetingId")) || undefined,
    ...Object.fromEntries(stringLists.map((key) => [key, strings(map.get(key)).slice(0, 100)])),
  };
  const parsed = Card.safeParse(card);
  // Only over-long list items can still fail here: keep the card, drop its lists.
  return parsed.success
    ? parsed.data
    : Card.parse({ ...card, ...Object.fromEntries(stringLists.map((key) => [key, []])) });
}

export function readCards(doc: Y.Doc): Card[] {
  const result: Card[] = [];
  for (const [id, map] of cardsOf(doc)) if (map instanceof Y.Map) result.push(readCard(id, map));
  return result;
}

export const byOrder = (a: Pick<Card, "order" | "id">, b: Pick<Card, "order" | "id">) =>
  a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Cards grouped by column, each column in order. A card whose column was removed (by
 * someone else at the same time) shows in the first column rather than disappearing.
 */
export function groupByColumn(
  columns: readonly Column[],
  cards: readonly Card[],
): Map<string, Card[]> {
  const groups = new Map<string, Card[]>(columns.map((column) => [column.id, []]));
  const fallback = columns[0]?.id;
  for (const card of cards) {
    const list = groups.get(card.columnId) ?? (fallback ? groups.get(fallback) : undefined);
    list?.push(card);
  }
  for (const list of groups.values()) list.sort(byOrder);
  return groups;
}

/** The column a card shows in (see groupByColumn). */
export function effectiveColumn(columns: readonly Column[], card: Card): string | undefined {
  return columns.some((column) => column.id === card.columnId) ? card.columnId : columns[0]?.id;
}

/**
 * The order keys of one column's cards, sorted, read straight from the Y.Maps: a move
 * on a board of hundreds of cards must not re-validate every card.
 */
function columnKeys(
  doc: Y.Doc,
  columnId: string,
  except?: string,
): Array<Pick<Card, "order" | "id">> {
  const columns = readColumns(doc);
  const known = new Set(columns.map((column) => column.id));
  const fallback = columns[0]?.id;
  const keys: Array<Pick<Card, "order" | "id">> = [];
  for (const [id, map] of cardsOf(doc)) {
    if (id === except || !(map instanceof Y.Map)) continue;
    const column = str(map.get("columnId"));
    if ((known.has(column) ? column : fallback) === columnId) {
      keys.push({ id, order: str(map.get("order")) || "a0" });
    }
  }
  return keys.sort(byOrder);
}

/** An order key that sorts between the neighbours of `index` in `list` (in order, card excluded). */
export function orderAt(list: ReadonlyArray<Pick<Card, "order">>, index: number): string {
  const at = Math.max(0, Math.min(index, list.length));
  const lower = at > 0 ? list[at - 1].order : null;
  let upper: string | null = at < list.length ? list[at].order : null;
  if (lower !== null && upper !== null && upper <= lower) {
    // Tied keys (two cards dropped at the same place at once): go past the tie.
    upper = list.slice(at).find((card) => card.order > lower)?.order ?? null;
  }
  return generateKeyBetween(lower, upper);
}

function cardMap(doc: Y.Doc, cardId: string): Y.Map<unknown> | undefined {
  const map = cardsOf(doc).get(cardId);
  return map instanceof Y.Map ? map : undefined;
}

/**
 * Moves a card to `index` of a column (its place among the column's other cards). One
 * transaction: the other screens never see the card between two columns.
 */
export function moveCard(doc: Y.Doc, cardId: string, columnId: string, index: number): void {
  const map = cardMap(doc, cardId);
  if (!map) return;
  if (!readColumns(doc).some((column) => column.id === columnId)) return;
  const order = orderAt(columnKeys(doc, columnId, cardId), index);
  doc.transact(() => {
    map.set("columnId", columnId);
    map.set("order", order);
  });
}

/** A new card at the end of a column; answers its id (the given one, when the server names it). */
export function addCard(
  doc: Y.Doc,
  input: { title: string; columnId: string; id?: string },
): string {
  const id = input.id ?? newBoardId();
  const list = columnKeys(doc, input.columnId);
  const map = new Y.Map<unknown>();
  doc.transact(() => {
    cardsOf(doc).set(id, map);
    map.set("id", id);
    map.set("title", input.title);
    map.set("columnId", input.columnId);
    map.set("order", orderAt(list, list.length));
    map.set("carrierMode", "pole");
    map.set("jobsCreated", 0);
    map.set("jobsKept", 0);
    map.set("funding", new Y.Array<Y.Map<unknown>>());
    map.set("milestones", new Y.Array<Y.Map<unknown>>());
  });
  return id;
}

export function removeCard(doc: Y.Doc, cardId: string): void {
  cardsOf(doc).delete(cardId);
}

type ScalarField =
  | "title"
  | "summary"
  | "carrierMode"
  | "jobsCreated"
  | "jobsKept"
  | "transitionText"
  | "projectDocumentId"
  | "projectCircleId";

export function setCardField(
  doc: Y.Doc,
  cardId: string,
  field: ScalarField,
  value: string | number,
): void {
  cardMap(doc, cardId)?.set(field, value);
}

export function setCardList(doc: Y.Doc, cardId: string, field: StringList, value: string[]) {
  cardMap(doc, cardId)?.set(field, value);
}

function itemArray(doc: Y.Doc, cardId: string, list: ItemList): Y.Array<Y.Map<unknown>> | null {
  const map = cardMap(doc, cardId);
  if (!map) return null;
  const current = map.get(list);
  if (current instanceof Y.Array) return current;
  const fresh = new Y.Array<Y.Map<unknown>>();
  map.set(list, fresh);
  return fresh;
}

type Item = Record<string, string | number | boolean | undefined>;

export function addItem(doc: Y.Doc, cardId: string, list: ItemList, item: Item): string {
  const id = newBoardId();
  doc.transact(() => {
    const array = itemArray(doc, cardId, list);
    if (!array) return;
    const map = new Y.Map<unknown>();
    array.push([map]);
    map.set("id", id);
    for (const [key, value] of Object.entries(item)) if (value !== undefined) map.set(key, value);
  });
  return id;
}

function findItem(doc: Y.Doc, cardId: string, list: ItemList, itemId: string) {
  const array = itemArray(doc, cardId, list);
  if (!array) return null;
  const index = array.toArray().findIndex((m) => m instanceof Y.Map && m.get("id") === itemId);
  return index < 0 ? null : { array, index, map: array.get(index) };
}

export function updateItem(
  doc: Y.Doc,
  cardId: string,
  list: ItemList,
  itemId: string,
  patch: Item,
): void {
  doc.transact(() => {
    const found = findItem(doc, cardId, list, itemId);
    if (!found) return;
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) found.map.delete(key);
      else found.map.set(key, value);
    }
  });
}

export function removeItem(doc: Y.Doc, cardId: string, list: ItemList, itemId: string): void {
  doc.transact(() => {
    const found = findItem(doc, cardId, list, itemId);
    found?.array.delete(found.index, 1);
  });
}

export function addColumn(doc: Y.Doc, title: string): string {
  const id = newBoardId();
  columnsOf(doc).push([columnMap({ id, title })]);
  return id;
}

function columnIndex(doc: Y.Doc, columnId: string): number {
  return columnsOf(doc)
    .toArray()
    .findIndex((map) => map instanceof Y.Map && map.get("id") === columnId);
}

export function renameColumn(doc: Y.Doc, columnId: string, title: string): void {
  const index = columnIndex(doc, columnId);
  if (index >= 0) columnsOf(doc).get(index).set("title", title);
}

/** Moves a column to position `to` (among the columns). */
export function moveColumn(doc: Y.Doc, columnId: string, to: number): void {
  const columns = columnsOf(doc);
  const from = columnIndex(doc, columnId);
  if (from < 0 || from === to) return;
  const title = str(columns.get(from).get("title"));
  doc.transact(() => {
    columns.delete(from, 1);
    columns.insert(Math.max(0, Math.min(to, columns.length)), [columnMap({ id: columnId, title })]);
  });
}

/** Removes an empty column; answers false (and changes nothing) when cards are in it. */
export function removeColumn(doc: Y.Doc, columnId: string): boolean {
  if (columnKeys(doc, columnId).length > 0) return false;
  const index = columnIndex(doc, columnId);
  if (index < 0) return false;
  columnsOf(doc).delete(index, 1);
  return true;
}
