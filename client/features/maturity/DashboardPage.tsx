/**
 * `/p/:poleId/tableau-de-bord`: where the pôle stands, for a member, a newcomer or a funder
 * (observers included), with the figures beside every chart, and the funders' report.
 */
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Dashboard } from "../../../shared/api/dashboard";
import { objectives } from "../../../shared/maturity/referentiel";
import { Crumbs, PoleGate, usePole } from "../../app/pole";
import { useProblem } from "../../lib/errors";
import { usePoleEvents } from "../../lib/live";
import { QueryStatus, useDocumentTitle } from "../../ui/kit";
import "../profile/strings";
import { type BarRow, Bars, Scroller } from "./Bars";
import { formatEuros, formatFte, formatMean } from "./format";
import { StateBadge } from "./MaturityPage";
import { reportUrl, useDashboard } from "./queries";
import "../boards/boards.css";
import "./maturity.css";
import "./strings";

export function DashboardPage() {
  const { t } = useTranslation("maturity");
  const { poleId, pole, ready } = usePole();
  usePoleEvents(pole?.id);
  const problem = useProblem();
  const dashboard = useDashboard(poleId);
  useDocumentTitle(t("dashboard.title"));
  return (
    <PoleGate title={t("dashboard.title")} pole={pole} ready={ready}>
      {(pole) => (
        <div className="page maturity dashboard">
          <Crumbs pole={pole} trail={[{ label: t("dashboard.title") }]} />
          <div className="page-head">
            <div className="page-head__text">
              <h1>{t("dashboard.title")}</h1>
              <p className="lead">{t("dashboard.intro")}</p>
            </div>
            <ul className="page-head__actions" aria-label={t("dashboard.report")}>
              <li>
                <a
                  className="button button--secondary"
                  href={reportUrl(poleId, "html")}
                  target="_blank"
                  rel="noopener"
                >
                  {t("dashboard.report")} — {t("dashboard.reportHtml")}
                </a>
              </li>
              <li>
                <a className="button button--ghost" href={reportUrl(poleId, "odt")} download>
                  {t("dashboard.reportOdt")}
                </a>
              </li>
              <li>
                <a className="button button--ghost" href={reportUrl(poleId, "docx")} download>
                  {t("dashboard.reportDocx")}
                </a>
              </li>
            </ul>
          </div>
          <QueryStatus query={dashboard} describe={problem} />
          {dashboard.data ? <Panels poleId={poleId} data={dashboard.data} /> : null}
        </div>
      )}
    </PoleGate>
  );
}

function Identity({ pole }: { pole: Dashboard["pole"] }) {
  const { t } = useTranslation("maturity");
  const { t: tc } = useTranslation("collective");
  const unknown = t("dashboard.unknown");
  return (
    <section className="card dashboard__panel" aria-labelledby="identity-title">
      <h2 id="identity-title">{t("dashboard.identity")}</h2>
      <dl className="dashboard__facts">
        <dt>{t("dashboard.kind")}</dt>
        <dd>{pole.kind ? tc(`poleKinds.${pole.kind}`) : unknown}</dd>
        <dt>{t("dashboard.territory")}</dt>
        <dd>{pole.territory || unknown}</dd>
        <dt>{t("dashboard.formalisation")}</dt>
        <dd>{pole.formalisation ? tc(`formalisation.${pole.formalisation}.label`) : unknown}</dd>
        <dt>{t("dashboard.carrying")}</dt>
        <dd>{pole.carryingStructure || unknown}</dd>
        <dt>{t("dashboard.declared")}</dt>
        <dd>{pole.maturity ? tc(`maturities.${pole.maturity}`) : unknown}</dd>
      </dl>
    </section>
  );
}

