/**
 * A campaign's results: aggregates only, each withheld under the anonymity threshold
 * ("pas assez de réponses"); the radar of the nine objectives with the previous campaign
 * overlaid, the priorities first, then indicator by indicator, by circle, by structure kind.
 */
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import type { CampaignResults, CampaignView } from "../../../shared/api/maturity";
import { type Trend, trendOf } from "../../../shared/maturity/aggregates";
import { objectives } from "../../../shared/maturity/referentiel";
import "../../app/strings";
import { useProblem } from "../../lib/errors";
import { Loading, QueryStatus } from "../../ui/kit";
import { Scroller } from "./Bars";
import { formatMean } from "./format";
import { useResults } from "./queries";
import "./strings";

const ObjectivesRadar = lazy(() => import("./ObjectivesRadar"));

type Figure = CampaignResults["objectives"][number]["standing"];
const noFigure: Figure = { count: 0, mean: null, spread: null };

function useFigure() {
  const { t, i18n } = useTranslation("maturity");
  return (figure: Figure, withSpread = false) => {
    if (figure.mean === null) return <span className="muted">{t("results.notEnough")}</span>;
    const mean = formatMean(figure.mean, i18n.language);
    if (!withSpread || figure.spread === null) return mean;
    return t("results.figure", { mean, spread: formatMean(figure.spread, i18n.language) });
  };
}

function TrendMark({ trend }: { trend: Trend | null }) {
  const { t } = useTranslation("maturity");
  if (trend === null) return <span className="muted">—</span>;
  const arrow = { up: "↑", down: "↓", same: "→" }[trend];
  return (
    <span className={`trend trend--${trend}`}>
      <span aria-hidden="true">{arrow}</span>
      <span className="visually-hidden">{t(`results.${trend}`)}</span>
    </span>
  );
}

export function Results({ campaign }: { campaign: CampaignView }) {
  const { t } = useTranslation("maturity");
  const problem = useProblem();
  const results = useResults(campaign.id, true);
  return (
    <section aria-labelledby="results-title" className="results">
      <h2 id="results-title">{t("results.title")}</h2>
      <QueryStatus query={results} describe={problem} />
      {results.data ? <ResultsBody campaign={campaign} results={results.data} /> : null}
    </section>
  );
}

function ResultsBody({ campaign, results }: { campaign: CampaignView; results: CampaignResults }) {
  const { t, i18n } = useTranslation("maturity");
  const { t: tc } = useTranslation("collective");
  const figure = useFigure();
  const previous = results.previous;
  const beforeFigure = (key: string) =>
    previous?.objectives.find((o) => o.objective === key)?.standing;
  const before = (key: string) => beforeFigure(key)?.mean ?? null;
  const label = (id: string) => campaign.indicators.find((i) => i.id === id)?.label ?? id;
  const points = results.objectives.map((o) => ({
    axis: objectives.find((x) => x.key === o.objective)?.short ?? o.objective,
    now: o.standing.mean,
    before: before(o.objective),
  }));
  return (
    <>
      <p>
        {t("results.summary", {
          answered: results.answered,
          respondents: results.respondents,
          threshold: results.threshold,
        })}
      </p>
      <div className="results__radar">
        <figure className="card">
          <figcaption className="results__caption">{t("results.radar")}</figcaption>
          <Suspense fallback={<Loading />}>
            <ObjectivesRadar
              points={points}
              nowLabel={t("results.radarNow")}
              beforeLabel={previous ? t("results.radarBefore", { title: previous.title }) : null}
            />
          </Suspense>
        </figure>
        <Scroller labelledBy="objectives-title">
          <table className="data-table">
            <caption id="objectives-title">{t("results.objectives")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("results.objective")}</th>
                <th scope="col">{t("results.importance")}</th>
                <th scope="col">{t("results.standing")}</th>
                {previous ? <th scope="col">{t("results.before")}</th> : null}
                {previous ? <th scope="col">{t("results.trend")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {results.objectives.map((o) => (
                <tr key={o.objective}>
                  <th scope="row">
                    {o.objective}. {objectives.find((x) => x.key === o.objective)?.short}
                  </th>
                  <td>{figure(o.importance)}</td>
                  <td>{figure(o.standing)}</td>
                  {previous ? <td>{figure(beforeFigure(o.objective) ?? noFigure)}</td> : null}
                  {previous ? (
                    <td>
                      <TrendMark trend={trendOf(o.standing.mean, before(o.objective))} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </Scroller>
      </div>

      <h3>{t("results.priorities")}</h3>
      {results.priorities.length === 0 ? (
        <p className="muted">{t("results.noPriorities")}</p>
      ) : (
        <ol className="priorities">
          {results.priorities.map((p) => (
            <li key={p.indicatorId}>
              {label(p.indicatorId)}{" "}
              <span className="muted">
                ({t("results.importance")} {formatMean(p.importance, i18n.language)},{" "}
                {t("results.standing").toLowerCase()} {formatMean(p.standing, i18n.language)},{" "}
                {t("results.gap", { gap: formatMean(p.gap, i18n.language) })})
              </span>
            </li>
          ))}
        </ol>
      )}

      <h3 id="indicators-title">{t("results.indicators")}</h3>
      <Scroller labelledBy="indicators-title">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("results.indicator")}</th>
              <th scope="col">{t("results.importance")}</th>
              <th scope="col">{t("results.standing")}</th>
              <th scope="col">{t("results.count")}</th>
              {previous ? <th scope="col">{t("results.trend")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {results.indicators.map((r) => (
              <tr key={r.indicatorId}>
                <th scope="row">{label(r.indicatorId)}</th>
                <td>{figure(r.importance, true)}</td>
                <td>{figure(r.standing, true)}</td>
                <td className="numeric">{Math.max(r.importance.count, r.standing.count)}</td>
                {previous ? (
                  <td>
                    <TrendMark
                      trend={trendOf(
                        r.standing.mean,
                        previous.indicators.find((x) => x.indicatorId === r.indicatorId)?.standing
                          .mean,
                      )}
                    />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </Scroller>

      <GroupTable id="by-circle" title={t("results.byCircle")} groups={results.byCircle} />
      <GroupTable
        id="by-kind"
        title={t("results.byKind")}
        groups={results.byStructureKind.map((group) => ({
          ...group,
          label:
            group.key === "none"
              ? t("results.noKind")
              : tc(`legalForms.${group.key}`, { defaultValue: group.label }),
        }))}
      />
    </>
  );
}

function GroupTable({
  id,
  title,
  groups,
}: {
  id: string;
  title: string;
  groups: CampaignResults["byCircle"];
}) {
  const { t } = useTranslation("maturity");
  const figure = useFigure();
  return (
    <>
      <h3 id={`${id}-title`}>{title}</h3>
      <p className="small muted">{t("results.standing")} (1–6)</p>
      <Scroller labelledBy={`${id}-title`}>
        <table className="data-table data-table--compact">
          <thead>
            <tr>
              <th scope="col">{t("results.group")}</th>
              <th scope="col">{t("results.respondents")}</th>
              {objectives.map((o) => (
                <th key={o.key} scope="col">
                  <abbr title={o.label}>{o.key}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.key}>
                <th scope="row">{group.label}</th>
                <td className="numeric">{group.respondents}</td>
                {group.objectives.map((o) => (
                  <td key={o.objective}>{figure(o.standing)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </Scroller>
    </>
  );
}
