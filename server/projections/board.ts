/**
 * The SQL copy of a board's cards, funding lines and milestones, rewritten whole each
 * time the board is stored: the portfolio and its exports read it without loading any
 * Y.Doc. Values are read through shared/board-doc.ts, so a bad value typed through some
 * client (a negative amount) is left out here exactly as the board leaves it out.
 */
import type { Insertable } from "kysely";
import type * as Y from "yjs";
import { groupByColumn, readCards, readColumns } from "../../shared/board-doc";
import type { Database } from "../db/schema";
import { cardEntry } from "../search/entries";
import type { Projector } from "./index";

/** A row as inserted, less the board and pôle that every row of one board shares. */
type Projected<Table extends keyof Database> = Omit<
  Insertable<Database[Table]>,
  "board_id" | "pole_id"
>;

interface ExtractedBoard {
  cards: Array<Projected<"board_cards">>;
  funding: Array<Projected<"board_card_funding">>;
  milestones: Array<Projected<"board_card_milestones">>;
  needs: Array<Projected<"board_card_needs">>;
  /** What search finds on each card: summary, carrying structures, funders. */
  texts: Array<{ id: string; title: string; texts: string[] }>;
}

/** SQLite caps bound values per statement; rows are inserted in slices well under it. */
const SLICE = 200;

function slices<T>(rows: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < rows.length; i += SLICE) result.push(rows.slice(i, i + SLICE));
  return result;
}

export const boardProjector: Projector<ExtractedBoard> = {
  extract(doc: Y.Doc): ExtractedBoard {
    const columns = readColumns(doc);
    const groups = groupByColumn(columns, readCards(doc));
    const extracted: ExtractedBoard = {
      cards: [],
      funding: [],
      milestones: [],
      needs: [],
      texts: [],
    };
    columns.forEach((column, columnPosition) => {
      (groups.get(column.id) ?? []).forEach((card, position) => {
        extracted.texts.push({
          id: card.id,
          title: card.title,
          texts: [card.summary, ...card.carriers, ...card.funding.map((line) => line.funder)],
        });
        extracted.cards.push({
          card_id: card.id,
          title: card.title,
          column_id: column.id,
          column_title: column.title,
          column_position: columnPosition,
          position,
          carrier_mode: card.carrierMode,
          jobs_created: card.jobsCreated,
          jobs_kept: card.jobsKept,
        });
        card.funding.forEach((line, linePosition) => {
          extracted.funding.push({
            card_id: card.id,
            line_id: line.id,
            position: linePosition,
            funder: line.funder,
            scheme: line.scheme,
            amount_cents: Math.round(line.amount * 100),
            state: line.state,
            year: line.year,
          });
        });
        for (const needId of new Set(card.needIds)) {
          extracted.needs.push({ card_id: card.id, need_id: needId });
        }
        for (const milestone of card.milestones) {
          extracted.milestones.push({
            card_id: card.id,
            milestone_id: milestone.id,
            title: milestone.title,
            date: milestone.date,
            done: milestone.done ? 1 : 0,
          });
        }
      });
    });
    // A line or milestone id repeated by a buggy client must not break the whole refresh.
    const unique = <T>(rows: T[], key: (row: T) => string) => {
      const seen = new Set<string>();
      return rows.filter((row) => !seen.has(key(row)) && seen.add(key(row)));
    };
    extracted.funding = unique(extracted.funding, (row) => `${row.card_id}/${row.line_id}`);
    extracted.milestones = unique(
      extracted.milestones,
      (row) => `${row.card_id}/${row.milestone_id}`,
    );
    return extracted;
  },

  entries(document, extracted) {
    return extracted.texts.map((card) => cardEntry(document, card));
  },

  async store(db, document, extracted) {
    const scope = { board_id: document.id, pole_id: document.pole_id };
    await db.transaction().execute(async (trx) => {
      for (const table of [
        "board_cards",
        "board_card_funding",
        "board_card_milestones",
        "board_card_needs",
      ] as const) {
        await trx.deleteFrom(table).where("board_id", "=", document.id).execute();
      }
      for (const rows of slices(extracted.cards)) {
        await trx
          .insertInto("board_cards")
          .values(rows.map((row) => ({ ...scope, ...row })))
          .execute();
      }
      for (const rows of slices(extracted.funding)) {
        await trx
          .insertInto("board_card_funding")
          .values(rows.map((row) => ({ ...scope, ...row })))
          .execute();
      }
      for (const rows of slices(extracted.needs)) {
        await trx
          .insertInto("board_card_needs")
          .values(rows.map((row) => ({ ...scope, ...row })))
          .execute();
      }
      for (const rows of slices(extracted.milestones)) {
        await trx
          .insertInto("board_card_milestones")
          .values(rows.map((row) => ({ ...scope, ...row })))
          .execute();
      }
    });
  },
};
