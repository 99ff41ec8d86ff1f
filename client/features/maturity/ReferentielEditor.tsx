/** Coordinators shape the pôle's référentiel: their own indicators, and those it hides. */
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { IndicatorView } from "../../../shared/api/maturity";
import { type ObjectiveKey, objectives } from "../../../shared/maturity/referentiel";
import { useProblem } from "../../lib/errors";
import { FormActions, Notice, QueryStatus, SelectField, TextField, TitledForm } from "../../ui/kit";
import { useAddIndicator, useHideIndicator, useReferentiel } from "./queries";
import "./strings";

export function ReferentielEditor({ poleId }: { poleId: string }) {
  const { t } = useTranslation("maturity");
  const problem = useProblem();
  const referentiel = useReferentiel(poleId);
  const hide = useHideIndicator(poleId);
  return (
    <section aria-labelledby="referentiel-title" className="referentiel">
      <h2 id="referentiel-title">{t("referentiel.title")}</h2>
      <p className="muted">{t("referentiel.intro")}</p>
      <QueryStatus query={referentiel} describe={problem} />
      {hide.isError ? <Notice tone="error">{problem(hide.error)}</Notice> : null}
      {objectives.map((objective) => {
        const indicators = referentiel.data?.filter((i) => i.objective === objective.key) ?? [];
        return (
          <fieldset key={objective.key} className="fieldset referentiel__objective">
            <legend>
              {objective.key}. {objective.label}
            </legend>
            <ul className="referentiel__list">
              {indicators.map((indicator) => (
                <IndicatorRow
                  key={indicator.id}
                  indicator={indicator}
                  onHide={(hidden) => hide.mutate({ indicatorId: indicator.id, hidden })}
                />
              ))}
            </ul>
            {objective.key === "i" ? (
              <p className="small muted">{t("referentiel.missing")}</p>
            ) : null}
          </fieldset>
        );
      })}
      <AddIndicatorForm poleId={poleId} />
    </section>
  );
}

function IndicatorRow({
  indicator,
  onHide,
}: {
  indicator: IndicatorView;
  onHide(hidden: boolean): void;
}) {
  const { t } = useTranslation("maturity");
  return (
    <li
      className={
        indicator.hidden ? "referentiel__item referentiel__item--hidden" : "referentiel__item"
      }
    >
      <label className="checkbox">
        <input
          type="checkbox"
          checked={indicator.hidden}
          onChange={(event) => onHide(event.target.checked)}
          aria-label={t("referentiel.hide", { label: indicator.label })}
        />
        <span aria-hidden="true">{t("referentiel.hidden")}</span>
      </label>
      <span className="referentiel__label">
        {indicator.label}
        {indicator.custom ? <span className="small muted"> — {t("referentiel.own")}</span> : null}
      </span>
    </li>
  );
}

function AddIndicatorForm({ poleId }: { poleId: string }) {
  const { t } = useTranslation("maturity");
  const problem = useProblem();
  const add = useAddIndicator(poleId);
  const [objective, setObjective] = useState<ObjectiveKey>("i");
  const [label, setLabel] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    try {
      await add.mutateAsync({ objective, label });
      setLabel("");
      setError(null);
      setDone(true);
    } catch (failure) {
      setError(problem(failure));
    }
  }

  return (
    <TitledForm title={t("referentiel.add")} error={error} onSubmit={submit}>
      <SelectField
        label={t("referentiel.objective")}
        value={objective}
        onChange={(event) => {
          const found = objectives.find((o) => o.key === event.target.value);
          if (found) setObjective(found.key);
        }}
      >
        {objectives.map((o) => (
          <option key={o.key} value={o.key}>
            {o.key}. {o.short}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("referentiel.label")}
        value={label}
        maxLength={300}
        onChange={(event) => setLabel(event.target.value)}
      />
      {done ? <Notice tone="success">{t("referentiel.added")}</Notice> : null}
      <FormActions
        busy={add.isPending}
        label={t("referentiel.add")}
        busyLabel={t("referentiel.add")}
      />
    </TitledForm>
  );
}
