/** The welcome checklist: on the newcomer's home page until every step is done. */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { OnboardingView } from "../../../shared/api/onboarding";
import { type ChecklistStep, checklistSteps } from "../../../shared/collective";
import { useProblem } from "../../lib/errors";
import { OnboardingSteps } from "./OnboardingSteps";
import { useOnboarding } from "./queries";
import { useCompleteStep } from "./steps";
import "./strings";

export function WelcomeChecklist({ poleId }: { poleId: string }) {
  const { t } = useTranslation("collective");
  const onboarding = useOnboarding(poleId);
  const view = onboarding.data;
  if (!view || view.checklistDone) return null;
  // Right after accepting, the three questions come first, on the home page itself.
  if (!view.formDone) {
    return (
      <section className="card checklist" aria-labelledby="welcome-title">
        <h2 id="welcome-title">{t("onboarding.welcomeTitle")}</h2>
        <p>{t("onboarding.intro")}</p>
        <OnboardingSteps poleId={poleId} view={view} level={3} />
      </section>
    );
  }
  const done = checklistSteps.filter((step) => view.steps[step] !== null).length;
  return (
    <section className="card checklist" aria-labelledby="checklist-title">
      <h2 id="checklist-title">{t("checklist.title")}</h2>
      <p className="muted small">{t("checklist.intro")}</p>
      <p className="checklist__progress">
        <progress max={checklistSteps.length} value={done} aria-labelledby="checklist-count" />
        <span id="checklist-count">
          {t("checklist.progress", { done, total: checklistSteps.length, count: done })}
        </span>
      </p>
      <ol className="checklist__items">
        {checklistSteps.map((step) => (
          <Item key={step} poleId={poleId} step={step} view={view} />
        ))}
      </ol>
    </section>
  );
}

function Item({
  poleId,
  step,
  view,
}: {
  poleId: string;
  step: ChecklistStep;
  view: OnboardingView;
}) {
  const { t } = useTranslation("collective");
  const complete = useCompleteStep(poleId);
  const problem = useProblem();
  const [error, setError] = useState<string | null>(null);
  const isDone = view.steps[step] !== null;
  const { charterId, diagnosticId } = view.documents;

  const act = async () => {
    setError(null);
    try {
      await complete(step);
    } catch (caught) {
      setError(problem(caught));
    }
  };

  let action: React.ReactNode = null;
  if (step === "read_profile") {
    action = <Link to={`/p/${poleId}/profil`}>{t("checklist.read_profile")}</Link>;
  } else if (step === "meet_circles") {
    action = <Link to={`/p/${poleId}/mes-cercles`}>{t("checklist.meet_circles")}</Link>;
  } else if (step === "open_diagnostic" && diagnosticId) {
    action = <Link to={`/d/${diagnosticId}`}>{t("checklist.open_diagnostic")}</Link>;
  } else if (step === "acknowledge_charter") {
    action = (
      <span className="checklist__charter">
        <span>{t("checklist.acknowledge_charter")}</span>
        {charterId ? <Link to={`/d/${charterId}`}>{t("checklist.readCharter")}</Link> : null}
        {!isDone ? (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => void act()}
          >
            {t("checklist.acknowledge")}
          </button>
        ) : null}
      </span>
    );
  } else {
    action = <span>{t(`checklist.${step}`)}</span>;
  }

  return (
    <li className={`checklist__item${isDone ? " checklist__item--done" : ""}`} data-step={step}>
      <span
        className={`checklist__mark${isDone ? " checklist__mark--done" : ""}`}
        aria-hidden="true"
      >
        {isDone ? "✓" : ""}
      </span>
      <span className="checklist__text">
        {action}
        <span className="visually-hidden">
          {" "}
          — {isDone ? t("checklist.done") : t("checklist.todo")}
        </span>
      </span>
      {error ? <span className="field__error">{error}</span> : null}
    </li>
  );
}
