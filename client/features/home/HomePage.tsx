/** A pôle's home: its documents grouped by circle, and what the person may start from here. */
import { useEffect, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useParams } from "react-router";
import type { Circle } from "../../../shared/api/circles";
import type { DocumentSummary } from "../../../shared/api/documents";
import type { DocumentKind } from "../../../shared/documents";
import { canCreatePage } from "../../../shared/permissions";
import { memberOf, sortCircles, useCircles, usePoleDocuments } from "../../app/poleQueries";
import { useMe, usePoleSelection } from "../../app/session";
import { errorMessage } from "../../lib/errors";
import { sameWords } from "../../lib/text";
import { Badge, DeadEnd, Loading, Notice, PlusIcon, useDocumentTitle } from "../../ui/kit";
import { PendingDecisions } from "../decisions/PendingDecisions";
import { MyTasks } from "../meetings/MyTasks";
import { WelcomeChecklist } from "../onboarding/WelcomeChecklist";
import { NewPageForm } from "./NewPageForm";
import { NewPoleForm } from "./NewPoleForm";

type Panel = "page" | "pole" | null;

export function HomePage() {
  const { t, i18n } = useTranslation();
  const { poleId = "" } = useParams();
  const me = useMe();
  const { remember } = usePoleSelection();
  const pole = me.data?.poles.find((item) => item.id === poleId);
  const circles = useCircles(pole ? poleId : undefined);
  const documents = usePoleDocuments(pole ? poleId : undefined);
  const [panel, setPanel] = useState<Panel>(null);
  const pagePanelId = useId();
  const polePanelId = useId();
  useDocumentTitle(pole?.name);

  useEffect(() => {
    if (pole) remember(pole.id);
  }, [pole, remember]);

  const member = useMemo(
    () => (me.data && circles.data ? memberOf(me.data, poleId, circles.data) : null),
    [me.data, circles.data, poleId],
  );
  const creatable = useMemo(
    () => (circles.data ?? []).filter((circle) => canCreatePage(member, circle.id)),
    [circles.data, member],
  );

  if (!me.data) return <Loading />;
  if (!pole) {
    return (
      <DeadEnd title={t("errors.notFoundTitle")}>
        <Notice tone="error">{t("home.unknownPole")}</Notice>
      </DeadEnd>
    );
  }

  const toggle = (next: Exclude<Panel, null>) =>
    setPanel((current) => (current === next ? null : next));

  return (
    <div className="page">
      <div className="page-head">
        <div className="page-head__text">
          <p className="eyebrow">{t("home.yourRole", { role: t(`poleRoles.${pole.role}`) })}</p>
          <h1>{pole.name}</h1>
        </div>
        <ul className="page-head__actions" aria-label={t("home.actions")}>
          {creatable.length > 0 ? (
            <li>
              <button
                type="button"
                className="button button--primary"
                aria-expanded={panel === "page"}
                aria-controls={pagePanelId}
                onClick={() => toggle("page")}
              >
                <PlusIcon />
                {t("newPage.open")}
              </button>
            </li>
          ) : null}
          <li>
            <Link to={`/p/${pole.id}/tableau-de-bord`} className="button button--secondary">
              {t("home.dashboard")}
            </Link>
          </li>
          <li>
            <Link to={`/p/${pole.id}/portfolio`} className="button button--secondary">
              {t("home.portfolio")}
            </Link>
          </li>
          {pole.role === "coordinator" ? (
            <li>
              <Link to={`/p/${pole.id}/invitations`} className="button button--secondary">
                {t("home.inviteLink")}
              </Link>
            </li>
          ) : null}
          {me.data.canFoundPole ? (
            <li>
              <button
                type="button"
                className="button button--ghost"
                aria-expanded={panel === "pole"}
                aria-controls={polePanelId}
                onClick={() => toggle("pole")}
              >
                {t("newPole.open")}
              </button>
            </li>
          ) : null}
        </ul>
      </div>

      <WelcomeChecklist poleId={pole.id} />
      <PendingDecisions poleId={pole.id} />
      <MyTasks poleId={pole.id} />

      <div id={pagePanelId} hidden={panel !== "page"}>
        {panel === "page" ? (
          <NewPageForm poleId={pole.id} circles={creatable} onCancel={() => setPanel(null)} />
        ) : null}
      </div>
      <div id={polePanelId} hidden={panel !== "pole"}>
        {panel === "pole" ? <NewPoleForm onCancel={() => setPanel(null)} /> : null}
      </div>

      <section aria-labelledby="documents-title" className="documents">
        <h2 id="documents-title">{t("home.documentsTitle")}</h2>
        {documents.isPending || circles.isPending ? <Loading /> : null}
        {documents.isError ? (
          <Notice tone="error">{errorMessage(documents.error, t)}</Notice>
        ) : null}
        {circles.isError ? <Notice tone="error">{errorMessage(circles.error, t)}</Notice> : null}
        {documents.data && circles.data ? (
          <DocumentGroups
            documents={documents.data}
            circles={sortCircles(circles.data, i18n.language)}
            language={i18n.language}
          />
        ) : null}
      </section>
    </div>
  );
}

