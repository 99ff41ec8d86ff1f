import { Hono } from "hono";
import type { Seat } from "../../shared/api/circles";
import {
  ChecklistStepParam,
  CompetenciesBody,
  ConfirmSuggestionBody,
  InterestBody,
  type Newcomer,
  type Onboarding,
  type OnboardingView,
  StructureChoiceBody,
} from "../../shared/api/onboarding";
import { DomainError } from "../domain/errors";
import {
  confirmSuggestion,
  dismissSuggestion,
  listNewcomers,
} from "../domain/onboarding/follow-up";
import {
  chooseInterest,
  chooseStructure,
  completeChecklistStep,
  getOnboarding,
  setCompetencies,
} from "../domain/onboarding/newcomer";
import type { AppDeps, AppEnv } from "./context";
import { signedIn } from "./middleware";
import { jsonBody } from "./validate";

/** The newcomer's steps (their own), and the coordinators' follow-up of newcomers. */
export function onboardingRoutes({ ctx }: AppDeps) {
  return new Hono<AppEnv>()
    .get("/poles/:poleId/onboarding", async (c) =>
      c.json(
        (await getOnboarding(ctx, signedIn(c).id, {
          poleId: c.req.param("poleId"),
        })) satisfies Onboarding,
      ),
    )
    .post("/poles/:poleId/onboarding/structure", jsonBody(StructureChoiceBody), async (c) =>
      c.json(
        (await chooseStructure(ctx, signedIn(c).id, {
          poleId: c.req.param("poleId"),
          choice: c.req.valid("json"),
        })) satisfies OnboardingView,
      ),
    )
    .post("/poles/:poleId/onboarding/interest", jsonBody(InterestBody), async (c) =>
      c.json(
        (await chooseInterest(ctx, signedIn(c).id, {
          poleId: c.req.param("poleId"),
          ...c.req.valid("json"),
        })) satisfies OnboardingView,
      ),
    )
    .post("/poles/:poleId/onboarding/competencies", jsonBody(CompetenciesBody), async (c) =>
      c.json(
        (await setCompetencies(ctx, signedIn(c).id, {
          poleId: c.req.param("poleId"),
          ...c.req.valid("json"),
        })) satisfies OnboardingView,
      ),
    )
    .post("/poles/:poleId/onboarding/steps/:step", async (c) => {
      const step = ChecklistStepParam.safeParse(c.req.param("step"));
      if (!step.success) throw new DomainError("invalid_input", "Étape d'accueil inconnue.");
      return c.json(
        (await completeChecklistStep(ctx, signedIn(c).id, {
          poleId: c.req.param("poleId"),
          step: step.data,
        })) satisfies OnboardingView,
      );
    })
    .get("/poles/:poleId/newcomers", async (c) =>
      c.json(
        (await listNewcomers(ctx, signedIn(c).id, {
          poleId: c.req.param("poleId"),
        })) satisfies Newcomer[],
      ),
    )
    .post("/suggestions/:suggestionId/confirm", jsonBody(ConfirmSuggestionBody), async (c) =>
      c.json(
        (await confirmSuggestion(ctx, signedIn(c).id, {
          suggestionId: c.req.param("suggestionId"),
          change: c.req.valid("json"),
        })) satisfies Seat,
      ),
    )
    .delete("/suggestions/:suggestionId", async (c) => {
      await dismissSuggestion(ctx, signedIn(c).id, { suggestionId: c.req.param("suggestionId") });
      return c.body(null, 204);
    });
}
