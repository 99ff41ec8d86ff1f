/** Marks a welcome-checklist step on the server when the person does it. */
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect } from "react";
import { Onboarding } from "../../../shared/api/onboarding";
import type { ChecklistStep } from "../../../shared/collective";
import { api } from "../../lib/api";
import { onboardingKey, onboardingPath, useOnboarding } from "./queries";

export function useCompleteStep(poleId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    async (step: ChecklistStep) => {
      const view = await api.post(`${onboardingPath(poleId)}/steps/${step}`, {}, Onboarding);
      queryClient.setQueryData(onboardingKey(poleId), view);
      return view;
    },
    [poleId, queryClient],
  );
}

/** For steps that are done by visiting a page: marked once the page is shown. */
export function useStepOnVisit(poleId: string, step: ChecklistStep) {
  const onboarding = useOnboarding(poleId);
  const complete = useCompleteStep(poleId);
  const pending =
    onboarding.data !== undefined &&
    onboarding.data !== null &&
    onboarding.data.steps[step] === null;
  useEffect(() => {
    // A failure here only leaves the step unticked; the page itself is unaffected.
    if (pending) complete(step).catch(() => {});
  }, [pending, complete, step]);
}
