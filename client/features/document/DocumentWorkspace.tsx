/**
 * A document's live workspace, for every page that shows one (`/d/:id`, a meeting's
 * minutes): its metadata, its sync session (Yjs + IndexedDB + WebSocket) rebuilt when the
 * server says the person's right changed, the notices that say it is read-only, archived
 * or no longer reachable, and the editor of its kind.
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
import { Link } from "react-router";
import { DocumentMeta } from "../../../shared/api/documents";
import { meKey } from "../../app/session";
import { CollaborativeEditor } from "../../editor/CollaborativeEditor";
import { api, isApiError } from "../../lib/api";
import { colorFor } from "../../lib/color";
import { lazyComponent } from "../../lib/lazy";
import { type ConnectionState, openSyncSession, type SyncSession } from "../../lib/sync";
import { Loading, Notice } from "../../ui/kit";
import { CommentsProvider, useComments } from "../comments/CommentsContext";
import { CommentsPanel } from "../comments/CommentsPanel";
import { ConnectionStatus } from "./ConnectionStatus";
import { PresenceList } from "./Presence";
import { useFoundParagraph } from "./useFoundParagraph";

export const documentKey = (id: string) => ["documents", id] as const;

const metaOf = (documentId: string) =>
  api.get(`/api/documents/${encodeURIComponent(documentId)}`, DocumentMeta);

/** A document's title, kind and the reader's access, shared by every view of it. */
export const useDocumentMeta = (documentId: string) =>
  useQuery({ queryKey: documentKey(documentId), queryFn: () => metaOf(documentId) });

// A diagnostic's registries and a board's kanban load only with a document of their kind.
const DiagnosticView = lazyComponent(
  async () => (await import("../diagnostic/DiagnosticView")).DiagnosticView,
);
const BoardView = lazyComponent(async () => (await import("../boards/BoardView")).BoardView);

/**
 * The editor of `doc` and its notices; `children` follow the editor while the document is
 * still reachable (panels, history, exports).
 */
export function DocumentWorkspace({
  doc,
  user,
  homePath,
  label,
  readOnlyReason,
  children,
}: {
  doc: DocumentMeta;
  user: { id: string; name: string };
  homePath: string;
  label: string;
  /** Why the document reads only, when the page knows better than the general words. */
  readOnlyReason?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [revoked, setRevoked] = useState(false);
  const [accessNotice, setAccessNotice] = useState(false);
  const [epoch, setEpoch] = useState(0);
  const documentId = doc.id;

  // When the server refuses the connection, the API says why: signed out, or no access.
  const onRefused = useCallback(async () => {
    try {
      await metaOf(documentId);
    } catch (error) {
      if (isApiError(error, 401)) await queryClient.invalidateQueries({ queryKey: meKey });
      else if (isApiError(error, 404) || isApiError(error, 403)) setRevoked(true);
    }
  }, [documentId, queryClient]);

  const onAccessChanged = useCallback(async () => {
    await queryClient.refetchQueries({ queryKey: documentKey(documentId) });
    setAccessNotice(true);
    setEpoch((value) => value + 1);
  }, [documentId, queryClient]);

  if (revoked) {
    return (
      <Notice tone="error" title={t("document.revokedTitle")} focus>
        <p>{t("document.revoked")}</p>
        <p>{t("document.revokedHint")}</p>
        <p>
          <Link to={homePath}>{t("common.backHome")}</Link>
        </p>
      </Notice>
    );
  }
  return (
    <>
      {/* When the page says why the document turned read-only, that says it all. */}
      {accessNotice && !(readOnlyReason && doc.access === "view") ? (
        <Notice tone="info">{t("document.accessChanged")}</Notice>
      ) : null}
      {doc.archived ? (
        <Notice tone="warning" title={t("document.archivedTitle")} live={false}>
          <p>
            {t("document.archived")}{" "}
            <Link to={`/p/${doc.poleId}/archives`}>{t("document.archivesLink")}</Link>
          </p>
        </Notice>
      ) : doc.access === "view" ? (
        <Notice tone="warning" title={t("document.readOnlyTitle")} live={false}>
          <p>{readOnlyReason ?? t("document.readOnly")}</p>
        </Notice>
      ) : null}
      <EditorBoundary>
        <LiveDocument
          key={`${doc.id}:${doc.access}:${epoch}`}
          documentId={doc.id}
          kind={doc.kind}
          poleId={doc.poleId}
          userId={user.id}
          userName={user.name}
          editable={doc.access === "edit"}
          label={label}
          onRevoked={() => setRevoked(true)}
          onAccessChanged={onAccessChanged}
          onRefused={onRefused}
        />
      </EditorBoundary>
      {children}
    </>
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
