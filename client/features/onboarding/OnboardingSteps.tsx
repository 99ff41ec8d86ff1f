/** The newcomer's three onboarding questions: their structure, why they join, their competencies. */
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Onboarding, type OnboardingView } from "../../../shared/api/onboarding";
import {
  type InterestLevel,
  interestLevels,
  type OnboardingStep,
  onboardingSteps,
} from "../../../shared/collective";
import { useSubmit } from "../../app/form";
import { useCircles } from "../../app/poleQueries";
import { api } from "../../lib/api";
import { useProblem } from "../../lib/errors";
import { Choice, ChoiceGroup } from "../../ui/choices";
import { FormActions, FormError, Loading, Notice, SelectField } from "../../ui/kit";
import { splitTags } from "../../ui/tags";
import { structuresKey, useStructures } from "../directory/queries";
import {
  checkStructure,
  emptyStructure,
  type StructureErrors,
  StructureFields,
  structureBody,
} from "../directory/StructureFields";
import { ContributionFields } from "../profile/ContributionFields";
import { onboardingKey, onboardingPath } from "./queries";
import "../circles/strings";
import "../directory/strings";
import "./strings";

/**
 * The three questions, one at a time; the parent shows the checklist once they are
 * answered (the onboarding's state says so). `level` fits the page's heading outline.
 */
export function OnboardingSteps({
  poleId,
  view,
  level,
}: {
  poleId: string;
  view: OnboardingView;
  level: 2 | 3;
}) {
  const { t } = useTranslation("collective");
  const firstOpen = onboardingSteps.findIndex((step) => view.steps[step] === null);
  const [index, setIndex] = useState(firstOpen === -1 ? onboardingSteps.length : firstOpen);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new step
  useEffect(() => {
    // After each step, the focus goes to the next one's title (not on first display).
    if (moved.current) heading.current?.focus();
    moved.current = true;
  }, [index]);

  const step: OnboardingStep | undefined = onboardingSteps[index];
  if (!step) return null;
  const Heading = level === 2 ? "h2" : "h3";
  const next = () => setIndex((value) => value + 1);
  return (
    <>
      <ol
        className="stepper"
        aria-label={t("onboarding.stepOf", { current: index + 1, total: onboardingSteps.length })}
      >
        {onboardingSteps.map((name, i) => (
          <li
            key={name}
            className={`stepper__step${i === index ? " stepper__step--current" : ""}${i < index ? " stepper__step--done" : ""}`}
            aria-current={i === index ? "step" : undefined}
          >
            {t(`onboarding.steps.${name}`)}
          </li>
        ))}
      </ol>
      <section className="card" aria-labelledby="step-title">
        <p className="eyebrow">
          {t("onboarding.stepOf", { current: index + 1, total: onboardingSteps.length })}
        </p>
        <Heading id="step-title" ref={heading} tabIndex={-1}>
          {t(`onboarding.steps.${step}`)}
        </Heading>
        {step === "structure" ? <StructureStep poleId={poleId} onDone={next} /> : null}
        {step === "interest" ? <InterestStep poleId={poleId} view={view} onDone={next} /> : null}
        {step === "competencies" ? <CompetenciesStep poleId={poleId} onDone={next} /> : null}
        {index > 0 ? (
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => setIndex(index - 1)}
          >
            {t("onboarding.back")}
          </button>
        ) : null}
      </section>
    </>
  );
}

/** Posts one step and keeps the answer as the onboarding's new state. */
function useStepSubmit(poleId: string, path: string, onDone: () => void) {
  const queryClient = useQueryClient();
  const { busy, error, submit } = useSubmit(useProblem());
  const send = async (body: unknown) => {
    const sent = await submit(async () => {
      const view = await api.post(`${onboardingPath(poleId)}/${path}`, body, Onboarding);
      queryClient.setQueryData(onboardingKey(poleId), view);
      await queryClient.invalidateQueries({ queryKey: structuresKey(poleId) });
    });
    if (sent) onDone();
  };
  return { submit: send, busy, error };
}

