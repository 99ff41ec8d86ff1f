import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { PortfolioProject } from "./api/boards";
import {
  addCard,
  addColumn,
  addItem,
  cardsOf,
  groupByColumn,
  moveCard,
  moveColumn,
  orderAt,
  readCards,
  readColumns,
  removeColumn,
  seedColumns,
} from "./board-doc";
import {
  Amount,
  defaultStages,
  Fte,
  FundingLine,
  parseAmount,
  parseFte,
  summarizePortfolio,
} from "./boards";

const project = (over: Partial<PortfolioProject>): PortfolioProject => ({
  id: "p",
  title: "Projet",
  boardId: "b",
  circleId: "c",
  columnTitle: "Idée",
  jobsCreated: 0,
  jobsKept: 0,
  funding: [],
  ...over,
});

describe("summarizePortfolio", () => {
  it("sums jobs and funding per state, per funder and per year, exactly", () => {
    const summary = summarizePortfolio([
      project({
        id: "a",
        columnTitle: "Idée",
        jobsCreated: 0.1,
        jobsKept: 1.5,
        funding: [
          { funder: "Région", amount: 0.1, state: "requested", year: 2026 },
          { funder: "Région", amount: 0.2, state: "requested", year: 2026 },
          { funder: "État (AMI)", amount: 15000, state: "granted", year: 2025 },
        ],
      }),
      project({
        id: "b",
        columnTitle: "Lancement",
        jobsCreated: 0.2,
        jobsKept: 2,
        funding: [
          { funder: "Région", amount: 10000.5, state: "received", year: 2025 },
          { funder: " ", amount: 5, state: "granted", year: 2027 },
        ],
      }),
      project({ id: "c", columnTitle: "Idée" }),
    ]);
    expect(summary.totals).toEqual({
      projects: 3,
      jobsCreated: 0.3,
      jobsKept: 3.5,
      funding: { requested: 0.3, granted: 15005, received: 10000.5 },
    });
    expect(summary.byStage).toEqual([
      { columnTitle: "Idée", projects: 2, jobsCreated: 0.1, jobsKept: 1.5 },
      { columnTitle: "Lancement", projects: 1, jobsCreated: 0.2, jobsKept: 2 },
    ]);
    expect(summary.byFunder).toEqual([
      { key: "État (AMI)", requested: 0, granted: 15000, received: 0 },
      { key: "Région", requested: 0.3, granted: 0, received: 10000.5 },
      { key: "—", requested: 0, granted: 5, received: 0 },
    ]);
    expect(summary.byYear).toEqual([
      { key: "2025", requested: 0, granted: 15000, received: 10000.5 },
      { key: "2026", requested: 0.3, granted: 0, received: 0 },
      { key: "2027", requested: 0, granted: 5, received: 0 },
    ]);
  });

  it("answers zeros for an empty portfolio", () => {
    expect(summarizePortfolio([]).totals).toEqual({
      projects: 0,
      jobsCreated: 0,
      jobsKept: 0,
      funding: { requested: 0, granted: 0, received: 0 },
    });
  });
});

