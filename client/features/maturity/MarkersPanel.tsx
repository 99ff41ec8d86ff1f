/**
 * The six Godin markers of a campaign: the shared sheet where the steering committee argues
 * them, and the level each one is given (set by the committee, read by everyone).
 */
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CampaignView } from "../../../shared/api/maturity";
import { maturities } from "../../../shared/collective";
import { canSetMarkerLevels } from "../../../shared/maturity/rules";
import { memberOf, useCircles } from "../../app/poleQueries";
import { useMe } from "../../app/session";
import { useProblem } from "../../lib/errors";
import { Notice, SelectField } from "../../ui/kit";
import "../profile/strings";
import { useSetMarker } from "./queries";
import "./strings";

export function MarkersPanel({ poleId, campaign }: { poleId: string; campaign: CampaignView }) {
  const { t } = useTranslation("maturity");
  const { t: tc } = useTranslation("collective");
  const problem = useProblem();
  const me = useMe();
  const circles = useCircles(poleId);
  const setMarker = useSetMarker(campaign.id);
  const member = me.data && circles.data ? memberOf(me.data, poleId, circles.data) : null;
  const steering = circles.data?.find((circle) => circle.kind === "steering");
  const editable = steering ? canSetMarkerLevels(member, steering.id) : false;
  return (
    <section aria-labelledby="markers-title" className="markers">
      <h2 id="markers-title">{t("markers.title")}</h2>
      <p className="muted">{t("markers.intro")}</p>
      <p>
        <Link className="button button--secondary" to={`/d/${campaign.sheetDocumentId}`}>
          {t("markers.sheet")}
        </Link>
      </p>
      {setMarker.isError ? <Notice tone="error">{problem(setMarker.error)}</Notice> : null}
      <ul className="markers__list">
        {campaign.markers.map(({ marker, level }) => (
          <li key={marker} className="card markers__item">
            {editable ? (
              <SelectField
                label={t(`markers.${marker}`)}
                value={level ?? ""}
                onChange={(event) => {
                  const chosen = maturities.find((m) => m === event.target.value) ?? null;
                  setMarker.mutate({ marker, level: chosen });
                }}
              >
                <option value="">{t("markers.unset")}</option>
                {maturities.map((option) => (
                  <option key={option} value={option}>
                    {tc(`maturities.${option}`)}
                  </option>
                ))}
              </SelectField>
            ) : (
              <>
                <span className="markers__name">{t(`markers.${marker}`)}</span>
                <span className="markers__level">
                  {level ? tc(`maturities.${level}`) : t("markers.unset")}
                </span>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
