/**
 * `/p/:poleId/decisions/:decisionId`: the proposal, its method and electorate, the tally
 * live (the pôle's event stream refetches it), the vote and, where allowed, the closing.
 */
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { DecisionView } from "../../../shared/api/decisions";
import { choicesFor, type VoteChoice } from "../../../shared/decisions";
import { useSubmit } from "../../app/form";
import { Crumbs, PoleGate, usePole } from "../../app/pole";
import { useProblem } from "../../lib/errors";
import { formatDate } from "../../lib/i18n";
import { usePoleEvents } from "../../lib/live";
import {
  FormError,
  Notice,
  OutcomeNotice,
  QueryStatus,
  TextAreaField,
  useDocumentTitle,
} from "../../ui/kit";
import { Objections, OutcomeBadge, TallyView } from "./parts";
import { useCloseDecision, useDecision, useVote } from "./queries";
import "./strings";

export function DecisionPage() {
  const { t } = useTranslation("decisions");
  const { decisionId = "" } = useParams();
  const { poleId, pole, ready } = usePole();
  const decision = useDecision(decisionId);
  const problem = useProblem();
  usePoleEvents(pole ? poleId : undefined);
  useDocumentTitle(decision.data?.title ?? t("log.title"));
  return (
    <PoleGate title={t("log.title")} pole={pole} ready={ready}>
      {(pole) => (
        <div className="page decision-page">
          <Crumbs
            pole={pole}
            trail={[
              { label: t("log.title"), to: `/p/${pole.id}/decisions` },
              { label: decision.data?.title ?? "…" },
            ]}
          />
          <QueryStatus query={decision} describe={problem} />
          {decision.data ? <Decision decision={decision.data} /> : null}
        </div>
      )}
    </PoleGate>
  );
}

function Decision({ decision }: { decision: DecisionView }) {
  const { t, i18n } = useTranslation("decisions");
  const when = (iso: string) => formatDate(iso, i18n.language);
  return (
    <article className="decision" data-state={decision.state}>
      <header className="decision__head">
        <h1>{decision.title}</h1>
        <p className="decision__badges">
          <OutcomeBadge decision={decision} /> <span>{t(`methods.${decision.method}`)}</span>
          {" · "}
          <span>{decision.circleName}</span>
        </p>
        <ul className="decision__meta">
          {decision.author ? <li>{t("decision.author", { name: decision.author.name })}</li> : null}
          <li>{t("log.opened", { date: when(decision.openedAt) })}</li>
          {decision.closedAt ? (
            <li>{t("decision.closedOn", { date: when(decision.closedAt) })}</li>
          ) : null}
          {decision.closesAt && decision.state === "open" ? (
            <li>
              {t("decision.closesAt", {
                date: new Date(decision.closesAt).toLocaleString(i18n.language),
              })}
            </li>
          ) : null}
          {decision.quorum > 0 ? (
            <li>{t("decision.quorum", { value: Math.round(decision.quorum * 1000) / 10 })}</li>
          ) : null}
          {decision.threshold !== null ? (
            <li>
              {t("decision.threshold", { value: Math.round(decision.threshold * 1000) / 10 })}
            </li>
          ) : null}
          {decision.anonymous ? <li>{t("decision.anonymous")}</li> : null}
        </ul>
      </header>

      {decision.outcome ? (
        <Notice tone={decision.outcome === "adopted" ? "success" : "warning"}>
          <span data-testid="outcome">
            {t("decision.outcome", { outcome: t(`outcomes.${decision.outcome}`) })}
          </span>
        </Notice>
      ) : null}

      {decision.text ? (
        <section aria-labelledby="proposal-title" className="card">
          <h2 id="proposal-title">{t("decision.proposal")}</h2>
          <p className="decision__text">{decision.text}</p>
        </section>
      ) : null}

      <div className="decision__columns">
        <section aria-labelledby="tally-title" className="card">
          <h2 id="tally-title">{t("decision.tally")}</h2>
          <p className="muted visually-hidden">{t("decision.tallyLive")}</p>
          <div aria-live="polite" data-testid="tally">
            <TallyView decision={decision} />
          </div>
          <h3>{t("decision.objections")}</h3>
          {decision.objections.length === 0 ? (
            <p className="muted">{t("decision.noObjection")}</p>
          ) : (
            <Objections decision={decision} />
          )}
        </section>

        <div className="decision__side">
          {decision.canVote ? <VoteForm decision={decision} /> : null}
          {decision.state === "open" && !decision.canVote ? (
            <p className="muted">{t("decision.notInElectorate")}</p>
          ) : null}
          {decision.canClose ? <CloseButton decisionId={decision.id} /> : null}
          <Electorate decision={decision} />
        </div>
      </div>
    </article>
  );
}

