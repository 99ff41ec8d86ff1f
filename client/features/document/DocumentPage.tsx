/**
 * `/d/:documentId`: one document, edited together: its heading, its live workspace
 * (DocumentWorkspace.tsx: the sync session and the editor), the panels of its kind, its
 * history and exports.
 */

import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useMe, usePoleSelection } from "../../app/session";
import { isApiError } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { sameWords } from "../../lib/text";
import { Badge, DeadEnd, Loading, Notice, useDocumentTitle } from "../../ui/kit";
import { AmendmentPanel } from "../governance/AmendmentPanel";
import { CharterPanel } from "../governance/CharterPanel";
import { DocumentWorkspace, useDocumentMeta } from "./DocumentWorkspace";

const exportFormats = [
  { format: "md", label: "Markdown" },
  { format: "html", label: "HTML" },
  { format: "odt", label: "ODT" },
  { format: "docx", label: "DOCX" },
] as const;

export function DocumentPage() {
  const { t } = useTranslation();
  const { documentId = "" } = useParams();
  const me = useMe();
  const { remember } = usePoleSelection();
  const meta = useDocumentMeta(documentId);
  useDocumentTitle(meta.data?.title);

  useEffect(() => {
    if (meta.data) remember(meta.data.poleId);
  }, [meta.data, remember]);

  if (meta.isPending || !me.data) return <Loading />;
  if (meta.isError) {
    const missing = isApiError(meta.error, 404) || isApiError(meta.error, 403);
    return (
      <DeadEnd title={missing ? t("errors.notFoundTitle") : t("errors.pageTitle")}>
        <Notice tone="error">
          {missing ? t("document.notFound") : errorMessage(meta.error, t)}
        </Notice>
      </DeadEnd>
    );
  }

  const doc = meta.data;
  const pole = me.data.poles.find((item) => item.id === doc.poleId);
  const homePath = pole ? `/p/${pole.id}` : "/";

  return (
    <div className="page page--document">
      <nav aria-label={t("document.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={homePath}>{pole?.name ?? t("layout.home")}</Link>
          </li>
          <li>
            <span aria-current="page">{doc.title}</span>
          </li>
        </ol>
      </nav>
      <div className="document-head">
        <h1 className="document-head__title">{doc.title}</h1>
        <p className="document-head__meta">
          {sameWords(doc.title, t(`kinds.${doc.kind}`)) ? null : (
            <span>{t(`kinds.${doc.kind}`)}</span>
          )}
          <Badge tone={doc.access}>{t(`access.${doc.access}`)}</Badge>
        </p>
      </div>

      <DocumentWorkspace
        doc={doc}
        user={me.data.user}
        homePath={homePath}
        label={t("document.editorLabel", { title: doc.title })}
      >
        {doc.kind === "charter" ? <CharterPanel charterId={doc.id} poleId={doc.poleId} /> : null}
        {doc.kind === "amendment" ? (
          <AmendmentPanel documentId={doc.id} poleId={doc.poleId} />
        ) : null}
        <p>
          <Link to={`/d/${doc.id}/historique`}>{t("document.history")}</Link>
        </p>
        <details className="export">
          <summary>{t("document.export")}</summary>
          <ul className="export__list" aria-label={t("document.exportFormats")}>
            {exportFormats.map(({ format, label }) => (
              <li key={format}>
                <a
                  href={`/api/documents/${encodeURIComponent(doc.id)}/export/${format}`}
                  download
                  aria-label={t("document.exportAs", { format: label })}
                >
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </details>
      </DocumentWorkspace>
    </div>
  );
}
