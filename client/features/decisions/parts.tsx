/** Pieces the decision pages share: the outcome badge, the tally, the objections. */
import { useTranslation } from "react-i18next";
import type { DecisionView } from "../../../shared/api/decisions";
import { Badge } from "../../ui/kit";
import "./decisions.css";
import "./strings";

export function OutcomeBadge({ decision }: { decision: DecisionView }) {
  const { t } = useTranslation("decisions");
  const tone = decision.outcome === "adopted" ? "edit" : decision.outcome ? "muted" : "neutral";
  return <Badge tone={tone}>{t(`outcomes.${decision.outcome ?? "open"}`)}</Badge>;
}

const percent = (fraction: number, language: string) =>
  new Intl.NumberFormat(language === "en" ? "en-GB" : "fr-FR", {
    style: "percent",
    maximumFractionDigits: 1,
  }).format(fraction);

/** The counts that matter for the method, then, for colleges, the breakdown and the total. */
export function TallyView({ decision }: { decision: DecisionView }) {
  const { t, i18n } = useTranslation("decisions");
  const { tally } = decision;
  const shown =
    decision.method === "consent"
      ? (["consent", "objection"] as const)
      : (["for", "against", "abstain"] as const);
  return (
    <>
      <dl className="tally">
        {shown.map((choice) => (
          <div key={choice} className="tally__item" data-choice={choice}>
            <dt>{t(`tallyLabels.${choice}`)}</dt>
            <dd>{tally[choice]}</dd>
          </div>
        ))}
      </dl>
      <p className="tally__voters" data-testid="voters">
        {t("decision.voted", { voted: tally.voted, electorate: tally.electorate })}
      </p>
      {decision.colleges ? (
        <>
          <div className="table-wrap">
            <table className="colleges-table">
              <caption>{t("decision.collegesCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("decision.college")}</th>
                  <th scope="col">{t("decision.weight")}</th>
                  <th scope="col">{t("tallyLabels.for")}</th>
                  <th scope="col">{t("tallyLabels.against")}</th>
                  <th scope="col">{t("tallyLabels.abstain")}</th>
                  <th scope="col">{t("decision.result")}</th>
                </tr>
              </thead>
              <tbody>
                {decision.colleges.map((college) => (
                  <tr key={college.id}>
                    <th scope="row">{college.name}</th>
                    <td>{college.weight} %</td>
                    <td>{college.for}</td>
                    <td>{college.against}</td>
                    <td>{college.abstain}</td>
                    <td>
                      {college.result === null
                        ? t("decision.notCounted")
                        : percent(college.result, i18n.language)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="tally__weighted">
            {decision.weightedResult === null || decision.weightedResult === undefined
              ? t("decision.weightedNone")
              : t("decision.weighted", {
                  value: percent(decision.weightedResult, i18n.language),
                })}
          </p>
        </>
      ) : null}
    </>
  );
}

export function Objections({ decision }: { decision: DecisionView }) {
  const { t } = useTranslation("decisions");
  if (decision.objections.length === 0) return null;
  return (
    <ul className="objections">
      {decision.objections.map((objection, index) => (
        // Objections have no id of their own; their order is the order they were cast.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <li key={index}>
          <strong>{objection.name ?? t("log.anonymousObjection")} : </strong>
          {objection.reason}
        </li>
      ))}
    </ul>
  );
}
