/**
 * The person's own answers, indicator by indicator under the nine objectives: saved as they
 * are typed (each rating at once, comments a moment after the last key), so that the sheet
 * can be left and resumed.
 */
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AnswerBody, CampaignView, Evidence, MyAnswer } from "../../../shared/api/maturity";
import { generalObjectives, objectives, ratingScale } from "../../../shared/maturity/referentiel";
import { usePoleDocuments } from "../../app/poleQueries";
import { useProblem } from "../../lib/errors";
import { Notice, QueryStatus } from "../../ui/kit";
import { useMyAnswers, useSaveAnswer } from "./queries";
import "./strings";

type Indicator = CampaignView["indicators"][number];
const COMMENT_DELAY_MS = 700;

export function AnswerSheet({ poleId, campaign }: { poleId: string; campaign: CampaignView }) {
  const { t } = useTranslation("maturity");
  const problem = useProblem();
  const answers = useMyAnswers(campaign.id, true);
  const open = campaign.state === "open";
  const rated = answers.data?.filter((a) => a.importance !== null || a.standing !== null).length;
  const saved = answers.data;
  const sheet = saved ? (
    <>
      <p className="small" aria-live="polite">
        {t("campaign.rated", { count: rated ?? 0, total: campaign.indicators.length })}
      </p>
      {generalObjectives.map((general) => (
        <div key={general} className="answers__general">
          <h3>{t(`general.${general}`)}</h3>
          {objectives
            .filter((objective) => objective.general === general)
            .map((objective) => (
              <div key={objective.key} className="answers__objective">
                <h4>
                  {objective.key}. {objective.label}
                </h4>
                {campaign.indicators
                  .filter((indicator) => indicator.objective === objective.key)
                  .map((indicator) => (
                    <IndicatorAnswer
                      key={indicator.id}
                      poleId={poleId}
                      campaignId={campaign.id}
                      indicator={indicator}
                      saved={saved.find((a) => a.indicatorId === indicator.id)}
                      disabled={!open}
                    />
                  ))}
              </div>
            ))}
        </div>
      ))}
    </>
  ) : null;
  return (
    <section aria-labelledby="answers-title" className="answers">
      <h2 id="answers-title">{t("campaign.answers")}</h2>
      <p className="muted">{t("campaign.answersIntro")}</p>
      {open ? null : (
        <Notice>
          {campaign.state === "scheduled" ? t("campaign.notYet") : t("campaign.notOpen")}
        </Notice>
      )}
      <QueryStatus query={answers} describe={problem} />
      {sheet === null ? null : open ? (
        sheet
      ) : (
        <details className="answers__frozen">
          <summary>{t("campaign.showAnswers")}</summary>
          {sheet}
        </details>
      )}
    </section>
  );
}

