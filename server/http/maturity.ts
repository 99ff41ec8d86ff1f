/** Self-assessment (the référentiel, campaigns, answers, markers, results) and the dashboard. */
import { Hono } from "hono";
import type { Dashboard } from "../../shared/api/dashboard";
import {
  AddIndicatorBody,
  AnswerBody,
  type CampaignResults,
  type CampaignSummary,
  type CampaignView,
  type IndicatorView,
  IndicatorVisibilityBody,
  MarkerBody,
  type MarkerLevel,
  type MyAnswer,
  OpenCampaignBody,
} from "../../shared/api/maturity";
import { type GodinMarker, godinMarkers } from "../../shared/maturity/referentiel";
import { exportFunderReport } from "../domain/dashboard/export";
import { loadDashboard } from "../domain/dashboard/figures";
import { DomainError } from "../domain/errors";
import { today } from "../domain/maturity/access";
import { myAnswers, saveAnswer } from "../domain/maturity/answers";
import {
  closeCampaign,
  listCampaigns,
  readCampaign,
  setMarkerLevel,
  startCampaign,
} from "../domain/maturity/campaigns";
import { addIndicator, readReferentiel, setIndicatorHidden } from "../domain/maturity/referentiel";
import { campaignResults } from "../domain/maturity/results";
import type { AppDeps, AppEnv } from "./context";
import { sendExport } from "./exports";
import { signedIn } from "./middleware";
import { jsonBody } from "./validate";

function markerParam(value: string): GodinMarker {
  const marker = godinMarkers.find((m) => m === value);
  if (!marker) {
    throw new DomainError("invalid_input", `Repère inconnu : ${godinMarkers.join(", ")}.`);
  }
  return marker;
}

export function maturityRoutes({ ctx }: AppDeps) {
  return new Hono<AppEnv>()
    .get("/poles/:poleId/maturity/referentiel", async (c) =>
      c.json(
        (await readReferentiel(ctx, signedIn(c).id, {
          poleId: c.req.param("poleId"),
        })) satisfies IndicatorView[],
      ),
    )
    .post(
      "/poles/:poleId/maturity/indicators",

      jsonBody(AddIndicatorBody),
      async (c) => {
        const indicator = await addIndicator(ctx, signedIn(c).id, {
          poleId: c.req.param("poleId"),
          indicator: c.req.valid("json"),
        });
        return c.json(indicator satisfies IndicatorView, 201);
      },
    )
    .put(
      "/poles/:poleId/maturity/indicators/:indicatorId",

      jsonBody(IndicatorVisibilityBody),
      async (c) =>
        c.json(
          (await setIndicatorHidden(ctx, signedIn(c).id, {
            poleId: c.req.param("poleId"),
            indicatorId: c.req.param("indicatorId"),
            hidden: c.req.valid("json").hidden,
          })) satisfies IndicatorView,
        ),
    )
    .get("/poles/:poleId/maturity/campaigns", async (c) =>
      c.json(
        (await listCampaigns(ctx, signedIn(c).id, {
          poleId: c.req.param("poleId"),
          on: today(),
        })) satisfies CampaignSummary[],
      ),
    )
    .post(
      "/poles/:poleId/maturity/campaigns",

      jsonBody(OpenCampaignBody),
      async (c) => {
        const campaign = await startCampaign(ctx, signedIn(c).id, {
          poleId: c.req.param("poleId"),
          campaign: c.req.valid("json"),
          on: today(),
        });
        return c.json(campaign satisfies CampaignSummary, 201);
      },
    )
    .get("/maturity/campaigns/:campaignId", async (c) =>
      c.json(
        (await readCampaign(ctx, signedIn(c).id, {
          campaignId: c.req.param("campaignId"),
          on: today(),
        })) satisfies CampaignView,
      ),
    )
    .post("/maturity/campaigns/:campaignId/close", async (c) =>
      c.json(
        (await closeCampaign(ctx, signedIn(c).id, {
          campaignId: c.req.param("campaignId"),
          on: today(),
        })) satisfies CampaignView,
      ),
    )
    .get("/maturity/campaigns/:campaignId/answers", async (c) =>
      c.json(
        (await myAnswers(ctx, signedIn(c).id, {
          campaignId: c.req.param("campaignId"),
          on: today(),
        })) satisfies MyAnswer[],
      ),
    )
    .put(
      "/maturity/campaigns/:campaignId/answers/:indicatorId",

      jsonBody(AnswerBody),
      async (c) =>
        c.json(
          (await saveAnswer(ctx, signedIn(c).id, {
            campaignId: c.req.param("campaignId"),
            indicatorId: c.req.param("indicatorId"),
            answer: c.req.valid("json"),
            on: today(),
          })) satisfies MyAnswer,
        ),
    )
    .put(
      "/maturity/campaigns/:campaignId/markers/:marker",

      jsonBody(MarkerBody),
      async (c) =>
        c.json(
          (await setMarkerLevel(ctx, signedIn(c).id, {
            campaignId: c.req.param("campaignId"),
            marker: markerParam(c.req.param("marker")),
            level: c.req.valid("json").level,
            on: today(),
          })) satisfies MarkerLevel[],
        ),
    )
    .get("/maturity/campaigns/:campaignId/results", async (c) =>
      c.json(
        (await campaignResults(ctx, signedIn(c).id, {
          campaignId: c.req.param("campaignId"),
          on: today(),
        })) satisfies CampaignResults,
      ),
    )
    .get("/poles/:poleId/dashboard", async (c) =>
      c.json(
        (await loadDashboard(ctx, signedIn(c).id, {
          poleId: c.req.param("poleId"),
          on: today(),
        })) satisfies Dashboard,
      ),
    )
    .get("/poles/:poleId/dashboard/report/:format", async (c) => {
      const format = c.req.param("format");
      const file = await exportFunderReport(ctx, signedIn(c).id, {
        poleId: c.req.param("poleId"),
        format,
        on: today(),
      });
      return sendExport(c, file, format === "html" ? "inline" : "attachment");
    });
}
