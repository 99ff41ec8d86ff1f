/** Rename, add, reorder and remove the columns of a board (its stages). */
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type * as Y from "yjs";
import { addColumn, moveColumn, removeColumn, renameColumn } from "../../../shared/board-doc";
import { TextField } from "../../ui/kit";
import { LiveField, textParser } from "./fields";
import type { BoardState } from "./useBoard";
import "./strings";

export function ColumnManager({
  doc,
  board,
  onDone,
}: {
  doc: Y.Doc;
  board: BoardState;
  onDone(): void;
}) {
  const { t } = useTranslation("boards");
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | undefined>();
  const last = board.columns.length - 1;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setError(t("card.required"));
      return;
    }
    addColumn(doc, title.trim().slice(0, 120));
    setTitle("");
    setError(undefined);
  };

  return (
    <section className="panel column-manager" aria-labelledby="column-manager-title">
      <h2 id="column-manager-title">{t("columns.title")}</h2>
      <ol className="column-manager__list">
        {board.columns.map((column, index) => {
          const count = board.groups.get(column.id)?.length ?? 0;
          return (
            <li key={column.id} className="column-manager__item">
              <LiveField
                label={t("columns.rename", { position: index + 1 })}
                value={column.title}
                format={(value) => value}
                parse={textParser(120, t("card.required"))}
                commit={(value) => renameColumn(doc, column.id, value.trim() || column.title)}
              />
              <div className="column-manager__actions">
                <button
                  type="button"
                  className="button button--ghost button--small"
                  disabled={index === 0}
                  onClick={() => moveColumn(doc, column.id, index - 1)}
                  aria-label={t("columns.moveUp", { title: column.title })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  disabled={index === last}
                  onClick={() => moveColumn(doc, column.id, index + 1)}
                  aria-label={t("columns.moveDown", { title: column.title })}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  disabled={count > 0}
                  title={count > 0 ? t("columns.notEmpty", { title: column.title }) : undefined}
                  onClick={() => removeColumn(doc, column.id)}
                  aria-label={
                    count > 0
                      ? t("columns.notEmpty", { title: column.title })
                      : t("columns.remove", { title: column.title })
                  }
                >
                  ×
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <form className="form__row" onSubmit={submit} noValidate>
        <TextField
          label={t("columns.newTitle")}
          value={title}
          error={error}
          maxLength={120}
          onChange={(event) => setTitle(event.target.value)}
        />
        <button type="submit" className="button button--secondary">
          {t("columns.add")}
        </button>
      </form>
      <p className="actions">
        <button type="button" className="button button--primary" onClick={onDone}>
          {t("columns.done")}
        </button>
      </p>
    </section>
  );
}
