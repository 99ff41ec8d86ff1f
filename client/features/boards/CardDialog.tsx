/**
 * A project's card, open in a modal dialog: every field of the card, written live into the
 * board's Y.Doc, plus its project page and project group (made by the server).
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type * as Y from "yjs";
import { CreatedProjectGroup, NeedsWithProjects } from "../../../shared/api/boards";
import { DocumentRef } from "../../../shared/api/documents";
import {
  addItem,
  moveCard,
  removeCard,
  removeItem,
  setCardField,
  setCardList,
  updateItem,
} from "../../../shared/board-doc";
import {
  Amount,
  type Card,
  type CarrierMode,
  type Column,
  carrierModes,
  Fte,
  type FundingScheme,
  type FundingState,
  fundingSchemes,
  fundingStates,
  IsoDate,
  parseAmount,
  parseFte,
  Year,
} from "../../../shared/boards";
import { Notice, SelectField, TextField } from "../../app/ui";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { circlesKey, documentsKey } from "../poles/queries";
import { LiveField, listFormat, listParse, type Parse, textParser } from "./fields";
import { inputNumber } from "./format";

interface CardDialogProps {
  doc: Y.Doc;
  card: Card | undefined;
  columns: Column[];
  columnId: string | undefined;
  editable: boolean;
  boardId: string;
  poleId: string;
  groupName: string | undefined;
  onClose(): void;
}

export function CardDialog(props: CardDialogProps) {
  const { t } = useTranslation("boards");
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { card, onClose } = props;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="card-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="card-dialog__head">
        <h2 id={titleId}>{card?.title ?? t("card.dialogTitle")}</h2>
        <button type="button" className="button button--secondary button--small" onClick={onClose}>
          {t("card.close")}
        </button>
      </div>
      {card ? (
        <CardForm {...props} card={card} />
      ) : (
        <Notice tone="warning">{t("card.notFound")}</Notice>
      )}
    </dialog>
  );
}

function CardForm({
  doc,
  card,
  columns,
  columnId,
  editable,
  boardId,
  poleId,
  groupName,
  onClose,
}: CardDialogProps & { card: Card }) {
  const { t, i18n } = useTranslation("boards");
  const set = (field: Parameters<typeof setCardField>[2]) => (value: string | number) =>
    setCardField(doc, card.id, field, value);
  const list = (field: Parameters<typeof setCardList>[2]) => (value: string[]) =>
    setCardList(doc, card.id, field, value);
  const fte: Parse<number> = (text) => {
    const value = parseFte(text);
    return value !== null && Fte.safeParse(value).success
      ? { value }
      : { error: t("card.invalidFte") };
  };
  const same = (value: string) => value;
  const disabled = !editable;

  return (
    <div className="card-dialog__body">
      <section className="card-section" aria-labelledby={`${card.id}-general`}>
        <h3 id={`${card.id}-general`} className="visually-hidden">
          {t("card.dialogTitle")}
        </h3>
        <LiveField
          label={t("card.title")}
          value={card.title}
          format={same}
          parse={textParser(200, t("card.required"))}
          commit={set("title")}
          disabled={disabled}
        />
        <LiveField
          label={t("card.summary")}
          value={card.summary}
          format={same}
          parse={textParser(2000, null)}
          commit={set("summary")}
          multiline
          disabled={disabled}
        />
        <div className="form__row">
          <SelectField
            label={t("card.stage")}
            value={columnId ?? ""}
            disabled={disabled}
            onChange={(event) =>
              moveCard(doc, card.id, event.target.value, Number.MAX_SAFE_INTEGER)
            }
          >
            {columns.map((column) => (
              <option key={column.id} value={column.id}>
                {column.title}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("card.carrierMode")}
            value={card.carrierMode}
            disabled={disabled}
            onChange={(event) => set("carrierMode")(event.target.value as CarrierMode)}
          >
            {carrierModes.map((mode) => (
              <option key={mode} value={mode}>
                {t(`carrierModes.${mode}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <LiveField
          label={t("card.carriers")}
          hint={t("card.listHint")}
          value={card.carriers}
          format={listFormat}
          parse={listParse}
          commit={list("carriers")}
          commitOn="blur"
          disabled={disabled}
        />
        <NeedsField doc={doc} card={card} poleId={poleId} editable={editable} />
        <div className="form__row">
          <LiveField
            label={t("card.contacts")}
            hint={t("card.listHint")}
            value={card.contacts}
            format={listFormat}
            parse={listParse}
            commit={list("contacts")}
            commitOn="blur"
            disabled={disabled}
          />
          <LiveField
            label={t("card.labels")}
            hint={t("card.listHint")}
            value={card.labels}
            format={listFormat}
            parse={listParse}
            commit={list("labels")}
            commitOn="blur"
            disabled={disabled}
          />
        </div>
      </section>

      <section className="card-section" aria-labelledby={`${card.id}-indicators`}>
        <h3 id={`${card.id}-indicators`}>{t("card.indicators")}</h3>
        <div className="form__row">
          <LiveField<number>
            label={t("card.jobsCreated")}
            hint={t("card.fteHint")}
            value={card.jobsCreated}
            format={(value) => inputNumber(value, i18n.language)}
            parse={fte}
            commit={set("jobsCreated")}
            inputMode="decimal"
            disabled={disabled}
          />
          <LiveField<number>
            label={t("card.jobsKept")}
            hint={t("card.fteHint")}
            value={card.jobsKept}
            format={(value) => inputNumber(value, i18n.language)}
            parse={fte}
            commit={set("jobsKept")}
            inputMode="decimal"
            disabled={disabled}
          />
        </div>
        <LiveField
          label={t("card.transitionTags")}
          hint={t("card.listHint")}
          value={card.transitionTags}
          format={listFormat}
          parse={listParse}
          commit={list("transitionTags")}
          commitOn="blur"
          disabled={disabled}
        />
        <LiveField
          label={t("card.transitionText")}
          value={card.transitionText}
          format={same}
          parse={textParser(4000, null)}
          commit={set("transitionText")}
          multiline
          disabled={disabled}
        />
      </section>

      <FundingSection doc={doc} card={card} editable={editable} />
      <MilestoneSection doc={doc} card={card} editable={editable} />
      <ProjectSection
        doc={doc}
        card={card}
        editable={editable}
        boardId={boardId}
        poleId={poleId}
        groupName={groupName}
      />

      {editable ? (
        <p className="card-dialog__danger">
          <button
            type="button"
            className="button button--danger button--small"
            onClick={() => {
              if (window.confirm(t("card.confirmRemove", { title: card.title }))) {
                removeCard(doc, card.id);
                onClose();
              }
            }}
          >
            {t("card.remove")}
          </button>
        </p>
      ) : null}
    </div>
  );
}

/** The diagnostic's needs (its projection, on the server), ticked when the project answers one. */
function NeedsField({
  doc,
  card,
  poleId,
  editable,
}: {
  doc: Y.Doc;
  card: Card;
  poleId: string;
  editable: boolean;
}) {
  const { t } = useTranslation("boards");
  const needs = useQuery({
    queryKey: ["poles", poleId, "needs"],
    queryFn: () =>
      api.get(`/api/poles/${encodeURIComponent(poleId)}/portfolio/needs`, NeedsWithProjects),
  });
  const known = new Set(needs.data?.map((need) => need.id));
  const gone = needs.data ? card.needIds.filter((id) => !known.has(id)) : [];
  const options = [
    ...(needs.data ?? []),
    ...gone.map((id) => ({ id, title: t("card.needGone", { id }) })),
  ];
  const toggle = (id: string, checked: boolean) =>
    setCardList(
      doc,
      card.id,
      "needIds",
      checked ? [...card.needIds, id] : card.needIds.filter((other) => other !== id),
    );
  return (
    <fieldset className="fieldset needs">
      <legend>{t("card.needs")}</legend>
      {needs.isSuccess && options.length === 0 ? (
        <p className="muted">{t("card.needsNone")}</p>
      ) : null}
      <ul className="needs__list">
        {options.map((need) => (
          <li key={need.id} className="checkbox">
            <input
              id={`${card.id}-need-${need.id}`}
              type="checkbox"
              checked={card.needIds.includes(need.id)}
              disabled={!editable}
              onChange={(event) => toggle(need.id, event.target.checked)}
            />
            <label htmlFor={`${card.id}-need-${need.id}`}>{need.title}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

const currentYear = () => new Date().getFullYear();

function FundingSection({ doc, card, editable }: { doc: Y.Doc; card: Card; editable: boolean }) {
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
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => removeItem(doc, card.id, "funding", line.id)}
                  aria-label={t("card.removeFunding", { funder: line.funder })}
                >
                  ×
                </button>
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

function MilestoneSection({ doc, card, editable }: { doc: Y.Doc; card: Card; editable: boolean }) {
  const { t } = useTranslation("boards");
  const headingId = `${card.id}-milestones`;
  const [draft, setDraft] = useState({ title: "", date: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const sorted = [...card.milestones].sort((a, b) => a.date.localeCompare(b.date));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!draft.title.trim()) found.title = t("card.required");
    if (!IsoDate.safeParse(draft.date).success) found.date = t("card.required");
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    addItem(doc, card.id, "milestones", {
      title: draft.title.trim(),
      date: draft.date,
      done: false,
    });
    setDraft({ title: "", date: "" });
  };

  return (
    <section className="card-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("card.milestones")}</h3>
      {sorted.length === 0 ? <p className="muted">{t("card.milestonesNone")}</p> : null}
      <ul className="item-list">
        {sorted.map((milestone) => (
          <li key={milestone.id} className="item-list__item milestone">
            <div className="checkbox">
              <input
                id={`${milestone.id}-done`}
                type="checkbox"
                checked={milestone.done}
                disabled={!editable}
                onChange={(event) =>
                  updateItem(doc, card.id, "milestones", milestone.id, {
                    done: event.target.checked,
                  })
                }
              />
              <label htmlFor={`${milestone.id}-done`}>
                <time dateTime={milestone.date}>{milestone.date}</time> — {milestone.title}
              </label>
            </div>
            {editable ? (
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={() => removeItem(doc, card.id, "milestones", milestone.id)}
                aria-label={t("card.removeMilestone", { title: milestone.title })}
              >
                ×
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {editable ? (
        <form className="form__row milestone--new" onSubmit={submit} noValidate>
          <TextField
            label={t("card.milestoneTitle")}
            value={draft.title}
            error={errors.title}
            onChange={(event) => setDraft({ ...draft, title: event.target.value })}
          />
          <TextField
            label={t("card.milestoneDate")}
            type="date"
            value={draft.date}
            error={errors.date}
            onChange={(event) => setDraft({ ...draft, date: event.target.value })}
          />
          <button type="submit" className="button button--secondary">
            {t("card.addMilestone")}
          </button>
        </form>
      ) : null}
    </section>
  );
}

function ProjectSection({
  doc,
  card,
  editable,
  boardId,
  poleId,
  groupName,
}: {
  doc: Y.Doc;
  card: Card;
  editable: boolean;
  boardId: string;
  poleId: string;
  groupName: string | undefined;
}) {
  const { t } = useTranslation("boards");
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const headingId = `${card.id}-project`;
  const [name, setName] = useState(card.title);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const base = `/api/documents/${encodeURIComponent(boardId)}/cards/${encodeURIComponent(card.id)}`;

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: circlesKey(poleId) }),
      queryClient.invalidateQueries({ queryKey: documentsKey(poleId) }),
    ]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      await refresh();
    } catch (failure) {
      setError(errorMessage(failure, tc));
    } finally {
      setBusy(false);
    }
  };

  const createPage = () =>
    run(async () => {
      const page = await api.post(`${base}/project-page`, { title: card.title }, DocumentRef);
      setCardField(doc, card.id, "projectDocumentId", page.id);
    });

  const createGroup = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t("card.required"));
      return;
    }
    void run(async () => {
      const group = await api.post(
        `${base}/project-group`,
        { name: name.trim() },
        CreatedProjectGroup,
      );
      doc.transact(() => {
        setCardField(doc, card.id, "projectCircleId", group.circle.id);
        setCardField(doc, card.id, "projectDocumentId", group.projectDocumentId);
      });
    });
  };

  return (
    <section className="card-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("card.project")}</h3>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <p className="actions">
        {card.projectDocumentId ? (
          <Link to={`/d/${card.projectDocumentId}`} className="button button--secondary">
            {t("card.openPage")}
          </Link>
        ) : editable ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => void createPage()}
          >
            {t("card.createPage")}
          </button>
        ) : null}
      </p>
      {card.projectCircleId ? (
        <p>{t("card.group", { name: groupName ?? "…" })}</p>
      ) : editable ? (
        <form className="form__row" onSubmit={createGroup} noValidate>
          <TextField
            label={t("card.groupName")}
            hint={t("card.groupHint")}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t("card.createGroup")}
          </button>
        </form>
      ) : null}
    </section>
  );
}
