import { useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import type * as Y from "yjs";
import { moveCard, removeCard, setCardField, setCardList } from "../../../shared/board-doc";
import {
  type Card,
  type CarrierMode,
  type Column,
  carrierModes,
  Fte,
  parseFte,
} from "../../../shared/boards";
import { Notice, SelectField } from "../../ui/kit";
import { FundingSection } from "./FundingSection";
import { LiveField, listFormat, listParse, type Parse, textParser } from "./fields";
import { inputNumber } from "./format";
import { MilestoneSection } from "./MilestoneSection";
import { NeedsField } from "./NeedsField";
import { ProjectSection } from "./ProjectSection";
import "./strings";

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
    // What opened the dialog gets the focus back when it closes (the dialog leaves the
    // page as it closes, so the browser's own return of focus cannot be relied on).
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
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
