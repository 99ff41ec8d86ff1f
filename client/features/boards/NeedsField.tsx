/** The diagnostic needs a project answers, ticked in the card dialog. */
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type * as Y from "yjs";
import { NeedsWithProjects } from "../../../shared/api/boards";
import { setCardList } from "../../../shared/board-doc";
import type { Card } from "../../../shared/boards";
import { api } from "../../lib/api";
import "./strings";

/** The diagnostic's needs (its projection, on the server), ticked when the project answers one. */
export function NeedsField({
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
