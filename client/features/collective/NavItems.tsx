/** The collective's entries in the header's navigation (list items of its list). */
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { canFollowNewcomers, canReadAudit } from "../../../shared/permissions";
import type { PoleSummary } from "../../lib/schemas";

export function CollectiveNavItems({ pole }: { pole: PoleSummary }) {
  const { t } = useTranslation("collective");
  const member = { poleRole: pole.role, circles: [] };
  const base = `/p/${pole.id}`;
  return (
    <>
      <li>
        <NavLink to={`${base}/annuaire`}>{t("nav.directory")}</NavLink>
      </li>
      <li>
        <NavLink to={`${base}/cercles`}>{t("nav.circles")}</NavLink>
      </li>
      <li>
        <NavLink to={`${base}/profil`}>{t("nav.profile")}</NavLink>
      </li>
      {canFollowNewcomers(member) ? (
        <li>
          <NavLink to={`${base}/nouveaux`}>{t("nav.newcomers")}</NavLink>
        </li>
      ) : null}
      {canReadAudit(member) ? (
        <li>
          <NavLink to={`${base}/journal`}>{t("nav.audit")}</NavLink>
        </li>
      ) : null}
    </>
  );
}
