/** On the pôle's home: "N décisions attendent votre avis", for the open ones the person may vote on. */
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePoleEvents } from "../../lib/live";
import { useDecisionLog } from "./queries";
import "./strings";

export function PendingDecisions({ poleId }: { poleId: string }) {
  const { t } = useTranslation("decisions");
  usePoleEvents(poleId);
  const open = useDecisionLog(poleId, { state: "open" });
  const waiting = (open.data ?? []).filter((decision) => decision.canVote && !decision.myVote);
  if (waiting.length === 0) return null;
  return (
    <section className="card pending-decisions" aria-labelledby="pending-decisions-title">
      <h2 id="pending-decisions-title">{t("pending.title", { count: waiting.length })}</h2>
      <ul>
        {waiting.map((decision) => (
          <li key={decision.id}>
            <Link to={`/p/${poleId}/decisions/${decision.id}`}>{decision.title}</Link>{" "}
            <span className="muted">— {decision.circleName}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