describe("validation of money and FTE", () => {
  it.each([
    [0, true],
    [12.5, true],
    [1234.56, true],
    [-1, false],
    [0.001, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
  ])("amount %s valid: %s", (value, valid) => {
    expect(Amount.safeParse(value).success).toBe(valid);
  });

  it.each([
    [0, true],
    [2.5, true],
    [0.3, true],
    [10, true],
    [-0.5, false],
    [1.25, false],
  ])("FTE %s valid: %s", (value, valid) => {
    expect(Fte.safeParse(value).success).toBe(valid);
  });

  it("refuses a funding line with a negative amount, an unknown state or a bad year", () => {
    const line = {
      id: "l",
      funder: "Région",
      scheme: "regional",
      amount: 100,
      state: "granted",
      year: 2026,
    };
    expect(FundingLine.safeParse(line).success).toBe(true);
    expect(FundingLine.safeParse({ ...line, amount: -5 }).error?.issues[0].message).toBe(
      "Un montant ne peut pas être négatif.",
    );
    expect(FundingLine.safeParse({ ...line, state: "paid" }).success).toBe(false);
    expect(FundingLine.safeParse({ ...line, year: 2026.5 }).success).toBe(false);
    expect(FundingLine.safeParse({ ...line, funder: "  " }).success).toBe(false);
  });

  it("reads numbers as French people type them", () => {
    expect(parseFte("2,5")).toBe(2.5);
    expect(parseFte("1.26")).toBe(1.3);
    expect(parseFte("")).toBeNull();
    expect(parseFte("deux")).toBeNull();
    expect(parseAmount("12 500,50 €")).toBe(12500.5);
    expect(parseAmount("abc")).toBeNull();
  });
});

describe("the board document", () => {
  const board = () => {
    const doc = new Y.Doc();
    seedColumns(doc);
    return doc;
  };

  it("starts with the default stages, in French", () => {
    const doc = board();
    expect(readColumns(doc).map((c) => c.title)).toEqual(defaultStages.map((s) => s.title));
    seedColumns(doc);
    expect(readColumns(doc)).toHaveLength(9);
  });

  it("adds cards at the end of a column and moves them between and within columns", () => {
    const doc = board();
    const [idee, etude] = readColumns(doc);
    const a = addCard(doc, { title: "A", columnId: idee.id });
    const b = addCard(doc, { title: "B", columnId: idee.id });
    const c = addCard(doc, { title: "C", columnId: idee.id });
    const titles = (columnId: string) =>
      (groupByColumn(readColumns(doc), readCards(doc)).get(columnId) ?? []).map((x) => x.title);
    expect(titles(idee.id)).toEqual(["A", "B", "C"]);
    moveCard(doc, c, idee.id, 0);
    expect(titles(idee.id)).toEqual(["C", "A", "B"]);
    moveCard(doc, a, etude.id, 0);
    expect(titles(idee.id)).toEqual(["C", "B"]);
    expect(titles(etude.id)).toEqual(["A"]);
    moveCard(doc, b, etude.id, 1);
    expect(titles(etude.id)).toEqual(["A", "B"]);
  });

  it("places a card after tied keys without throwing", () => {
    const list = [{ order: "a0" }, { order: "a0" }, { order: "a1" }];
    const key = orderAt(list, 1);
    expect(key > "a0" && key < "a1").toBe(true);
  });

  it("keeps cards of a removed column visible and refuses to remove a non-empty column", () => {
    const doc = board();
    const extra = addColumn(doc, "Veille");
    const card = addCard(doc, { title: "X", columnId: extra });
    expect(removeColumn(doc, extra)).toBe(false);
    // Someone else removed the column at the same time: the card falls back to the first.
    const columns = doc.getArray<Y.Map<unknown>>("columns");
    columns.delete(columns.length - 1, 1);
    const groups = groupByColumn(readColumns(doc), readCards(doc));
    expect(groups.get(readColumns(doc)[0].id)?.map((x) => x.id)).toEqual([card]);
    moveColumn(doc, readColumns(doc)[2].id, 0);
    expect(readColumns(doc)[0].title).toBe("Faisabilité");
  });

  it("reads bad values as nothing rather than losing the card", () => {
    const doc = board();
    const id = addCard(doc, { title: "Recyclerie", columnId: "idee" });
    const map = cardsOf(doc).get(id);
    map?.set("jobsCreated", -3);
    map?.set("jobsKept", "beaucoup");
    addItem(doc, id, "funding", {
      funder: "Région",
      scheme: "regional",
      amount: -100,
      state: "granted",
      year: 2026,
    });
    addItem(doc, id, "funding", {
      funder: "Région",
      scheme: "regional",
      amount: 100,
      state: "granted",
      year: 2026,
    });
    const [card] = readCards(doc);
    expect(card).toMatchObject({ title: "Recyclerie", jobsCreated: 0, jobsKept: 0 });
    expect(card.funding.map((line) => line.amount)).toEqual([100]);
  });
});