function Panels({ poleId, data }: { poleId: string; data: Dashboard }) {
  const { t, i18n } = useTranslation("maturity");
  const { t: tc } = useTranslation("collective");
  const language = i18n.language;
  const money = (rows: Dashboard["funding"]["byFunder"], head: string, id: string) =>
    rows.length === 0 ? null : (
      <Scroller labelledBy={id}>
        <table className="data-table">
          <caption id={id}>{head}</caption>
          <thead>
            <tr>
              <th scope="col">{head}</th>
              <th scope="col">{t("dashboard.requested")}</th>
              <th scope="col">{t("dashboard.granted")}</th>
              <th scope="col">{t("dashboard.received")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.key}</th>
                <td className="numeric">{formatEuros(row.requested, language)}</td>
                <td className="numeric">{formatEuros(row.granted, language)}</td>
                <td className="numeric">{formatEuros(row.received, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroller>
    );
  const circleRows: BarRow[] = data.circles.map((circle) => ({
    key: circle.id,
    label: `${circle.name} (${circle.members})`,
    value: circle.active,
  }));
  return (
    <div className="dashboard__grid">
      <Identity pole={data.pole} />

      <section className="card dashboard__panel" aria-labelledby="members-title">
        <h2 id="members-title">{t("dashboard.members")}</h2>
        <p className="dashboard__figure">
          {t("dashboard.membersTotal", { count: data.members.total })}
        </p>
        <Bars
          caption={t("dashboard.members")}
          head={[t("dashboard.members"), t("dashboard.count")]}
          rows={data.members.byRole.map((row) => ({
            key: row.key,
            label: t(`dashboard.roles.${row.key}`),
            value: row.count,
          }))}
        />
        <p className="dashboard__figure">
          {t("dashboard.structuresTotal", { count: data.structures.total })}
        </p>
        {data.structures.byKind.length === 0 ? (
          <p className="muted">{t("dashboard.none")}</p>
        ) : (
          <Bars
            caption={t("dashboard.structures")}
            head={[t("dashboard.structures"), t("dashboard.count")]}
            rows={data.structures.byKind.map((row) => ({
              key: row.key,
              label: tc(`legalForms.${row.key}`, { defaultValue: row.key }),
              value: row.count,
            }))}
          />
        )}
      </section>

      <section className="card dashboard__panel" aria-labelledby="growth-title">
        <h2 id="growth-title">{t("dashboard.growth")}</h2>
        <Bars
          caption={t("dashboard.growth")}
          head={[
            t("dashboard.quarter"),
            `${t("dashboard.members")} / ${t("dashboard.structures")}`,
          ]}
          rows={data.growth.map((row) => ({
            key: row.quarter,
            label: row.quarter,
            value: row.members,
            shown: `${row.members} / ${row.structures}`,
          }))}
        />
      </section>

      <section className="card dashboard__panel" aria-labelledby="circles-title">
        <h2 id="circles-title">{t("dashboard.circles")}</h2>
        <p className="small muted">{t("dashboard.circlesIntro", { days: data.activeDays })}</p>
        <Bars
          caption={t("dashboard.circles")}
          head={[`${t("dashboard.circle")} (${t("dashboard.seated")})`, t("dashboard.active")]}
          rows={circleRows}
        />
      </section>

      <section className="card dashboard__panel" aria-labelledby="diagnostic-title">
        <h2 id="diagnostic-title">{t("dashboard.diagnostic")}</h2>
        {data.diagnostic ? (
          <>
            <p className="dashboard__figure">
              {t("dashboard.diagnosticMet", {
                met: data.diagnostic.met,
                total: data.diagnostic.total,
              })}
            </p>
            <ul className="dashboard__criteria">
              {data.diagnostic.criteria.map((criterion) => (
                <li key={criterion.key}>
                  <span aria-hidden="true">{criterion.met ? "✓" : "○"}</span>{" "}
                  {t(`dashboard.criteria.${criterion.key}` as "dashboard.criteria.trends")} :{" "}
                  {criterion.count} / {criterion.target}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="muted">{t("dashboard.none")}</p>
        )}
      </section>

      <section className="card dashboard__panel" aria-labelledby="projects-title">
        <h2 id="projects-title">{t("dashboard.projects")}</h2>
        <p className="dashboard__figure">
          {t("dashboard.projectsTotal", { count: data.projects.total })}
        </p>
        {data.projects.byStage.length > 0 ? (
          <Bars
            caption={t("dashboard.projects")}
            head={[t("dashboard.stage"), t("dashboard.count")]}
            rows={data.projects.byStage.map((row) => ({
              key: row.key,
              label: row.key,
              value: row.count,
            }))}
          />
        ) : null}
        <h3>{t("dashboard.jobs")}</h3>
        <dl className="dashboard__facts">
          <dt>{t("dashboard.jobsCreated")}</dt>
          <dd>{formatFte(data.jobs.created, language)}</dd>
          <dt>{t("dashboard.jobsKept")}</dt>
          <dd>{formatFte(data.jobs.kept, language)}</dd>
        </dl>
      </section>

      <section
        className="card dashboard__panel dashboard__panel--wide"
        aria-labelledby="funding-title"
      >
        <h2 id="funding-title">{t("dashboard.funding")}</h2>
        <Bars
          caption={t("dashboard.funding")}
          head={[t("dashboard.funding"), "€"]}
          rows={(["requested", "granted", "received"] as const).map((state) => ({
            key: state,
            label: t(`dashboard.${state}`),
            value: data.funding.totals[state],
            shown: formatEuros(data.funding.totals[state], language),
          }))}
        />
        {data.funding.byFunder.length === 0 ? (
          <p className="muted">{t("dashboard.noFunding")}</p>
        ) : null}
        {money(data.funding.byFunder, t("dashboard.funder"), "funders-title")}
        {money(data.funding.byYear, t("dashboard.year"), "years-title")}
      </section>

      <section className="card dashboard__panel" aria-labelledby="governance-title">
        <h2 id="governance-title">{t("dashboard.governance")}</h2>
        {data.governance.length === 0 ? (
          <p className="muted">{t("dashboard.noGovernance")}</p>
        ) : (
          <>
            <Bars
              caption={t("dashboard.decisions")}
              head={[t("dashboard.quarter"), t("dashboard.decisions")]}
              rows={data.governance.map((row) => ({
                key: row.quarter,
                label: row.quarter,
                value: row.decisions,
              }))}
            />
            <Bars
              caption={t("dashboard.meetings")}
              head={[t("dashboard.quarter"), t("dashboard.meetings")]}
              rows={data.governance.map((row) => ({
                key: row.quarter,
                label: row.quarter,
                value: row.meetings,
              }))}
            />
          </>
        )}
      </section>

      <section className="card dashboard__panel" aria-labelledby="maturity-title">
        <h2 id="maturity-title">{t("dashboard.maturity")}</h2>
        <p>
          <Link to={`/p/${poleId}/maturite`}>{t("dashboard.allCampaigns")}</Link>
        </p>
        {data.maturity ? (
          <>
            <p>
              <Link to={`/p/${poleId}/maturite/${data.maturity.campaign.id}`}>
                {data.maturity.campaign.title}
              </Link>{" "}
              <StateBadge state={data.maturity.campaign.state} />
            </p>
            <p className="small">
              {t("list.progress", {
                answered: data.maturity.campaign.answered,
                respondents: data.maturity.campaign.respondents,
              })}
            </p>
            {data.maturity.objectives ? (
              <Bars
                caption={t("results.radar")}
                head={[t("results.objective"), t("results.standing")]}
                rows={data.maturity.objectives.map((o) => ({
                  key: o.objective,
                  label: `${o.objective}. ${objectives.find((x) => x.key === o.objective)?.short ?? ""}`,
                  value: o.standing.mean ?? 0,
                  shown:
                    o.standing.mean === null
                      ? t("results.notEnough")
                      : formatMean(o.standing.mean, language),
                }))}
              />
            ) : null}
            <ul className="dashboard__criteria">
              {data.maturity.markers.map((m) => (
                <li key={m.marker}>
                  {t(`markers.${m.marker}`)} :{" "}
                  {m.level ? tc(`maturities.${m.level}`) : t("markers.unset")}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="muted">{t("dashboard.noCampaign")}</p>
        )}
      </section>
    </div>
  );
}
