/**
 * `/p/:poleId/nouveaux` (coordinators): invite a pasted list of people, follow each
 * newcomer's welcome, and confirm or change their suggested circles in one click.
 */
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Newcomers } from "../../../shared/api/onboarding";
import { canFollowNewcomers } from "../../../shared/permissions";
import { Crumbs, PoleGate, usePole } from "../../app/pole";
import { sortCircles, useCircles } from "../../app/poleQueries";
import { api, polePath } from "../../lib/api";
import { useProblem } from "../../lib/errors";
import { QueryStatus, useDocumentTitle } from "../../ui/kit";
import { newcomersKey } from "./queries";
import "./strings";
import { BulkInvite } from "./BulkInvite";
import { NewcomerCard } from "./NewcomerCard";

export function NewcomersPage() {
  const { t, i18n } = useTranslation("collective");
  const { poleId, pole, ready } = usePole();
  const allowed = pole ? canFollowNewcomers({ poleRole: pole.role, circles: [] }) : false;
  const circles = useCircles(allowed ? poleId : undefined);
  const problem = useProblem();
  const newcomers = useQuery({
    queryKey: newcomersKey(poleId),
    queryFn: () => api.get(`${polePath(poleId)}/newcomers`, Newcomers),
    enabled: allowed,
  });
  useDocumentTitle(t("newcomers.title"));
  const sorted = useMemo(
    () => (circles.data ? sortCircles(circles.data, i18n.language) : []),
    [circles.data, i18n.language],
  );

  return (
    <PoleGate title={t("newcomers.title")} pole={pole} ready={ready} allowed={allowed}>
      {(pole) => (
        <div className="page">
          <Crumbs pole={pole} trail={[{ label: t("newcomers.title") }]} />
          <h1>{t("newcomers.title")}</h1>
          <p className="lead">{t("newcomers.intro")}</p>
          <section aria-labelledby="progress-title">
            <h2 id="progress-title">{t("newcomers.progressTitle")}</h2>
            <QueryStatus query={newcomers} describe={problem} />
            {newcomers.data?.length === 0 ? (
              <p className="muted">{t("newcomers.noNewcomers")}</p>
            ) : null}
            <ul className="newcomers">
              {(newcomers.data ?? []).map((newcomer) => (
                <NewcomerCard
                  key={newcomer.userId}
                  poleId={poleId}
                  newcomer={newcomer}
                  circles={sorted}
                />
              ))}
            </ul>
          </section>
          {circles.data ? <BulkInvite poleId={poleId} circles={sorted} /> : null}
        </div>
      )}
    </PoleGate>
  );
}
