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
  chooseInterest,
  chooseStructure,
  completeChecklistStep,
  confirmSuggestion,
  dismissSuggestion,
  getOnboarding,
  listNewcomers,
  setCompetencies,
} from "../domain/onboarding";
import type { AppDeps, AppEnv } from "./context";
import { signedIn } from "./middleware";
import { jsonBody } from "./validate";

/** The newcomer's steps (their own), and the coordinators' follow-up of newcomers. */
export function onboardingRoutes({ db, events }: AppDeps) {
  return new Hono<AppEnv>()
    .get("/poles/:poleId/onboarding", async (c) =>
      c.json((await getOnboarding(db, signedIn(c).id, c.req.param("poleId"))) satisfies Onboarding),
    )
    .post("/poles/:poleId/onboarding/structure", jsonBody(StructureChoiceBody), async (c) =>
      c.json(
        (await chooseStructure(
          db,
          signedIn(c).id,
          c.req.param("poleId"),
          c.req.valid("json"),
        )) satisfies OnboardingView,
      ),
    )
    .post("/poles/:poleId/onboarding/interest", jsonBody(InterestBody), async (c) =>
      c.json(
        (await chooseInterest(
          db,
          signedIn(c).id,
          c.req.param("poleId"),
          c.req.valid("json"),
        )) satisfies OnboardingView,
      ),
    )
    .post("/poles/:poleId/onboarding/competencies", jsonBody(CompetenciesBody), async (c) =>
      c.json(
        (await setCompetencies(
          db,
          signedIn(c).id,
          c.req.param("poleId"),
          c.req.valid("json"),
        )) satisfies OnboardingView,
      ),
    )
    .post("/poles/:poleId/onboarding/steps/:step", async (c) => {
      const step = ChecklistStepParam.safeParse(c.req.param("step"));
      if (!step.success) throw new DomainError("invalid_input", "Étape d'accueil inconnue.");
      return c.json(
        (await completeChecklistStep(
          db,
          signedIn(c).id,
          c.req.param("poleId"),
          step.data,
        )) satisfies OnboardingView,
      );
    })
    .get("/poles/:poleId/newcomers", async (c) =>
      c.json((await listNewcomers(db, signedIn(c).id, c.req.param("poleId"))) satisfies Newcomer[]),
    )
    .post("/suggestions/:suggestionId/confirm", jsonBody(ConfirmSuggestionBody), async (c) =>
      c.json(
        (await confirmSuggestion(
          { db, events },
          signedIn(c).id,
          c.req.param("suggestionId"),
          c.req.valid("json"),
        )) satisfies Seat,
      ),
    )
    .delete("/suggestions/:suggestionId", async (c) => {
      await dismissSuggestion(db, signedIn(c).id, c.req.param("suggestionId"));
      return c.body(null, 204);
    });
}
