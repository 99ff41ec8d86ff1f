import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type * as Y from "yjs";
import { addItem, removeItem, updateItem } from "../../../shared/board-doc";
import { type Card, IsoDate } from "../../../shared/boards";
import { TextField } from "../../ui/kit";
import { RemoveLineButton } from "./fields";
import { formatDay } from "./format";
import "./strings";

export function MilestoneSection({
  doc,
  card,
  editable,
}: {
  doc: Y.Doc;
  card: Card;
  editable: boolean;
}) {
  const { t, i18n } = useTranslation("boards");
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
                <time dateTime={milestone.date}>{formatDay(milestone.date, i18n.language)}</time> —{" "}
                {milestone.title}
              </label>
            </div>
            {editable ? (
              <RemoveLineButton
                label={t("card.removeMilestone", { title: milestone.title })}
                onClick={() => removeItem(doc, card.id, "milestones", milestone.id)}
              />
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
