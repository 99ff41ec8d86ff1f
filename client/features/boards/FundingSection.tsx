import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type * as Y from "yjs";
import { addItem, removeItem, updateItem } from "../../../shared/board-doc";
import {
  Amount,
  type Card,
  type FundingScheme,
  type FundingState,
  fundingSchemes,
  fundingStates,
  parseAmount,
  Year,
} from "../../../shared/boards";
import { SelectField, TextField } from "../../ui/kit";
import { LiveField, type Parse, RemoveLineButton, textParser } from "./fields";
import { inputNumber } from "./format";
import "./strings";

const currentYear = () => new Date().getFullYear();

export function FundingSection({
  doc,
  card,
  editable,
}: {
  doc: Y.Doc;
  card: Card;
  editable: boolean;
}) {
  const { t, i18n } = useTranslation("boards");
  const headingId = `${card.id}-funding`;
  const amount: Parse<number> = (text) => {
    const value = parseAmount(text);
    return value !== null && Amount.safeParse(value).success
      ? { value }
      : { error: t("card.invalidAmount") };
  };
  const year: Parse<number> = (text) => {
    const value = Number(text);
    return Year.safeParse(value).success ? { value } : { error: t("card.invalidYear") };
  };
  const [draft, setDraft] = useState({
    funder: "",
    scheme: "regional" as FundingScheme,
    amount: "",
    state: "requested" as FundingState,
    year: String(currentYear()),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsedAmount = amount(draft.amount);
    const parsedYear = year(draft.year);
    const found: Record<string, string> = {};
    if (!draft.funder.trim()) found.funder = t("card.required");
    if ("error" in parsedAmount) found.amount = parsedAmount.error;
    if ("error" in parsedYear) found.year = parsedYear.error;
    setErrors(found);
    if ("error" in parsedAmount || "error" in parsedYear || found.funder) return;
    addItem(doc, card.id, "funding", {
      funder: draft.funder.trim(),
      scheme: draft.scheme,
      amount: parsedAmount.value,
      state: draft.state,
      year: parsedYear.value,
    });
    setDraft((current) => ({ ...current, funder: "", amount: "" }));
  };

  return (
    <section className="card-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("card.funding")}</h3>
      {card.funding.length === 0 ? <p className="muted">{t("card.fundingNone")}</p> : null}
      <ul className="item-list">
        {card.funding.map((line) => (
          <li key={line.id} className="item-list__item">
            <fieldset className="funding-line" disabled={!editable}>
              <legend className="visually-hidden">{t("card.line", { funder: line.funder })}</legend>
              <LiveField
                label={t("card.funder")}
                value={line.funder}
                format={(value) => value}
                parse={textParser(200, t("card.required"))}
                commit={(value) =>
                  updateItem(doc, card.id, "funding", line.id, { funder: value.trim() })
                }
              />
              <SelectField
                label={t("card.scheme")}
                value={line.scheme}
                onChange={(event) =>
                  updateItem(doc, card.id, "funding", line.id, { scheme: event.target.value })
                }
              >
                {fundingSchemes.map((scheme) => (
                  <option key={scheme} value={scheme}>
                    {t(`schemes.${scheme}`)}
                  </option>
                ))}
              </SelectField>
              <LiveField
                label={t("card.amount")}
                value={line.amount}
                format={(value) => inputNumber(value, i18n.language)}
                parse={amount}
                commit={(value) => updateItem(doc, card.id, "funding", line.id, { amount: value })}
                inputMode="decimal"
              />
              <SelectField
                label={t("card.state")}
                value={line.state}
                onChange={(event) =>
                  updateItem(doc, card.id, "funding", line.id, { state: event.target.value })
                }
              >
                {fundingStates.map((state) => (
                  <option key={state} value={state}>
                    {t(`states.${state}`)}
                  </option>
                ))}
              </SelectField>
              <LiveField
                label={t("card.year")}
                value={line.year}
                format={String}
                parse={year}
                commit={(value) => updateItem(doc, card.id, "funding", line.id, { year: value })}
                inputMode="numeric"
                className="field--short"
              />
              {editable ? (
                <RemoveLineButton
                  label={t("card.removeFunding", { funder: line.funder })}
                  onClick={() => removeItem(doc, card.id, "funding", line.id)}
                />
              ) : null}
            </fieldset>
          </li>
        ))}
      </ul>
      {editable ? (
        <form className="funding-line funding-line--new" onSubmit={submit} noValidate>
          <TextField
            label={t("card.funder")}
            value={draft.funder}
            error={errors.funder}
            onChange={(event) => setDraft({ ...draft, funder: event.target.value })}
          />
          <SelectField
            label={t("card.scheme")}
            value={draft.scheme}
            onChange={(event) =>
              setDraft({ ...draft, scheme: event.target.value as FundingScheme })
            }
          >
            {fundingSchemes.map((scheme) => (
              <option key={scheme} value={scheme}>
                {t(`schemes.${scheme}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t("card.amount")}
            value={draft.amount}
            error={errors.amount}
            inputMode="decimal"
            onChange={(event) => setDraft({ ...draft, amount: event.target.value })}
          />
          <SelectField
            label={t("card.state")}
            value={draft.state}
            onChange={(event) => setDraft({ ...draft, state: event.target.value as FundingState })}
          >
            {fundingStates.map((state) => (
              <option key={state} value={state}>
                {t(`states.${state}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t("card.year")}
            value={draft.year}
            error={errors.year}
            inputMode="numeric"
            onChange={(event) => setDraft({ ...draft, year: event.target.value })}
          />
          <button type="submit" className="button button--secondary">
            {t("card.addFunding")}
          </button>
        </form>
      ) : null}
    </section>
  );
}
