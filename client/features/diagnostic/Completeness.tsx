/** Where the diagnostic stands against the minimum of an emerging pôle (DOMAIN.md). */
import { useTranslation } from "react-i18next";
import type { Completeness } from "../../../shared/diagnostic/completeness";
import "./strings";

export function CompletenessPanel({ measure }: { measure: Completeness }) {
  const { t } = useTranslation("diagnostic");
  return (
    <section
      className={measure.complete ? "completeness completeness--done" : "completeness"}
      aria-labelledby="completeness-title"
      data-met={measure.met}
    >
      <div className="completeness__head">
        <h3 id="completeness-title">{t("completeness.title")}</h3>
        <p className="completeness__summary" aria-live="polite">
          {measure.complete
            ? t("completeness.complete")
            : t("completeness.summary", {
                met: measure.met,
                total: measure.total,
                count: measure.met,
              })}
        </p>
      </div>
      <meter
        className="completeness__meter"
        min={0}
        max={measure.total}
        value={measure.met}
        aria-label={t("completeness.summary", {
          met: measure.met,
          total: measure.total,
          count: measure.met,
        })}
      />
      <ul className="completeness__list">
        {measure.criteria.map((criterion) => (
          <li
            key={criterion.key}
            className={criterion.met ? "criterion criterion--met" : "criterion"}
            data-criterion={criterion.key}
            data-met={criterion.met}
          >
            <span className="criterion__mark" aria-hidden="true">
              {criterion.met ? "✓" : "○"}
            </span>
            <span className="criterion__text">
              <span className="criterion__label">
                {t(`completeness.criteria.${criterion.key}`)}{" "}
                <span className="visually-hidden">
                  {criterion.met ? t("completeness.met") : t("completeness.missing")}
                </span>
              </span>
              <span className="criterion__count">
                {t("completeness.progress", { count: criterion.count, target: criterion.target })}
              </span>
              {criterion.met ? null : (
                <span className="criterion__todo">
                  {t(`completeness.todo.${criterion.key}`, {
                    missing: criterion.target - criterion.count,
                  })}
                </span>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
