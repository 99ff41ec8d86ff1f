/**
 * `/p/:poleId/bienvenue`: after accepting an invitation, the newcomer says where they come
 * from, why they join (which suggests circles to the coordinators) and what they can do;
 * then the welcome checklist takes over, here and on their home page.
 */
import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { PoleGate, usePole } from "../../app/pole";
import { useProblem } from "../../lib/errors";
import { Loading, Notice, useDocumentTitle } from "../../ui/kit";
import { OnboardingSteps } from "./OnboardingSteps";
import { useOnboarding } from "./queries";
import { WelcomeChecklist } from "./WelcomeChecklist";
import "./strings";

export function OnboardingPage() {
  const { t } = useTranslation("collective");
  const { poleId, pole, ready } = usePole();
  const onboarding = useOnboarding(pole ? poleId : undefined);
  const problem = useProblem();
  const title = t("onboarding.title", { pole: pole?.name ?? "" });
  useDocumentTitle(title);
  const view = onboarding.data;

  return (
    <PoleGate title={title} pole={pole} ready={ready}>
      {(pole) => (
        <div className="page page--narrow onboarding">
          <h1>{title}</h1>
          {onboarding.isPending ? <Loading /> : null}
          {onboarding.isError ? <Notice tone="error">{problem(onboarding.error)}</Notice> : null}
          {view === null ? (
            // Nothing to welcome (a founder, or someone invited again): their pôle's home.
            <Navigate to={`/p/${pole.id}`} replace />
          ) : null}
          {view && !view.formDone ? (
            <>
              <p className="lead">{t("onboarding.intro")}</p>
              <OnboardingSteps poleId={poleId} view={view} level={2} />
            </>
          ) : null}
          {view?.formDone ? (
            <>
              <Notice tone="success">{t("onboarding.done")}</Notice>
              <WelcomeChecklist poleId={poleId} />
            </>
          ) : null}
        </div>
      )}
    </PoleGate>
  );
}
