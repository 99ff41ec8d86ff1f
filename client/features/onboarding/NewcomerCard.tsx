/** One newcomer's progress and the placements suggested for them. */
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Circle } from "../../../shared/api/circles";
import type { Newcomer, Suggestion } from "../../../shared/api/onboarding";
import { checklistSteps, onboardingSteps } from "../../../shared/collective";
import { isOneOf } from "../../../shared/one-of";
import type { CircleRole } from "../../../shared/permissions";
import { turnsObserverIntoEditor } from "../../../shared/suggestions";
import { Avatar } from "../../app/Avatar";
import { CircleRoleSelect, CircleSelect } from "../../app/CircleFields";
import { useSubmit } from "../../app/form";
import { circlesKey } from "../../app/poleQueries";
import { api } from "../../lib/api";
import { useProblem } from "../../lib/errors";
import { formatDate } from "../../lib/i18n";
import { Badge, useDisclosure } from "../../ui/kit";
import { newcomersKey } from "./queries";
import "./strings";

export function NewcomerCard({
  poleId,
  newcomer,
  circles,
}: {
  poleId: string;
  newcomer: Newcomer;
  circles: Circle[];
}) {
  const { t, i18n } = useTranslation("collective");
  const { t: tc } = useTranslation();
  const steps = [...onboardingSteps, ...checklistSteps];
  const complete = newcomer.done === newcomer.total;
  return (
    <li className="newcomer card" data-newcomer={newcomer.userId}>
      <div className="newcomer__head">
        <Avatar id={newcomer.userId} name={newcomer.name} />
        <div className="newcomer__id">
          <Link to={`/p/${poleId}/personnes/${newcomer.userId}`} className="newcomer__name">
            {newcomer.name}
          </Link>
          <span className="muted small">
            {[
              t("newcomers.arrived", { date: formatDate(newcomer.startedAt, i18n.language) }),
              newcomer.structureName,
              newcomer.interest ? t(`interestShort.${newcomer.interest}`) : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </span>
        </div>
        {complete ? <Badge tone="edit">{t("newcomers.completed")}</Badge> : null}
      </div>
      <p className="small newcomer__standing">
        {t("newcomers.standing", {
          role: tc(`poleRoles.${newcomer.poleRole}`),
          circles:
            newcomer.circles
              .map((seat) => `${seat.name} (${tc(`circleRoles.${seat.role}`)})`)
              .join(", ") || t("newcomers.noCircleYet"),
        })}
      </p>
      <p className="checklist__progress">
        <progress
          max={newcomer.total}
          value={newcomer.done}
          aria-labelledby={`progress-${newcomer.userId}`}
        />
        <span id={`progress-${newcomer.userId}`}>
          {t("newcomers.progress", {
            done: newcomer.done,
            total: newcomer.total,
            count: newcomer.done,
          })}
        </span>
      </p>
      <ul className="newcomer__steps" aria-label={t("newcomers.stepsDone")}>
        {steps.map((step) => (
          <li
            key={step}
            className={newcomer.steps[step] ? "newcomer__step--done" : "newcomer__step"}
          >
            <span aria-hidden="true">{newcomer.steps[step] ? "✓ " : "○ "}</span>
            {isOneOf(checklistSteps, step)
              ? t(`checklist.${step}`)
              : t(`onboarding.steps.${step as (typeof onboardingSteps)[number]}`)}
            <span className="visually-hidden">
              {" "}
              — {newcomer.steps[step] ? t("checklist.done") : t("checklist.todo")}
            </span>
          </li>
        ))}
      </ul>
      <h3 className="newcomer__subtitle">{t("newcomers.suggestions")}</h3>
      {newcomer.suggestions.length === 0 ? (
        <p className="muted small">{t("newcomers.noSuggestion")}</p>
      ) : null}
      <ul className="suggestions">
        {newcomer.suggestions.map((suggestion) => (
          <SuggestionRow
            key={suggestion.id}
            poleId={poleId}
            newcomer={newcomer}
            suggestion={suggestion}
            circles={circles}
          />
        ))}
      </ul>
    </li>
  );
}

type Placement = { circleId?: string; role?: CircleRole };

function SuggestionRow({
  poleId,
  newcomer,
  suggestion,
  circles,
}: {
  poleId: string;
  newcomer: Newcomer;
  suggestion: Suggestion;
  circles: Circle[];
}) {
  const { name } = newcomer;
  const { t } = useTranslation("collective");
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const { busy, outcome, submit } = useSubmit(useProblem());
  const changing = useDisclosure();
  const [circleId, setCircleId] = useState(suggestion.circleId);
  const [role, setRole] = useState<CircleRole>(suggestion.role);
  /** A confirmation waiting for a second click, because it makes an observer an editor. */
  const [asking, setAsking] = useState<Placement | null>(null);

  const decide = (request: () => Promise<void>, success: string) =>
    submit(async () => {
      await request();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: newcomersKey(poleId) }),
        queryClient.invalidateQueries({ queryKey: circlesKey(poleId) }),
      ]);
    }, success);

  const targetOf = (change: Placement) =>
    circles.find((c) => c.id === (change.circleId ?? suggestion.circleId));

  const confirm = (change: Placement) => {
    const target = targetOf(change);
    setAsking(null);
    return decide(
      () =>
        api.call("POST", `/api/suggestions/${encodeURIComponent(suggestion.id)}/confirm`, change),
      t("newcomers.confirmed", { name, circle: target?.name ?? suggestion.circleName }),
    );
  };

  const ask = (change: Placement) => {
    const placement = {
      circleId: change.circleId ?? suggestion.circleId,
      role: change.role ?? suggestion.role,
    };
    if (turnsObserverIntoEditor(newcomer, placement)) setAsking(change);
    else void confirm(change);
  };

  return (
    <li className="suggestion" data-state={suggestion.state}>
      <span className="suggestion__what">
        {suggestion.circleName} · {tc(`circleRoles.${suggestion.role}`)}
      </span>
      {suggestion.state === "pending" ? (
        <span className="suggestion__actions">
          <button
            type="button"
            className="button button--primary button--small"
            disabled={busy}
            aria-label={t("newcomers.confirmLabel", { name, circle: suggestion.circleName })}
            onClick={() => ask({})}
          >
            {t("newcomers.confirm")}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            {...changing.toggle}
            aria-label={t("newcomers.changeLabel", { name })}
          >
            {t("newcomers.change")}
          </button>
          <button
            type="button"
            className="button button--ghost button--small"
            disabled={busy}
            aria-label={t("newcomers.dismissLabel", { name, circle: suggestion.circleName })}
            onClick={() =>
              void decide(
                () => api.call("DELETE", `/api/suggestions/${encodeURIComponent(suggestion.id)}`),
                t("newcomers.dismissed"),
              )
            }
          >
            {t("newcomers.dismiss")}
          </button>
        </span>
      ) : (
        <Badge tone="muted">{t(`newcomers.states.${suggestion.state}`)}</Badge>
      )}
      <div {...changing.panel} className="suggestion__change">
        {changing.open && suggestion.state === "pending" ? (
          <>
            <CircleSelect
              label={t("newcomers.changeTo")}
              circles={circles}
              value={circleId}
              onChange={setCircleId}
            />
            <CircleRoleSelect label={t("newcomers.role")} value={role} onChange={setRole} />
            <button
              type="button"
              className="button button--primary button--small"
              disabled={busy}
              onClick={() => ask({ circleId, role })}
            >
              {t("newcomers.confirm")}
            </button>
          </>
        ) : null}
      </div>
      {asking ? (
        <div role="alert" className="suggestion__warning">
          <p>
            {t("newcomers.becomesEditor", {
              name,
              circle: targetOf(asking)?.name ?? suggestion.circleName,
            })}
          </p>
          <button
            type="button"
            className="button button--primary button--small"
            disabled={busy}
            onClick={() => void confirm(asking)}
          >
            {t("newcomers.confirmAnyway")}
          </button>
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => setAsking(null)}
          >
            {tc("common.cancel")}
          </button>
        </div>
      ) : null}
      {outcome ? (
        <p
          role={outcome.tone === "error" ? "alert" : "status"}
          className={outcome.tone === "error" ? "field__error" : "small"}
        >
          {outcome.text}
        </p>
      ) : null}
    </li>
  );
}
