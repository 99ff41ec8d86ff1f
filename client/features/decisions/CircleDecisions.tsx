/** On a circle's page: its latest decisions, and opening one in it for those who may. */
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { canOpenDecision } from "../../../shared/decision-permissions";
import { memberOf, useCircles } from "../../app/poleQueries";
import { useMe } from "../../app/session";
import { PlusIcon, useDisclosure } from "../../ui/kit";
import { OpenDecisionForm } from "./OpenDecisionForm";
import { OutcomeBadge } from "./parts";
import { useDecisionLog } from "./queries";
import "./strings";

const SHOWN = 5;

export function CircleDecisions({ poleId, circleId }: { poleId: string; circleId: string }) {
  const { t } = useTranslation("decisions");
  const me = useMe();
  const circles = useCircles(poleId);
  const log = useDecisionLog(poleId, { circleId });
  const opening = useDisclosure();
  const mayOpen = useMemo(
    () =>
      me.data && circles.data
        ? canOpenDecision(memberOf(me.data, poleId, circles.data), circleId)
        : false,
    [me.data, circles.data, poleId, circleId],
  );
  return (
    <section aria-labelledby="circle-decisions-title" className="card">
      <h2 id="circle-decisions-title">{t("nav.log")}</h2>
      {(log.data ?? []).length === 0 ? <p className="muted">{t("log.none")}</p> : null}
      <ul className="plain-list">
        {(log.data ?? []).slice(0, SHOWN).map((decision) => (
          <li key={decision.id}>
            <Link to={`/p/${poleId}/decisions/${decision.id}`}>{decision.title}</Link>{" "}
            <OutcomeBadge decision={decision} />
          </li>
        ))}
      </ul>
      <p>
        <Link to={`/p/${poleId}/decisions`}>{t("log.title")}</Link>
      </p>
      {mayOpen ? (
        <>
          <button type="button" className="button button--secondary" {...opening.toggle}>
            <PlusIcon />
            {t("log.open")}
          </button>
          <div {...opening.panel}>
            {opening.open ? (
              <OpenDecisionForm
                poleId={poleId}
                circleId={circleId}
                onCancel={() => opening.setOpen(false)}
              />
            ) : null}
          </div>
        </>
      ) : null}
    </section>
  );
}
