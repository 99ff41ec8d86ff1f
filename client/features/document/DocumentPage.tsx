/**
 * `/d/:documentId`: one document, edited together. Reads its metadata (title, access),
 * opens a sync session (Yjs + IndexedDB + WebSocket) and rebuilds it when the server says
 * the person's right changed; stops when it says the right was removed.
 */

import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Component,
  type ReactNode,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { DocumentMeta } from "../../../shared/api/documents";
import { meKey, useMe, usePoleSelection } from "../../app/session";
import { CollaborativeEditor } from "../../editor/CollaborativeEditor";
import { api, isApiError } from "../../lib/api";
import { colorFor } from "../../lib/color";
import { errorMessage } from "../../lib/errors";
import { lazyComponent } from "../../lib/lazy";
import { type ConnectionState, openSyncSession, type SyncSession } from "../../lib/sync";
import { sameWords } from "../../lib/text";
import { Badge, DeadEnd, Loading, Notice, useDocumentTitle } from "../../ui/kit";
import { CommentsProvider, useComments } from "../comments/CommentsContext";
import { CommentsPanel } from "../comments/CommentsPanel";
import { AmendmentPanel } from "../governance/AmendmentPanel";
import { CharterPanel } from "../governance/CharterPanel";
import { ConnectionStatus } from "./ConnectionStatus";
import { PresenceList } from "./Presence";
import { useFoundParagraph } from "./useFoundParagraph";

const documentKey = (id: string) => ["documents", id] as const;

// A diagnostic's registries and a board's kanban load only with a document of their kind.
const DiagnosticView = lazyComponent(
  async () => (await import("../diagnostic/DiagnosticView")).DiagnosticView,
);
const BoardView = lazyComponent(async () => (await import("../boards/BoardView")).BoardView);

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
  const queryClient = useQueryClient();
  const meta = useQuery({
    queryKey: documentKey(documentId),
    queryFn: () => api.get(`/api/documents/${encodeURIComponent(documentId)}`, DocumentMeta),
  });
  const [revoked, setRevoked] = useState(false);
  const [accessNotice, setAccessNotice] = useState(false);
  const [epoch, setEpoch] = useState(0);
  useDocumentTitle(meta.data?.title);

  useEffect(() => {
    if (meta.data) remember(meta.data.poleId);
  }, [meta.data, remember]);

  // When the server refuses the connection, the API says why: signed out, or no access.
  const onRefused = useCallback(async () => {
    try {
      await api.get(`/api/documents/${encodeURIComponent(documentId)}`, DocumentMeta);
    } catch (error) {
      if (isApiError(error, 401)) await queryClient.invalidateQueries({ queryKey: meKey });
      else if (isApiError(error, 404) || isApiError(error, 403)) setRevoked(true);
    }
  }, [documentId, queryClient]);

  const onAccessChanged = useCallback(async () => {
    await meta.refetch();
    setAccessNotice(true);
    setEpoch((value) => value + 1);
  }, [meta.refetch]);

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

      {revoked ? (
        <Notice tone="error" title={t("document.revokedTitle")} focus>
          <p>{t("document.revoked")}</p>
          <p>{t("document.revokedHint")}</p>
          <p>
            <Link to={homePath}>{t("common.backHome")}</Link>
          </p>
        </Notice>
      ) : (
        <>
          {accessNotice ? <Notice tone="info">{t("document.accessChanged")}</Notice> : null}
          {doc.archived ? (
            <Notice tone="warning" title={t("document.archivedTitle")} live={false}>
              <p>
                {t("document.archived")}{" "}
                <Link to={`/p/${doc.poleId}/archives`}>{t("document.archivesLink")}</Link>
              </p>
            </Notice>
          ) : doc.access === "view" ? (
            <Notice tone="warning" title={t("document.readOnlyTitle")} live={false}>
              <p>{t("document.readOnly")}</p>
            </Notice>
          ) : null}
          <EditorBoundary>
            <LiveDocument
              key={`${doc.id}:${doc.access}:${epoch}`}
              documentId={doc.id}
              kind={doc.kind}
              poleId={doc.poleId}
              userId={me.data.user.id}
              userName={me.data.user.name}
              editable={doc.access === "edit"}
              label={t("document.editorLabel", { title: doc.title })}
              onRevoked={() => setRevoked(true)}
              onAccessChanged={onAccessChanged}
              onRefused={onRefused}
            />
          </EditorBoundary>
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
        </>
      )}
    </div>
  );
}

