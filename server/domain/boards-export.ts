/**
 * The portfolio for people outside the workspace: a CSV for spreadsheets and a printable
 * HTML report for funders. Every figure comes from summarizePortfolio (shared/boards.ts).
 */
import type { PortfolioProject } from "../../shared/api/boards";
import {
  type FundingState,
  fundingStates,
  type MoneyByState,
  summarizePortfolio,
} from "../../shared/boards";
import type { PortfolioDetail } from "./boards-portfolio";
import { frenchCsv, frenchDecimal } from "./exports/csv";
import { escapeHtml } from "./exports/html";

const stateLabels: Record<FundingState, string> = {
  requested: "Sollicité",
  granted: "Accordé",
  received: "Versé",
};

const groupOf = (detail: PortfolioDetail, project: PortfolioProject) =>
  (project.circleId && detail.groups[project.circleId]) || "";

/**
 * One row per project, in the registries' French format: amounts in euros to the cent and
 * FTE with one decimal, both with a decimal comma, so that they stay numbers.
 */
export function portfolioCsv(detail: PortfolioDetail): string {
  const header = [
    "Groupe thématique",
    "Projet",
    "Étape",
    "ETP créés",
    "ETP maintenus",
    ...fundingStates.map((state) => `${stateLabels[state]} (€)`),
  ];
  const rows = detail.projects.map((project) => {
    const { funding } = summarizePortfolio([project]).totals;
    return [
      groupOf(detail, project),
      project.title,
      project.columnTitle,
      frenchDecimal(project.jobsCreated, 1),
      frenchDecimal(project.jobsKept, 1),
      ...fundingStates.map((state) => frenchDecimal(funding[state], 2)),
    ];
  });
  return frenchCsv([header, ...rows]);
}

const euro = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
const fte = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const day = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" });
const dateOf = (iso: string) => day.format(new Date(`${iso}T00:00:00Z`));

function table(caption: string, head: string[], rows: string[][], numericFrom = 1): string {
  const th = head.map(
    (cell, i) => `<th scope="col"${i >= numericFrom ? ' class="n"' : ""}>${escapeHtml(cell)}</th>`,
  );
  const body = rows
    .map(
      (row) =>
        `<tr>${row
          .map((cell, i) =>
            i === 0
              ? `<th scope="row">${escapeHtml(cell)}</th>`
              : `<td${i >= numericFrom ? ' class="n"' : ""}>${escapeHtml(cell)}</td>`,
          )
          .join("")}</tr>`,
    )
    .join("\n");
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${th.join("")}</tr></thead><tbody>${body}</tbody></table>`;
}

const moneyRows = (rows: MoneyByState[]) =>
  rows.map((row) => [row.key, ...fundingStates.map((state) => euro.format(row[state]))]);

const STYLE = `
body{font-family:system-ui,sans-serif;color:#1d1f21;margin:2rem auto;max-width:60rem;padding:0 1rem;line-height:1.5}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:1px solid #d9d6cc}
.meta{color:#56585c;margin:0 0 1.5rem}
dl.kpi{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:.75rem;margin:0}
dl.kpi div{border:1px solid #d9d6cc;border-radius:8px;padding:.75rem}
dl.kpi dt{color:#56585c;font-size:.9rem}dl.kpi dd{margin:0;font-size:1.3rem;font-weight:650}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border-bottom:1px solid #e4e1d8;padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #8a877d}.n{text-align:right;font-variant-numeric:tabular-nums}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}
`;

/** A self-contained page (no script), laid out to print on A4. */
export function portfolioReport(detail: PortfolioDetail, today: string): string {
  const summary = summarizePortfolio(detail.projects);
  const { totals } = summary;
  const kpis: Array<[string, string]> = [
    ["Projets", String(totals.projects)],
    ["Emplois créés (ETP)", fte.format(totals.jobsCreated)],
    ["Emplois maintenus (ETP)", fte.format(totals.jobsKept)],
    ...fundingStates.map((state): [string, string] => [
      `Financements — ${stateLabels[state].toLowerCase()}s`,
      euro.format(totals.funding[state]),
    ]),
  ];
  const stateHead = fundingStates.map((state) => stateLabels[state]);
  const sections = [
    `<h2>Chiffres clés</h2><dl class="kpi">${kpis
      .map(
        ([label, value]) => `<div><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`,
      )
      .join("")}</dl>`,
    `<h2>Projets par étape</h2>${table(
      "Nombre de projets et emplois par étape",
      ["Étape", "Projets", "ETP créés", "ETP maintenus"],
      summary.byStage.map((row) => [
        row.columnTitle,
        String(row.projects),
        fte.format(row.jobsCreated),
        fte.format(row.jobsKept),
      ]),
    )}`,
    `<h2>Financements par financeur</h2>${table(
      "Montants par financeur et par état",
      ["Financeur", ...stateHead],
      moneyRows(summary.byFunder),
    )}`,
    `<h2>Financements par année</h2>${table(
      "Montants par année et par état",
      ["Année", ...stateHead],
      moneyRows(summary.byYear),
    )}`,
    `<h2>Projets</h2>${table(
      "Liste des projets",
      ["Projet", "Groupe thématique", "Étape", "ETP créés", "ETP maintenus", ...stateHead],
      detail.projects.map((project) => {
        const { funding } = summarizePortfolio([project]).totals;
        return [
          project.title,
          groupOf(detail, project),
          project.columnTitle,
          fte.format(project.jobsCreated),
          fte.format(project.jobsKept),
          ...fundingStates.map((state) => euro.format(funding[state])),
        ];
      }),
      3,
    )}`,
    `<h2>Prochains jalons</h2>${
      detail.milestones.length === 0
        ? "<p>Aucun jalon à venir.</p>"
        : table(
            "Jalons à venir",
            ["Date", "Jalon", "Projet"],
            detail.milestones.map((m) => [dateOf(m.date), m.title, m.projectTitle]),
            3,
          )
    }`,
  ];
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Portefeuille de projets — ${escapeHtml(detail.poleName)}</title><style>${STYLE}</style></head>
<body><main><h1>Portefeuille de projets — ${escapeHtml(detail.poleName)}</h1>
<p class="meta">Rapport établi le ${escapeHtml(dateOf(today))} à partir des tableaux de projets des groupes thématiques. Chaque ligne de financement compte une fois, dans son état actuel.</p>
${sections.join("\n")}
</main></body></html>`;
}
