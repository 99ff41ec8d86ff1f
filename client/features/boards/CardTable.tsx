/** The same cards as a table: sortable by any column, filtered by text and stage. */
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Card, summarizePortfolio } from "../../../shared/boards";
import { SelectField, TextField } from "../../ui/kit";
import { formatEuros, formatFte } from "./format";
import type { BoardState } from "./useBoard";
import "./strings";

type SortKey =
  | "title"
  | "stage"
  | "carrier"
  | "jobsCreated"
  | "jobsKept"
  | "requested"
  | "granted"
  | "received";

interface Row {
  card: Card;
  stage: string;
  stageIndex: number;
  money: { requested: number; granted: number; received: number };
}

export function CardTable({ board, onOpen }: { board: BoardState; onOpen(cardId: string): void }) {
  const { t, i18n } = useTranslation("boards");
  const [query, setQuery] = useState("");
  const [stage, setStage] = useState("");
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({
    key: "stage",
    ascending: true,
  });

  const rows = useMemo<Row[]>(() => {
    const result: Row[] = [];
    board.columns.forEach((column, stageIndex) => {
      for (const card of board.groups.get(column.id) ?? []) {
        const { funding } = summarizePortfolio([
          {
            id: card.id,
            title: card.title,
            boardId: "",
            circleId: null,
            columnTitle: column.title,
            jobsCreated: card.jobsCreated,
            jobsKept: card.jobsKept,
            funding: card.funding,
          },
        ]).totals;
        result.push({ card, stage: column.title, stageIndex, money: funding });
      }
    });
    return result;
  }, [board]);

  const shown = useMemo(() => {
    const needle = query.trim().toLocaleLowerCase(i18n.language);
    const filtered = rows.filter(
      (row) =>
        (!stage || row.card.columnId === stage) &&
        (!needle ||
          [row.card.title, row.card.summary, ...row.card.labels, ...row.card.carriers]
            .join(" ")
            .toLocaleLowerCase(i18n.language)
            .includes(needle)),
    );
    const value = (row: Row): string | number => {
      switch (sort.key) {
        case "title":
          return row.card.title;
        case "stage":
          return row.stageIndex;
        case "carrier":
          return t(`carrierModes.${row.card.carrierMode}`);
        case "jobsCreated":
          return row.card.jobsCreated;
        case "jobsKept":
          return row.card.jobsKept;
        default:
          return row.money[sort.key];
      }
    };
    const direction = sort.ascending ? 1 : -1;
    return filtered.sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const compared =
        typeof x === "number" && typeof y === "number"
          ? x - y
          : String(x).localeCompare(String(y), i18n.language);
      return compared * direction || a.card.title.localeCompare(b.card.title, i18n.language);
    });
  }, [rows, query, stage, sort, i18n.language, t]);

  const headers: Array<{ key: SortKey; label: string; numeric?: boolean }> = [
    { key: "title", label: t("table.project") },
    { key: "stage", label: t("table.stage") },
    { key: "carrier", label: t("table.carrier") },
    { key: "jobsCreated", label: t("table.jobsCreated"), numeric: true },
    { key: "jobsKept", label: t("table.jobsKept"), numeric: true },
    { key: "requested", label: t("table.requested"), numeric: true },
    { key: "granted", label: t("table.granted"), numeric: true },
    { key: "received", label: t("table.received"), numeric: true },
  ];

  return (
    <div className="card-table">
      <div className="form__row card-table__filters">
        <TextField
          label={t("table.filter")}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <SelectField
          label={t("table.filterStage")}
          value={stage}
          onChange={(event) => setStage(event.target.value)}
        >
          <option value="">{t("table.allStages")}</option>
          {board.columns.map((column) => (
            <option key={column.id} value={column.id}>
              {column.title}
            </option>
          ))}
        </SelectField>
      </div>
      <section
        className="table-scroll"
        aria-label={t("table.caption", { count: shown.length })}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users scroll a wide table
        tabIndex={0}
      >
        <table className="data-table">
          <caption className="visually-hidden">
            {t("table.caption", { count: shown.length })}
          </caption>
          <thead>
            <tr>
              {headers.map((header) => {
                const current = sort.key === header.key;
                return (
                  <th
                    key={header.key}
                    scope="col"
                    className={header.numeric ? "numeric" : undefined}
                    aria-sort={current ? (sort.ascending ? "ascending" : "descending") : undefined}
                  >
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() =>
                        setSort({
                          key: header.key,
                          ascending: current ? !sort.ascending : true,
                        })
                      }
                    >
                      {header.label}
                      <span aria-hidden="true" className="sort-button__arrow">
                        {current ? (sort.ascending ? "▲" : "▼") : ""}
                      </span>
                    </button>
                  </th>
                );
              })}
              <th scope="col">{t("table.labels")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.card.id}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => onOpen(row.card.id)}>
                    {row.card.title}
                  </button>
                </th>
                <td>{row.stage}</td>
                <td>{t(`carrierModes.${row.card.carrierMode}`)}</td>
                <td className="numeric">{formatFte(row.card.jobsCreated, i18n.language)}</td>
                <td className="numeric">{formatFte(row.card.jobsKept, i18n.language)}</td>
                <td className="numeric">{formatEuros(row.money.requested, i18n.language)}</td>
                <td className="numeric">{formatEuros(row.money.granted, i18n.language)}</td>
                <td className="numeric">{formatEuros(row.money.received, i18n.language)}</td>
                <td>{row.card.labels.join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {shown.length === 0 ? <p className="muted">{t("table.none")}</p> : null}
    </div>
  );
}