/** One sync session and its editor; remounted (key) when the access changes. */
function LiveDocument({
  documentId,
  kind,
  poleId,
  userId,
  userName,
  editable,
  label,
  onRevoked,
  onAccessChanged,
  onRefused,
}: {
  documentId: string;
  kind: DocumentMeta["kind"];
  poleId: string;
  userId: string;
  userName: string;
  editable: boolean;
  label: string;
  onRevoked(): void;
  onAccessChanged(): void;
  onRefused(): void;
}) {
  const { t } = useTranslation();
  const [session, setSession] = useState<SyncSession | null>(null);
  const [state, setState] = useState<ConnectionState>("syncing");
  const user = useMemo(() => ({ name: userName, color: colorFor(userId) }), [userName, userId]);

  // The handlers may change identity between renders; the session calls the latest ones.
  const handlers = useRef({ onRevoked, onAccessChanged, onRefused });
  handlers.current = { onRevoked, onAccessChanged, onRefused };

  useEffect(() => {
    let current: SyncSession | null = null;
    current = openSyncSession(documentId, userId, user, {
      onState: setState,
      onRevoked: () => {
        void current?.forget();
        handlers.current.onRevoked();
      },
      onAccessChanged: () => handlers.current.onAccessChanged(),
      onRefused: () => handlers.current.onRefused(),
    });
    setSession(current);
    return () => {
      current?.destroy();
      setSession(null);
    };
  }, [documentId, userId, user]);

  useFoundParagraph(state === "connected");

  if (!session) return <Loading />;
  return (
    <>
      <div className="document-bar">
        <ConnectionStatus state={state} readOnly={!editable} />
        <PresenceList provider={session.provider} />
      </div>
      {state === "closed" ? (
        <Notice tone="warning">
          <p>{t("document.interrupted")}</p>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => session.reconnect()}
          >
            {t("document.reconnect")}
          </button>
        </Notice>
      ) : null}
      <CommentsProvider documentId={documentId} poleId={poleId}>
        {kind === "board" ? (
          <Suspense fallback={<Loading />}>
            <BoardView
              ydoc={session.ydoc}
              provider={session.provider}
              editable={editable}
              boardId={documentId}
              poleId={poleId}
            />
          </Suspense>
        ) : null}
        <div className="document-columns">
          <DocumentBody
            ydoc={session.ydoc}
            provider={session.provider}
            user={user}
            editable={editable}
            label={label}
          />
          <CommentsPanel />
        </div>
        {kind === "diagnostic" ? (
          <Suspense fallback={<Loading />}>
            <DiagnosticView
              ydoc={session.ydoc}
              provider={session.provider}
              editable={editable}
              documentId={documentId}
              poleId={poleId}
            />
          </Suspense>
        ) : null}
      </CommentsProvider>
    </>
  );
}

/** The rich text, with its comment threads' marks and shortcut. */
function DocumentBody(props: Omit<Parameters<typeof CollaborativeEditor>[0], "comments">) {
  const comments = useComments();
  return <CollaborativeEditor {...props} comments={comments?.editorHooks} />;
}

/** Keeps the rest of the page usable if the editor fails to render. */
class EditorBoundary extends Component<{ children: ReactNode }, { failed: Error | null }> {
  override state = { failed: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { failed: error };
  }
  override render() {
    if (this.state.failed) return <EditorFailed error={this.state.failed} />;
    return this.props.children;
  }
}

function EditorFailed({ error }: { error: Error }) {
  const { t } = useTranslation();
  return (
    <Notice tone="error" title={t("document.editorFailed")}>
      <p className="small">{t("errors.details", { message: error.message })}</p>
      <button type="button" className="button button--secondary" onClick={() => location.reload()}>
        {t("errors.reload")}
      </button>
    </Notice>
  );
}
