/**
 * `/p/:poleId/maturite/:campaignId`: one campaign — the person's own answers while it is
 * open, the six markers argued by the steering committee, and the results once readable.
 */
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { canManageCampaigns, canReadResults } from "../../../shared/maturity/rules";
import { Crumbs, PoleGate, usePole } from "../../app/pole";
import { useProblem } from "../../lib/errors";
import { usePoleEvents } from "../../lib/live";
import { Notice, QueryStatus, useDocumentTitle } from "../../ui/kit";
import { AnswerSheet } from "./AnswerSheet";
import { formatDay } from "./format";
import { MarkersPanel } from "./MarkersPanel";
import { StateBadge } from "./MaturityPage";
import { useCampaign, useCloseCampaign } from "./queries";
import { Results } from "./Results";
import "../boards/boards.css";
import "./maturity.css";
import "./strings";

export function CampaignPage() {
  const { t, i18n } = useTranslation("maturity");
  const { poleId, pole, ready } = usePole();
  usePoleEvents(pole?.id);
  const { campaignId = "" } = useParams();
  const campaign = useCampaign(campaignId);
  const problem = useProblem();
  useDocumentTitle(campaign.data?.title ?? t("list.title"));
  return (
    <PoleGate title={t("list.title")} pole={pole} ready={ready}>
      {(pole) => {
        const member = { poleRole: pole.role, circles: [] };
        return (
          <div className="page maturity">
            <Crumbs
              pole={pole}
              trail={[
                { label: t("campaign.back"), to: `/p/${poleId}/maturite` },
                { label: campaign.data?.title ?? "…" },
              ]}
            />
            <QueryStatus query={campaign} describe={problem} />
            {campaign.data ? (
              <>
                <div className="page-head">
                  <div className="page-head__text">
                    <h1>{campaign.data.title}</h1>
                    <p className="muted">
                      <StateBadge state={campaign.data.state} />{" "}
                      {t("campaign.dates", {
                        from: formatDay(campaign.data.opensOn, i18n.language),
                        to: formatDay(campaign.data.closesOn, i18n.language),
                      })}{" "}
                      ·{" "}
                      {t("list.progress", {
                        answered: campaign.data.answered,
                        respondents: campaign.data.respondents,
                      })}
                    </p>
                  </div>
                  {canManageCampaigns(member) && campaign.data.state !== "closed" ? (
                    <CloseButton campaignId={campaignId} />
                  ) : null}
                </div>
                {/* While it runs, answering comes first; once closed, the results. */}
                {campaign.data.asked && campaign.data.state === "open" ? (
                  <AnswerSheet poleId={poleId} campaign={campaign.data} />
                ) : null}
                {canReadResults(member, campaign.data.state) ? (
                  <Results campaign={campaign.data} />
                ) : (
                  <section aria-labelledby="results-title">
                    <h2 id="results-title">{t("results.title")}</h2>
                    <Notice>{t("results.notYet")}</Notice>
                  </section>
                )}
                <MarkersPanel poleId={poleId} campaign={campaign.data} />
                {campaign.data.asked && campaign.data.state !== "open" ? (
                  <AnswerSheet poleId={poleId} campaign={campaign.data} />
                ) : null}
              </>
            ) : null}
          </div>
        );
      }}
    </PoleGate>
  );
}

function CloseButton({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation("maturity");
  const problem = useProblem();
  const close = useCloseCampaign(campaignId);
  return (
    <div className="page-head__actions">
      <button
        type="button"
        className="button button--danger"
        disabled={close.isPending}
        onClick={() => {
          if (window.confirm(t("campaign.closeConfirm"))) close.mutate();
        }}
      >
        {close.isPending ? t("campaign.closing") : t("campaign.close")}
      </button>
      {close.isError ? <Notice tone="error">{problem(close.error)}</Notice> : null}
    </div>
  );
}
