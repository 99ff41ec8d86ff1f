/** The decision log's entry in the header's navigation (a list item of its list). */
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import type { PoleSummary } from "../../lib/schemas";

export function DecisionNavItem({ pole }: { pole: PoleSummary }) {
  const { t } = useTranslation("decisions");
  return (
    <li>
      <NavLink to={`/p/${pole.id}/decisions`}>{t("nav.log")}</NavLink>
    </li>
  );
}