function StructureStep({ poleId, onDone }: { poleId: string; onDone(): void }) {
  const { t } = useTranslation("collective");
  const { t: tc } = useTranslation();
  const structures = useStructures(poleId);
  const { submit, busy, error } = useStepSubmit(poleId, "structure", onDone);
  const [mode, setMode] = useState<"existing" | "new" | "none" | null>(null);
  const [structureId, setStructureId] = useState("");
  const [draft, setDraft] = useState(emptyStructure);
  const [errors, setErrors] = useState<StructureErrors>({});
  const [choiceError, setChoiceError] = useState<string | undefined>();
  const prefix = useId();
  const existing = structures.data ?? [];
  const chosenMode = mode ?? (existing.length > 0 ? "existing" : "new");

  function send(event: FormEvent) {
    event.preventDefault();
    if (chosenMode === "existing") {
      const id = structureId || existing[0]?.id;
      if (!id) return setChoiceError(t("onboarding.chooseStructure"));
      void submit({ structureId: id });
    } else if (chosenMode === "new") {
      const found = checkStructure(draft, tc("validation.required"));
      setErrors(found);
      if (found.name || found.legalForm) return;
      void submit({ structure: structureBody(draft) });
    } else {
      void submit({ none: true });
    }
  }

  if (structures.isPending) return <Loading />;
  return (
    <form className="form" onSubmit={send} noValidate aria-labelledby="step-title">
      <FormError error={error} />
      <ChoiceGroup legend={t("onboarding.structureChoice")} error={choiceError}>
        {existing.length > 0 ? (
          <Choice
            type="radio"
            name="mode"
            checked={chosenMode === "existing"}
            onChange={() => setMode("existing")}
            label={t("onboarding.existing")}
          />
        ) : null}
        <Choice
          type="radio"
          name="mode"
          checked={chosenMode === "new"}
          onChange={() => setMode("new")}
          label={t("onboarding.newStructure")}
        />
        <Choice
          type="radio"
          name="mode"
          checked={chosenMode === "none"}
          onChange={() => setMode("none")}
          label={t("onboarding.noStructure")}
        />
      </ChoiceGroup>
      {chosenMode === "existing" ? (
        <SelectField
          label={t("onboarding.pickStructure")}
          hint={t("structureRequests.hint")}
          value={structureId || existing[0]?.id || ""}
          onChange={(event) => {
            setStructureId(event.target.value);
            setChoiceError(undefined);
          }}
        >
          {existing.map((structure) => (
            <option key={structure.id} value={structure.id}>
              {structure.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {chosenMode === "new" ? (
        <StructureFields draft={draft} onChange={setDraft} errors={errors} idPrefix={prefix} />
      ) : null}
      <FormActions busy={busy} label={t("onboarding.next")} busyLabel={t("common.saving")} />
    </form>
  );
}

function InterestStep({
  poleId,
  view,
  onDone,
}: {
  poleId: string;
  view: OnboardingView;
  onDone(): void;
}) {
  const { t } = useTranslation("collective");
  const circles = useCircles(poleId);
  const { submit, busy, error } = useStepSubmit(poleId, "interest", onDone);
  const [interest, setInterest] = useState<InterestLevel | null>(view.interest);
  const [chosen, setChosen] = useState<string[]>(() =>
    view.suggestions.filter((s) => s.state === "pending").map((s) => s.circleId),
  );
  const [fieldError, setFieldError] = useState<string | undefined>();
  const groupKind = interest === "project" ? "project" : interest === "theme" ? "thematic" : null;
  const groups = (circles.data ?? []).filter((circle) => circle.kind === groupKind);

  function send(event: FormEvent) {
    event.preventDefault();
    if (!interest) return setFieldError(t("onboarding.chooseInterest"));
    const circleIds = chosen.filter((id) => groups.some((g) => g.id === id));
    if (groupKind && circleIds.length === 0) return setFieldError(t("onboarding.pickOne"));
    void submit({ interest, circleIds });
  }

  return (
    <form className="form" onSubmit={send} noValidate aria-labelledby="step-title">
      <FormError error={error} />
      <ChoiceGroup
        legend={t("onboarding.interestLegend")}
        error={!groupKind ? fieldError : undefined}
      >
        {interestLevels.map((level) => (
          <Choice
            key={level}
            type="radio"
            name="interest"
            checked={interest === level}
            onChange={() => {
              setInterest(level);
              setFieldError(undefined);
            }}
            label={t(`interest.${level}`)}
            hint={t(`interestHints.${level}`)}
          />
        ))}
      </ChoiceGroup>
      {groupKind ? (
        groups.length === 0 ? (
          <Notice tone="warning">{t("onboarding.noGroups")}</Notice>
        ) : (
          <ChoiceGroup
            legend={
              groupKind === "project" ? t("onboarding.pickProject") : t("onboarding.pickThematic")
            }
            error={fieldError}
          >
            {groups.map((circle) => (
              <Choice
                key={circle.id}
                type="checkbox"
                name="circles"
                checked={chosen.includes(circle.id)}
                onChange={(checked) => {
                  setFieldError(undefined);
                  setChosen((list) =>
                    checked ? [...list, circle.id] : list.filter((id) => id !== circle.id),
                  );
                }}
                label={circle.name}
              />
            ))}
          </ChoiceGroup>
        )
      ) : null}
      <p className="muted small">{t("onboarding.suggestionNote")}</p>
      <FormActions
        busy={busy}
        disabled={groupKind !== null && groups.length === 0}
        label={t("onboarding.next")}
        busyLabel={t("common.saving")}
      />
    </form>
  );
}

function CompetenciesStep({ poleId, onDone }: { poleId: string; onDone(): void }) {
  const { t } = useTranslation("collective");
  const { submit, busy, error } = useStepSubmit(poleId, "competencies", onDone);
  const [contribution, setContribution] = useState({ competencies: "", brings: "", seeks: "" });

  function send(event: FormEvent) {
    event.preventDefault();
    void submit({ ...contribution, competencies: splitTags(contribution.competencies) });
  }

  return (
    <form className="form" onSubmit={send} noValidate aria-labelledby="step-title">
      <FormError error={error} />
      <ContributionFields value={contribution} onChange={setContribution} />
      <FormActions busy={busy} label={t("onboarding.finish")} busyLabel={t("common.saving")} />
    </form>
  );
}
