/** The pôle's entries in the header's navigation (list items of its lists). */
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import type { PoleSummary } from "../../shared/api/poles";
import { canFollowNewcomers, canReadAudit } from "../../shared/permissions";
import "./strings";

/** What every member reads. */
export function PoleNavItems({ pole }: { pole: PoleSummary }) {
  const { t } = useTranslation("collective");
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
        <NavLink to={`${base}/decisions`}>{t("nav.decisions")}</NavLink>
      </li>
      <li>
        <NavLink to={`${base}/calendrier`}>{t("nav.calendar")}</NavLink>
      </li>
      <li>
        <NavLink to={`${base}/profil`}>{t("nav.profile")}</NavLink>
      </li>
    </>
  );
}

/** The coordination's own pages, for the header's "Coordination" menu. */
export function coordinationLinks(pole: PoleSummary) {
  const member = { poleRole: pole.role, circles: [] };
  const base = `/p/${pole.id}`;
  return [
    ...(canFollowNewcomers(member)
      ? [{ to: `${base}/nouveaux`, key: "nav.newcomers" } as const]
      : []),
    ...(canReadAudit(member) ? [{ to: `${base}/journal`, key: "nav.audit" } as const] : []),
  ];
}

export function CoordinationNavItems({ pole }: { pole: PoleSummary }) {
  const { t } = useTranslation("collective");
  return (
    <>
      {coordinationLinks(pole).map((link) => (
        <li key={link.to}>
          <NavLink to={link.to} className="menu__link">
            {t(link.key)}
          </NavLink>
        </li>
      ))}
    </>
  );
}
