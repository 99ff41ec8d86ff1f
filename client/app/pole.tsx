/** The pôle behind the address: who may see its pages, and the breadcrumb back to it. */
import type { ReactNode } from "react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { PoleSummary } from "../../shared/api/poles";
import { DeadEnd, Loading, Notice } from "../ui/kit";
import { useMe, usePoleSelection } from "./session";
import "./strings";

/** The pôle named in the address, as the signed-in person belongs to it; remembered. */
export function usePole(): { poleId: string; pole: PoleSummary | undefined; ready: boolean } {
  const { poleId = "" } = useParams();
  const me = useMe();
  const { remember } = usePoleSelection();
  const pole = me.data?.poles.find((item) => item.id === poleId);
  useEffect(() => {
    if (pole) remember(pole.id);
  }, [pole, remember]);
  return { poleId, pole, ready: me.data !== undefined };
}

/** Loading, or a clear message when the pôle is not the person's (or the page is not for them). */
export function PoleGate({
  title,
  pole,
  ready,
  allowed = true,
  refusal,
  children,
}: {
  title: string;
  pole: PoleSummary | undefined;
  ready: boolean;
  allowed?: boolean;
  /** Why the page is not for this member, when `allowed` is false. */
  refusal?: string;
  children: (pole: PoleSummary) => ReactNode;
}) {
  const { t } = useTranslation("collective");
  const { t: tc } = useTranslation();
  if (!ready) return <Loading />;
  if (!pole || !allowed) {
    return (
      <DeadEnd title={title}>
        <Notice tone="error">
          {pole ? (refusal ?? t("errors.forbidden")) : tc("home.unknownPole")}
        </Notice>
      </DeadEnd>
    );
  }
  return <>{children(pole)}</>;
}

/** Breadcrumb back to the pôle's home. */
export function Crumbs({
  pole,
  trail,
}: {
  pole: PoleSummary;
  trail: Array<{ label: string; to?: string }>;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("document.breadcrumb")} className="breadcrumb">
      <ol>
        <li>
          <Link to={`/p/${pole.id}`}>{pole.name}</Link>
        </li>
        {trail.map((item, index) => (
          <li key={item.label}>
            {item.to && index < trail.length - 1 ? (
              <Link to={item.to}>{item.label}</Link>
            ) : (
              <span aria-current={index === trail.length - 1 ? "page" : undefined}>
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