function VoteForm({ decision }: { decision: DecisionView }) {
  const { t } = useTranslation("decisions");
  const problem = useProblem();
  const request = useSubmit(problem);
  const vote = useVote(decision.id);
  const [choice, setChoice] = useState<VoteChoice | null>(decision.myVote?.choice ?? null);
  const [reason, setReason] = useState(decision.myVote?.reason ?? "");
  const [reasonError, setReasonError] = useState<string | undefined>();
  const choices = choicesFor(decision.method);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!choice) return;
    if (choice === "objection" && reason.trim() === "") {
      setReasonError(t("decision.reasonRequired"));
      return;
    }
    setReasonError(undefined);
    await request.submit(
      () => vote.mutateAsync({ choice, reason: reason.trim() || undefined }),
      t("decision.recorded"),
    );
  }

  return (
    <form className="card form vote-form" onSubmit={submit} noValidate aria-labelledby="vote-title">
      <h2 id="vote-title">{t("decision.yourVote")}</h2>
      <FormError error={request.error} />
      {decision.myVote ? (
        <p data-testid="my-vote">
          {t("decision.yourChoice", { choice: t(`choices.${decision.myVote.choice}`) })}
        </p>
      ) : null}
      <p className="muted">{t("decision.changeVote")}</p>
      <fieldset className="vote-form__choices">
        <legend className="visually-hidden">{t("decision.yourVote")}</legend>
        {choices.map((item) => (
          <label key={item} className="vote-choice" data-choice={item}>
            <input
              type="radio"
              name="choice"
              value={item}
              checked={choice === item}
              onChange={() => setChoice(item)}
            />
            <span>{t(`choices.${item}`)}</span>
          </label>
        ))}
      </fieldset>
      <TextAreaField
        label={choice === "objection" ? t("decision.reason") : t("decision.reasonOptional")}
        hint={choice === "objection" ? t("decision.reasonHint") : undefined}
        error={reasonError}
        required={choice === "objection"}
        value={reason}
        onChange={(value) => {
          setReason(value);
          setReasonError(undefined);
        }}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={!choice || request.busy}>
          {request.busy ? t("decision.casting") : t("decision.cast")}
        </button>
      </div>
      {request.outcome?.tone === "success" ? <OutcomeNotice outcome={request.outcome} /> : null}
    </form>
  );
}

function CloseButton({ decisionId }: { decisionId: string }) {
  const { t } = useTranslation("decisions");
  const problem = useProblem();
  const request = useSubmit(problem);
  const close = useCloseDecision(decisionId);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="card close-decision">
      <FormError error={request.error} />
      {confirming ? (
        <>
          <p>{t("decision.confirmClose")}</p>
          <div className="form__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={request.busy}
              onClick={() => request.submit(() => close.mutateAsync())}
            >
              {request.busy ? t("decision.closing") : t("decision.close")}
            </button>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => setConfirming(false)}
            >
              {t("form.cancel")}
            </button>
          </div>
        </>
      ) : (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setConfirming(true)}
        >
          {t("decision.close")}
        </button>
      )}
    </div>
  );
}

function Electorate({ decision }: { decision: DecisionView }) {
  const { t } = useTranslation("decisions");
  return (
    <section aria-labelledby="electorate-title" className="card">
      <h2 id="electorate-title">{t("decision.electorate")}</h2>
      <p className="muted">{t("decision.electorateHint")}</p>
      <ul className="electorate" data-testid="electorate">
        {decision.electorate.map((voter) => (
          <li key={voter.userId} className="electorate__item" data-voted={voter.voted}>
            <span className="electorate__name">{voter.name}</span>{" "}
            <span className="electorate__state">
              {voter.voted ? t("decision.hasVoted") : t("decision.hasNotVoted")}
              {voter.choice ? ` — ${t(`choices.${voter.choice}`)}` : ""}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