const kindRank: Record<DocumentKind, number> = {
  diagnostic: 0,
  charter: 1,
  board: 2,
  project: 3,
  page: 4,
  amendment: 5,
  minutes: 6,
};

interface Group {
  id: string;
  title: string;
  subtitle: string;
  documents: DocumentSummary[];
}

function DocumentGroups({
  documents,
  circles,
  language,
}: {
  documents: DocumentSummary[];
  circles: Circle[];
  language: string;
}) {
  const { t } = useTranslation();
  const groups = useMemo(() => {
    const byCircle = new Map<string, DocumentSummary[]>();
    const poleWide: DocumentSummary[] = [];
    const known = new Set(circles.map((circle) => circle.id));
    for (const doc of documents) {
      if (doc.circleId && known.has(doc.circleId)) {
        const list = byCircle.get(doc.circleId) ?? [];
        list.push(doc);
        byCircle.set(doc.circleId, list);
      } else {
        poleWide.push(doc);
      }
    }
    const sort = (list: DocumentSummary[]) =>
      list.sort(
        (a, b) => kindRank[a.kind] - kindRank[b.kind] || a.title.localeCompare(b.title, language),
      );
    const result: Group[] = [];
    if (poleWide.length > 0) {
      result.push({
        id: "pole",
        title: t("home.poleGroup"),
        subtitle: t("home.poleGroupHint"),
        documents: sort(poleWide),
      });
    }
    for (const circle of circles) {
      const list = byCircle.get(circle.id);
      if (list?.length) {
        result.push({
          id: circle.id,
          title: circle.name,
          subtitle: t(`circleKinds.${circle.kind}`),
          documents: sort(list),
        });
      }
    }
    return result;
  }, [documents, circles, language, t]);

  if (groups.length === 0) return <p className="muted">{t("home.noDocuments")}</p>;

  return (
    <div className="groups">
      {groups.map((group) => (
        <section key={group.id} className="group" aria-labelledby={`group-${group.id}`}>
          <div className="group__head">
            <h3 id={`group-${group.id}`}>{group.title}</h3>
            <p className="group__subtitle">
              {group.subtitle !== group.title ? `${group.subtitle} · ` : ""}
              {t("home.documentCount", { count: group.documents.length })}
            </p>
          </div>
          <ul className="doc-list">
            {group.documents.map((doc) => (
              <li key={doc.id} className={`doc-card doc-card--${doc.kind}`} data-kind={doc.kind}>
                <Link to={`/d/${doc.id}`} className="doc-card__link">
                  {doc.title}
                </Link>
                <span className="doc-card__meta">
                  <span className="doc-card__kind">
                    {sameWords(doc.title, t(`kinds.${doc.kind}`)) ? null : t(`kinds.${doc.kind}`)}
                  </span>
                  <Badge tone={doc.access}>{t(`access.${doc.access}`)}</Badge>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** `/p` for someone who belongs to no pôle yet. */
export function NoPolePage() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t("app.name"));
  if (me.data && me.data.poles.length > 0)
    return <Navigate to={`/p/${me.data.poles[0].id}`} replace />;
  return (
    <div className="page page--narrow">
      <h1>{t("app.tagline")}</h1>
      <Notice tone="info" title={t("home.noPole")}>
        <p>{me.data?.canFoundPole ? t("home.noPoleHint") : t("home.noPoleInviteOnly")}</p>
      </Notice>
      {me.data?.canFoundPole ? <NewPoleForm /> : null}
    </div>
  );
}