function Rating({
  legend,
  hint,
  name,
  value,
  disabled,
  onChange,
}: {
  legend: string;
  hint: string;
  name: string;
  value: number | null;
  disabled: boolean;
  onChange(value: number): void;
}) {
  const hintId = useId();
  return (
    <fieldset className="rating" aria-describedby={hintId}>
      <legend>{legend}</legend>
      <p id={hintId} className="field__hint">
        {hint}
      </p>
      <div className="rating__options">
        {ratingScale.map((rating) => (
          <label key={rating} className="rating__option">
            <input
              type="radio"
              name={name}
              value={rating}
              checked={value === rating}
              disabled={disabled}
              onChange={() => onChange(rating)}
            />
            <span>{rating}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function IndicatorAnswer({
  poleId,
  campaignId,
  indicator,
  saved,
  disabled,
}: {
  poleId: string;
  campaignId: string;
  indicator: Indicator;
  saved: MyAnswer | undefined;
  disabled: boolean;
}) {
  const { t } = useTranslation("maturity");
  const problem = useProblem();
  const id = useId();
  const save = useSaveAnswer(campaignId);
  const [importance, setImportance] = useState(saved?.importance ?? null);
  const [standing, setStanding] = useState(saved?.standing ?? null);
  const [comment, setComment] = useState(saved?.comment ?? "");
  const [evidence, setEvidence] = useState<Evidence[]>(saved?.evidence ?? []);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const send = (body: AnswerBody) => save.mutate({ indicatorId: indicator.id, body });
  const commentLater = (text: string) => {
    setComment(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => send({ comment: text }), COMMENT_DELAY_MS);
  };
  const commentNow = () => {
    if (timer.current === undefined) return;
    clearTimeout(timer.current);
    timer.current = undefined;
    if (comment !== (saved?.comment ?? "")) send({ comment });
  };
  const changeEvidence = (list: Evidence[]) => {
    setEvidence(list);
    send({ evidence: list });
  };

  return (
    <fieldset className="indicator card" aria-labelledby={`${id}-label`}>
      <p id={`${id}-label`} className="indicator__label">
        {indicator.label}
      </p>
      <div className="indicator__ratings">
        <Rating
          legend={t("campaign.importance")}
          hint={t("campaign.scaleImportance")}
          name={`${id}-importance`}
          value={importance}
          disabled={disabled}
          onChange={(value) => {
            setImportance(value);
            send({ importance: value });
          }}
        />
        <Rating
          legend={t("campaign.standing")}
          hint={t("campaign.scaleStanding")}
          name={`${id}-standing`}
          value={standing}
          disabled={disabled}
          onChange={(value) => {
            setStanding(value);
            send({ standing: value });
          }}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-comment`}>
          {t("campaign.comment")}
        </label>
        <textarea
          id={`${id}-comment`}
          className="input textarea"
          rows={2}
          maxLength={2000}
          value={comment}
          disabled={disabled}
          onChange={(event) => commentLater(event.target.value)}
          onBlur={commentNow}
        />
      </div>
      <EvidenceField
        poleId={poleId}
        evidence={evidence}
        disabled={disabled}
        onChange={changeEvidence}
      />
      <p className="small muted indicator__status" aria-live="polite">
        {save.isPending ? t("campaign.saving") : save.isSuccess ? t("campaign.saved") : ""}
      </p>
      {save.isError ? <Notice tone="error">{problem(save.error)}</Notice> : null}
    </fieldset>
  );
}

function EvidenceField({
  poleId,
  evidence,
  disabled,
  onChange,
}: {
  poleId: string;
  evidence: Evidence[];
  disabled: boolean;
  onChange(list: Evidence[]): void;
}) {
  const { t } = useTranslation("maturity");
  const id = useId();
  const documents = usePoleDocuments(poleId);
  const [picked, setPicked] = useState("");
  const choices = documents.data?.filter((d) => !evidence.some((e) => e.documentId === d.id)) ?? [];
  return (
    <div className="evidence">
      <p className="field__label">{t("campaign.evidence")}</p>
      {evidence.length > 0 ? (
        <ul className="evidence__list">
          {evidence.map((item) => (
            <li key={`${item.documentId}-${item.itemId ?? ""}`}>
              <a href={`/d/${item.documentId}`}>{item.label}</a>{" "}
              <button
                type="button"
                className="button button--ghost button--small"
                disabled={disabled}
                onClick={() => onChange(evidence.filter((e) => e !== item))}
                aria-label={t("campaign.removeEvidence", { label: item.label })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {disabled ? null : (
        <div className="evidence__add">
          <label htmlFor={`${id}-pick`} className="visually-hidden">
            {t("campaign.evidencePick")}
          </label>
          <select
            id={`${id}-pick`}
            className="input select"
            value={picked}
            onChange={(event) => setPicked(event.target.value)}
          >
            <option value="">{t("campaign.evidencePick")}</option>
            {choices.map((document) => (
              <option key={document.id} value={document.id}>
                {document.title}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={!picked}
            onClick={() => {
              const document = choices.find((d) => d.id === picked);
              if (!document) return;
              onChange([
                ...evidence,
                { kind: "document", documentId: document.id, label: document.title },
              ]);
              setPicked("");
            }}
          >
            {t("campaign.addEvidence")}
          </button>
        </div>
      )}
    </div>
  );
}
