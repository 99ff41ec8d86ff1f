/**
 * `/p/:poleId/maturite`: the pôle's self-assessment campaigns; coordinators open new ones
 * and shape the référentiel.
 */
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CampaignSummary } from "../../../shared/api/maturity";
import { canManageCampaigns } from "../../../shared/maturity/rules";
import { Crumbs, PoleGate, usePole } from "../../app/pole";
import { useProblem } from "../../lib/errors";
import { usePoleEvents } from "../../lib/live";
import { Badge, QueryStatus, useDocumentTitle } from "../../ui/kit";
import { formatDay } from "./format";
import { OpenCampaignForm } from "./OpenCampaignForm";
import { useCampaigns } from "./queries";
import { ReferentielEditor } from "./ReferentielEditor";
import "../boards/boards.css";
import "./maturity.css";
import "./strings";

export function MaturityPage() {
  const { t } = useTranslation("maturity");
  const { poleId, pole, ready } = usePole();
  usePoleEvents(pole?.id);
  useDocumentTitle(t("list.title"));
  return (
    <PoleGate title={t("list.title")} pole={pole} ready={ready}>
      {(pole) => {
        const manager = canManageCampaigns({ poleRole: pole.role, circles: [] });
        return (
          <div className="page maturity">
            <Crumbs pole={pole} trail={[{ label: t("list.title") }]} />
            <div className="page-head">
              <div className="page-head__text">
                <h1>{t("list.title")}</h1>
                <p className="lead">{t("list.intro")}</p>
              </div>
              <div className="page-head__actions">
                <Link className="button button--secondary" to={`/p/${poleId}/tableau-de-bord`}>
                  {t("list.dashboard")}
                </Link>
              </div>
            </div>
            <Campaigns poleId={poleId} />
            {manager ? <OpenCampaignForm poleId={poleId} /> : null}
            {manager ? <ReferentielEditor poleId={poleId} /> : null}
          </div>
        );
      }}
    </PoleGate>
  );
}

function Campaigns({ poleId }: { poleId: string }) {
  const { t } = useTranslation("maturity");
  const problem = useProblem();
  const campaigns = useCampaigns(poleId);
  return (
    <section aria-labelledby="campaigns-title">
      <h2 id="campaigns-title">{t("list.campaigns")}</h2>
      <QueryStatus query={campaigns} describe={problem} />
      {campaigns.data?.length === 0 ? <p className="muted">{t("list.none")}</p> : null}
      <ul className="campaign-list">
        {campaigns.data?.map((campaign) => (
          <CampaignItem key={campaign.id} poleId={poleId} campaign={campaign} />
        ))}
      </ul>
    </section>
  );
}

export function StateBadge({ state }: { state: CampaignSummary["state"] }) {
  const { t } = useTranslation("maturity");
  const tone = state === "open" ? "edit" : state === "closed" ? "muted" : "neutral";
  return <Badge tone={tone}>{t(`states.${state}`)}</Badge>;
}

function CampaignItem({ poleId, campaign }: { poleId: string; campaign: CampaignSummary }) {
  const { t, i18n } = useTranslation("maturity");
  const day = (iso: string) => formatDay(iso, i18n.language);
  return (
    <li className="card campaign-item">
      <div className="campaign-item__head">
        <Link to={`/p/${poleId}/maturite/${campaign.id}`} className="campaign-item__title">
          {campaign.title}
        </Link>
        <StateBadge state={campaign.state} />
      </div>
      <p className="muted">
        {t("campaign.dates", { from: day(campaign.opensOn), to: day(campaign.closesOn) })} ·{" "}
        {t("list.progress", { answered: campaign.answered, respondents: campaign.respondents })}
      </p>
      <p className="small">
        {campaign.asked ? t("list.yours", { count: campaign.myAnswers }) : t("list.notAsked")}
      </p>
    </li>
  );
}
