/** Opening a decision in a circle: from the decision log, or from the circle's page. */
import { type FormEvent, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { canOpenDecision } from "../../../shared/decision-permissions";
import { type DecisionMethod, decisionMethods } from "../../../shared/decisions";
import { useFields, useSubmit } from "../../app/form";
import { memberOf, sortCircles, useCircles } from "../../app/poleQueries";
import { useMe } from "../../app/session";
import { useProblem } from "../../lib/errors";
import { required } from "../../lib/validation";
import { FormActions, SelectField, TextAreaField, TextField, TitledForm } from "../../ui/kit";
import { useOpenDecision } from "./queries";
import "./strings";

type Field = "circleId" | "title" | "text" | "quorum" | "threshold" | "closesAt";

/** "50" → 0.5; empty → undefined; anything else → null (invalid). */
function fraction(percent: string): number | undefined | null {
  if (percent.trim() === "") return undefined;
  const value = Number(percent.replace(",", "."));
  return Number.isFinite(value) && value >= 0 && value <= 100 ? value / 100 : null;
}

export function OpenDecisionForm({
  poleId,
  circleId,
  onCancel,
}: {
  poleId: string;
  /** The circle the form opens from, chosen already. */
  circleId?: string;
  onCancel(): void;
}) {
  const { t, i18n } = useTranslation("decisions");
  const { t: tc } = useTranslation();
  const anonymousId = useId();
  const navigate = useNavigate();
  const me = useMe();
  const circles = useCircles(poleId);
  const problem = useProblem();
  const request = useSubmit(problem);
  const openDecision = useOpenDecision(poleId);
  const [method, setMethod] = useState<DecisionMethod>("consent");
  const [anonymous, setAnonymous] = useState(false);
  const eligible = useMemo(() => {
    if (!me.data || !circles.data) return [];
    const member = memberOf(me.data, poleId, circles.data);
    return sortCircles(circles.data, i18n.language).filter((circle) =>
      canOpenDecision(member, circle.id),
    );
  }, [me.data, circles.data, poleId, i18n.language]);
  const fields = useFields<Field>({
    circleId: circleId ?? "",
    title: "",
    text: "",
    quorum: "",
    threshold: "",
    closesAt: "",
  });
  const { values, errors, set } = fields;
  const chosenCircle = values.circleId || eligible[0]?.id || "";

  async function submit(event: FormEvent) {
    event.preventDefault();
    const quorum = fraction(values.quorum);
    const threshold = fraction(values.threshold);
    const ok = fields.check({
      title: required(values.title, tc, 300),
      quorum: quorum === null ? t("form.percentError") : undefined,
      threshold: threshold === null ? t("form.percentError") : undefined,
    });
    if (!ok) return;
    await request.submit(async () => {
      const view = await openDecision.mutateAsync({
        circleId: chosenCircle,
        title: values.title.trim(),
        text: values.text.trim() || undefined,
        method,
        quorum: quorum ?? undefined,
        threshold: method === "qualified" ? (threshold ?? undefined) : undefined,
        closesAt: values.closesAt ? new Date(values.closesAt).toISOString() : undefined,
        anonymous,
      });
      navigate(`/p/${poleId}/decisions/${view.id}`);
    });
  }

  const percentField = (field: "quorum" | "threshold") => (
    <TextField
      label={t(`form.${field}`)}
      hint={t(`form.${field}Hint`)}
      error={errors[field]}
      inputMode="decimal"
      value={values[field]}
      onChange={(event) => set(field)(event.target.value)}
    />
  );

  if (circles.data && eligible.length === 0) {
    return <p className="muted">{t("form.noCircle")}</p>;
  }
  return (
    <TitledForm
      title={t("form.title")}
      error={request.error}
      formRef={fields.form}
      onSubmit={submit}
    >
      <SelectField
        label={t("form.circle")}
        hint={t("form.circleHint")}
        value={chosenCircle}
        onChange={(event) => set("circleId")(event.target.value)}
      >
        {eligible.map((circle) => (
          <option key={circle.id} value={circle.id}>
            {circle.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("form.subject")}
        hint={t("form.subjectHint")}
        error={errors.title}
        required
        value={values.title}
        onChange={(event) => set("title")(event.target.value)}
      />
      <TextAreaField
        label={t("form.text")}
        hint={t("form.textHint")}
        rows={4}
        value={values.text}
        onChange={set("text")}
      />
      <SelectField
        label={t("form.method")}
        hint={t(`methodHints.${method}`)}
        value={method}
        onChange={(event) => {
          const next = decisionMethods.find((item) => item === event.target.value);
          if (next) setMethod(next);
        }}
      >
        {decisionMethods.map((item) => (
          <option key={item} value={item}>
            {t(`methods.${item}`)}
          </option>
        ))}
      </SelectField>
      <div className="decision-form__row">
        {percentField("quorum")}
        {method === "qualified" ? percentField("threshold") : null}
      </div>
      <TextField
        label={t("form.closesAt")}
        hint={t("form.closesAtHint")}
        type="datetime-local"
        value={values.closesAt}
        onChange={(event) => set("closesAt")(event.target.value)}
      />
      <div className="checkbox">
        <input
          id={anonymousId}
          type="checkbox"
          checked={anonymous}
          onChange={(event) => setAnonymous(event.target.checked)}
        />
        <label htmlFor={anonymousId}>{t("form.anonymous")}</label>
      </div>
      <FormActions
        busy={request.busy}
        label={t("form.submit")}
        busyLabel={t("form.submitting")}
        onCancel={onCancel}
      />
    </TitledForm>
  );
}
