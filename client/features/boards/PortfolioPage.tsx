/**
 * `/p/:poleId/portfolio`: every project of the pôle, from the boards' SQL projection.
 * Each chart has its figures beside it in a table, which is what assistive technology
 * reads (the drawing itself is hidden from it); all totals come from summarizePortfolio.
 */
import { useQuery } from "@tanstack/react-query";
import type { ReactElement, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { Portfolio, UpcomingMilestones } from "../../../shared/api/boards";
import { fundingStates, type MoneyByState, summarizePortfolio } from "../../../shared/boards";
import { useMe } from "../../app/session";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { Loading, Notice, useDocumentTitle } from "../../ui/kit";
import { formatDay, formatEuros, formatFte } from "./format";
import "./boards.css";
import "./strings";

const stateColors = { requested: "#8ecae6", granted: "#219ebc", received: "#0f5f5c" } as const;

export function PortfolioPage() {
  const { t, i18n } = useTranslation("boards");
  const { t: tc } = useTranslation();
  const { poleId = "" } = useParams();
  const me = useMe();
  const pole = me.data?.poles.find((item) => item.id === poleId);
  const base = `/api/poles/${encodeURIComponent(poleId)}/portfolio`;
  const portfolio = useQuery({
    queryKey: ["poles", poleId, "portfolio"],
    queryFn: () => api.get(base, Portfolio),
  });
  const milestones = useQuery({
    queryKey: ["poles", poleId, "portfolio", "milestones"],
    queryFn: () => api.get(`${base}/milestones`, UpcomingMilestones),
  });
  useDocumentTitle(t("portfolio.title"));

  if (portfolio.isPending || !me.data) return <Loading />;
  if (portfolio.isError) {
    return (
      <div className="page page--narrow">
        <h1>{t("portfolio.title")}</h1>
        <Notice tone="error">{errorMessage(portfolio.error, tc)}</Notice>
      </div>
    );
  }
  const language = i18n.language;
  const summary = summarizePortfolio(portfolio.data.projects);
  const { totals } = summary;
  const euros = (value: number) => formatEuros(value, language);
  const stateLabel = (state: (typeof fundingStates)[number]) => t(`portfolio.${state}`);

  return (
    <div className="page portfolio">
      <nav aria-label={tc("document.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={`/p/${poleId}`}>{pole?.name ?? t("portfolio.back")}</Link>
          </li>
          <li>
            <span aria-current="page">{t("portfolio.title")}</span>
          </li>
        </ol>
      </nav>
      <div className="page-head">
        <div className="page-head__text">
          <h1>{t("portfolio.title")}</h1>
          <p className="muted">{t("portfolio.intro")}</p>
        </div>
        <ul className="page-head__actions" aria-label={t("portfolio.export")}>
          <li>
            <a className="button button--secondary" href={`${base}/export/csv`} download>
              {t("portfolio.csv")}
            </a>
          </li>
          <li>
            <a
              className="button button--ghost"
              href={`${base}/report`}
              target="_blank"
              rel="noopener"
            >
              {t("portfolio.report")}
            </a>
          </li>
        </ul>
      </div>

      <section aria-labelledby="kpis-title">
        <h2 id="kpis-title">{t("portfolio.kpis")}</h2>
        <dl className="kpis">
          <Kpi label={t("portfolio.projects")} value={String(totals.projects)} />
          <Kpi label={t("portfolio.jobsCreated")} value={formatFte(totals.jobsCreated, language)} />
          <Kpi label={t("portfolio.jobsKept")} value={formatFte(totals.jobsKept, language)} />
          {fundingStates.map((state) => (
            <Kpi key={state} label={stateLabel(state)} value={euros(totals.funding[state])} />
          ))}
        </dl>
      </section>

      {totals.projects === 0 ? <Notice tone="info">{t("portfolio.empty")}</Notice> : null}

      <ChartSection
        id="stages"
        title={t("portfolio.byStage")}
        chart={
          <BarChart
            data={summary.byStage}
            accessibilityLayer={false}
            margin={{ left: 0, right: 8 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="columnTitle"
              tick={{ fontSize: 12 }}
              interval={0}
              angle={-20}
              textAnchor="end"
              height={60}
            />
            <YAxis allowDecimals={false} width={32} />
            <Tooltip />
            <Bar
              dataKey="projects"
              name={t("portfolio.count")}
              fill="#0f5f5c"
              isAnimationActive={false}
            />
          </BarChart>
        }
        table={
          <FigureTable
            caption={t("portfolio.byStage")}
            head={[
              t("portfolio.stage"),
              t("portfolio.count"),
              t("table.jobsCreated"),
              t("table.jobsKept"),
            ]}
            rows={summary.byStage.map((row) => [
              row.columnTitle,
              String(row.projects),
              formatFte(row.jobsCreated, language),
              formatFte(row.jobsKept, language),
            ])}
          />
        }
      />
      <MoneySection
        id="funders"
        title={t("portfolio.byFunder")}
        keyLabel={t("portfolio.funder")}
        rows={summary.byFunder}
        euros={euros}
        stateLabel={stateLabel}
      />
      <MoneySection
        id="years"
        title={t("portfolio.byYear")}
        keyLabel={t("portfolio.year")}
        rows={summary.byYear}
        euros={euros}
        stateLabel={stateLabel}
      />

      <section aria-labelledby="milestones-title" className="portfolio__section">
        <h2 id="milestones-title">{t("portfolio.milestones")}</h2>
        {milestones.isPending ? <Loading /> : null}
        {milestones.isError ? (
          <Notice tone="error">{errorMessage(milestones.error, tc)}</Notice>
        ) : null}
        {milestones.data?.length === 0 ? (
          <p className="muted">{t("portfolio.milestonesNone")}</p>
        ) : null}
        {milestones.data && milestones.data.length > 0 ? (
          <ul className="milestone-list">
            {milestones.data.map((milestone) => (
              <li key={`${milestone.boardId}/${milestone.id}`}>
                <time dateTime={milestone.date}>{formatDay(milestone.date, language)}</time>
                <span>
                  {milestone.title} —{" "}
                  <Link to={`/d/${milestone.boardId}`}>{milestone.projectTitle}</Link>
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}

function Kpi({ label, value }: { label: string; value: string }) {
  return (
    <div className="kpi">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function ChartSection({
  id,
  title,
  chart,
  table,
}: {
  id: string;
  title: string;
  chart: ReactElement;
  table: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="portfolio__section">
      <h2 id={`${id}-title`}>{title}</h2>
      <div className="chart-pair">
        <div className="chart" aria-hidden="true">
          <ResponsiveContainer width="100%" height={260}>
            {chart}
          </ResponsiveContainer>
        </div>
        {table}
      </div>
    </section>
  );
}

function MoneySection({
  id,
  title,
  keyLabel,
  rows,
  euros,
  stateLabel,
}: {
  id: string;
  title: string;
  keyLabel: string;
  rows: MoneyByState[];
  euros(value: number): string;
  stateLabel(state: (typeof fundingStates)[number]): string;
}) {
  return (
    <ChartSection
      id={id}
      title={title}
      chart={
        <BarChart data={rows} accessibilityLayer={false} margin={{ left: 8, right: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="key" tick={{ fontSize: 12 }} />
          <YAxis
            width={72}
            tickFormatter={(value: number) => euros(value)}
            tick={{ fontSize: 11 }}
          />
          <Tooltip formatter={(value) => euros(Number(value))} />
          <Legend formatter={(value) => <span className="chart__legend">{value}</span>} />
          {fundingStates.map((state) => (
            <Bar
              key={state}
              dataKey={state}
              name={stateLabel(state)}
              fill={stateColors[state]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      }
      table={
        <FigureTable
          caption={title}
          head={[keyLabel, ...fundingStates.map(stateLabel)]}
          rows={rows.map((row) => [row.key, ...fundingStates.map((state) => euros(row[state]))])}
        />
      }
    />
  );
}

function FigureTable({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: string[];
  rows: string[][];
}) {
  return (
    <section
      className="table-scroll"
      aria-label={caption}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users scroll a wide table
      tabIndex={0}
    >
      <table className="data-table data-table--compact">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {head.map((cell, index) => (
              <th key={cell} scope="col" className={index > 0 ? "numeric" : undefined}>
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row[0]}>
              <th scope="row">{row[0]}</th>
              {row.slice(1).map((cell, index) => (
                <td key={head[index + 1]} className="numeric">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
