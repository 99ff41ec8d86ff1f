/**
 * `/p/:poleId/decisions`: the decision log (relevé de décisions), newest first, filtered
 * by circle, method, outcome and dates, with its exports and the form to open a decision.
 */
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { DecisionView } from "../../../shared/api/decisions";
import { decisionLogFormats } from "../../../shared/api/decisions";
import { decisionMethods, decisionOutcomes } from "../../../shared/decisions";
import { Crumbs, PoleGate, usePole } from "../../app/pole";
import { useCircles } from "../../app/poleQueries";
import { useProblem } from "../../lib/errors";
import { formatDate } from "../../lib/i18n";
import { usePoleEvents } from "../../lib/live";
import {
  PlusIcon,
  QueryStatus,
  SelectField,
  TextField,
  useDisclosure,
  useDocumentTitle,
} from "../../ui/kit";
import { OpenDecisionForm } from "./OpenDecisionForm";
import { Objections, OutcomeBadge } from "./parts";
import { exportUrl, type LogFilters, noFilters, useColleges, useDecisionLog } from "./queries";
import "./strings";

export function DecisionLogPage() {
  const { t } = useTranslation("decisions");
  const { poleId, pole, ready } = usePole();
  usePoleEvents(pole ? poleId : undefined);
  useDocumentTitle(t("log.title"));
  return (
    <PoleGate title={t("log.title")} pole={pole} ready={ready}>
      {(pole) => (
        <DecisionLog
          poleId={pole.id}
          crumbs={<Crumbs pole={pole} trail={[{ label: t("log.title") }]} />}
        />
      )}
    </PoleGate>
  );
}

function DecisionLog({ poleId, crumbs }: { poleId: string; crumbs: ReactNode }) {
  const { t } = useTranslation("decisions");
  const problem = useProblem();
  const [draft, setDraft] = useState<LogFilters>(noFilters);
  const [filters, setFilters] = useState<LogFilters>(noFilters);
  const log = useDecisionLog(poleId, filters);
  const colleges = useColleges(poleId);
  const opening = useDisclosure();

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilters(draft);
  }

  return (
    <div className="page decision-log">
      {crumbs}
      <div className="page-head">
        <div className="page-head__text">
          <h1>{t("log.title")}</h1>
          <p className="lead">{t("log.intro")}</p>
        </div>
        <ul className="page-head__actions" aria-label={t("log.title")}>
          <li>
            <button type="button" className="button button--primary" {...opening.toggle}>
              <PlusIcon />
              {t("log.open")}
            </button>
          </li>
          {colleges.data?.enabled ? (
            <li>
              <Link to={`/p/${poleId}/colleges`} className="button button--secondary">
                {t("log.colleges")}
              </Link>
            </li>
          ) : null}
        </ul>
      </div>
      <div {...opening.panel}>
        {opening.open ? (
          <OpenDecisionForm poleId={poleId} onCancel={() => opening.setOpen(false)} />
        ) : null}
      </div>

      <Filters
        draft={draft}
        setDraft={setDraft}
        poleId={poleId}
        onSubmit={apply}
        onReset={() => {
          setDraft(noFilters);
          setFilters(noFilters);
        }}
      />

      <nav className="decision-exports" aria-label={t("log.export")}>
        <span>{t("log.export")} :</span>
        <ul>
          {decisionLogFormats.map((format) => (
            <li key={format}>
              <a
                href={exportUrl(poleId, format, filters)}
                target={format === "html" ? "_blank" : undefined}
                rel="noreferrer"
              >
                {t(`log.formats.${format}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <QueryStatus query={log} describe={problem} />
      {log.data ? (
        <>
          <p className="muted" aria-live="polite">
            {t("log.count", { count: log.data.length })}
          </p>
          {log.data.length === 0 ? <p className="muted">{t("log.none")}</p> : null}
          <ol className="decision-list">
            {log.data.map((decision) => (
              <DecisionItem key={decision.id} poleId={poleId} decision={decision} />
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}

function Filters({
  poleId,
  draft,
  setDraft,
  onSubmit,
  onReset,
}: {
  poleId: string;
  draft: LogFilters;
  setDraft(filters: LogFilters): void;
  onSubmit(event: FormEvent): void;
  onReset(): void;
}) {
  const { t } = useTranslation("decisions");
  const circles = useCircles(poleId);
  const field = (key: keyof LogFilters) => ({
    value: draft[key],
    onChange: (event: { target: { value: string } }) =>
      setDraft({ ...draft, [key]: event.target.value }),
  });
  return (
    <form className="card decision-filters" onSubmit={onSubmit} aria-label={t("log.filters")}>
      <SelectField label={t("log.circle")} {...field("circleId")}>
        <option value="">{t("log.anyCircle")}</option>
        {(circles.data ?? []).map((circle) => (
          <option key={circle.id} value={circle.id}>
            {circle.name}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("log.method")} {...field("method")}>
        <option value="">{t("log.any")}</option>
        {decisionMethods.map((method) => (
          <option key={method} value={method}>
            {t(`methods.${method}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("log.outcome")}
        value={draft.state === "open" ? "open" : draft.outcome}
        onChange={(event) => {
          const value = event.target.value;
          setDraft(
            value === "open"
              ? { ...draft, state: "open", outcome: "" }
              : { ...draft, state: "", outcome: value },
          );
        }}
      >
        <option value="">{t("log.any")}</option>
        <option value="open">{t("outcomes.open")}</option>
        {decisionOutcomes.map((outcome) => (
          <option key={outcome} value={outcome}>
            {t(`outcomes.${outcome}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t("log.from")} type="date" {...field("from")} />
      <TextField label={t("log.to")} type="date" {...field("to")} />
      <div className="decision-filters__actions">
        <button type="submit" className="button button--primary">
          {t("log.apply")}
        </button>
        <button type="button" className="button button--ghost" onClick={onReset}>
          {t("log.reset")}
        </button>
      </div>
    </form>
  );
}

function DecisionItem({ poleId, decision }: { poleId: string; decision: DecisionView }) {
  const { t, i18n } = useTranslation("decisions");
  const when = (iso: string) => formatDate(iso, i18n.language);
  return (
    <li className="card decision-item" data-state={decision.state}>
      <h2 className="decision-item__title">
        <Link to={`/p/${poleId}/decisions/${decision.id}`}>{decision.title}</Link>
      </h2>
      <p className="decision-item__meta">
        <OutcomeBadge decision={decision} /> {t(`methods.${decision.method}`)} ·{" "}
        {decision.circleName} · {t("log.opened", { date: when(decision.openedAt) })}
        {decision.closedAt ? `, ${t("log.closed", { date: when(decision.closedAt) })}` : ""} ·{" "}
        {t("log.votes", { voted: decision.tally.voted, electorate: decision.tally.electorate })}
      </p>
      {decision.objections.length > 0 ? (
        <div className="decision-item__objections">
          <h3>{t("log.objections")}</h3>
          <Objections decision={decision} />
        </div>
      ) : null}
    </li>
  );
}
