/** What a card shows on the board: title, labels, the two indicators, who has it open. */
import { memo } from "react";
import { useTranslation } from "react-i18next";
import type { Card } from "../../../shared/boards";
import { initials } from "../../lib/color";
import { CommentBadge } from "../comments/CommentBadge";
import { formatEuros, formatFte } from "./format";
import "./strings";

export interface Viewer {
  name: string;
  color: string;
}

export const CardFace = memo(function CardFace({
  card,
  viewers,
  onOpen,
}: {
  card: Card;
  viewers: Viewer[];
  onOpen?(cardId: string): void;
}) {
  const { t, i18n } = useTranslation("boards");
  const money = card.funding.reduce((sum, line) => sum + line.amount, 0);
  return (
    <div className="board-card__body">
      {onOpen ? (
        <button
          type="button"
          className="board-card__title"
          onClick={() => onOpen(card.id)}
          aria-label={t("board.open", { title: card.title })}
        >
          {card.title}
        </button>
      ) : (
        <span className="board-card__title">{card.title}</span>
      )}
      {card.labels.length > 0 ? (
        <ul className="chips" aria-label={t("card.labels")}>
          {card.labels.map((label) => (
            <li key={label} className="chip">
              {label}
            </li>
          ))}
        </ul>
      ) : null}
      {card.jobsCreated > 0 || card.jobsKept > 0 ? (
        <p className="board-card__meta">
          {t("board.jobsShort", {
            created: formatFte(card.jobsCreated, i18n.language),
            kept: formatFte(card.jobsKept, i18n.language),
          })}
        </p>
      ) : null}
      {money > 0 ? (
        <p className="board-card__meta">
          {t("board.fundingShort", { amount: formatEuros(money, i18n.language) })}
        </p>
      ) : null}
      <CommentBadge target={{ kind: "card", cardId: card.id }} />
      {card.projectCircleId ? (
        <p className="board-card__meta board-card__group">{t("board.projectGroup")}</p>
      ) : null}
      {viewers.length > 0 ? (
        <ul
          className="board-card__viewers"
          aria-label={t("card.viewing", { names: viewers.map((v) => v.name).join(", ") })}
        >
          {viewers.map((viewer) => (
            <li
              key={`${viewer.name}${viewer.color}`}
              className="avatar avatar--small"
              style={{ backgroundColor: viewer.color }}
              title={viewer.name}
              aria-hidden="true"
            >
              {initials(viewer.name)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
});
