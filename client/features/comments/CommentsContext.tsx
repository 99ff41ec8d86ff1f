/**
 * The comment threads of the open document, shared by its editor (marks, shortcut), its
 * registries and cards (badges) and the threads panel: which thread is in focus, and the
 * comment being started.
 */
import type { Editor } from "@tiptap/core";
import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { ThreadList, ThreadTarget, ThreadView } from "../../../shared/api/comments";
import { type CommentHooks, isCommentShortcut } from "../../editor/CollaborativeEditor";
import { threadsAt } from "../../editor/comment-mark";
import { usePoleEvents } from "../../lib/live";
import { useThreads } from "./queries";
import { selectionTarget } from "./selection";

interface Comments {
  documentId: string;
  list: ThreadList | undefined;
  activeId: string | null;
  focus(threadId: string): void;
  /** Counts the requests to move the keyboard focus to the active thread's card. */
  revealed: number;
  draft: ThreadTarget | null;
  setDraft(target: ThreadTarget | null): void;
  /**
   * Ctrl+Alt+M or « Commenter »: with the caret in a highlighted passage, moves the focus
   * to its thread; otherwise starts a comment on the selection. False when neither applies.
   */
  commentOnSelection(): boolean;
  /** True once asked to comment with nothing selected, until the next selection. */
  missingSelection: boolean;
  editorHooks: CommentHooks;
}

const CommentsContext = createContext<Comments | null>(null);

/** The open document's threads, or null on a page without them. */
export const useComments = () => useContext(CommentsContext);

export function CommentsProvider({
  documentId,
  poleId,
  children,
}: {
  documentId: string;
  poleId: string;
  children: ReactNode;
}) {
  usePoleEvents(poleId);
  const threads = useThreads(documentId);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [revealed, setRevealed] = useState(0);
  const [draft, setDraft] = useState<ThreadTarget | null>(null);
  const [missingSelection, setMissingSelection] = useState(false);
  const editor = useRef<Editor | null>(null);

  const value = useMemo<Comments>(() => {
    const threadAtCaret = () => {
      const state = editor.current?.state;
      if (!state?.selection.empty) return undefined;
      const ids = threadsAt(state.doc, state.selection.from);
      return threads.data?.threads.find(
        (thread) => thread.state === "open" && ids.includes(thread.id),
      );
    };
    const commentOnSelection = () => {
      const around = threadAtCaret();
      if (around) {
        setMissingSelection(false);
        setActiveId(around.id);
        setRevealed((count) => count + 1);
        return true;
      }
      if (!threads.data?.canComment) return false;
      const target = editor.current ? selectionTarget(editor.current) : null;
      setMissingSelection(target === null);
      if (target) setDraft(target);
      return target !== null;
    };
    return {
      documentId,
      list: threads.data,
      activeId,
      focus: setActiveId,
      revealed,
      draft,
      setDraft: (target) => {
        setMissingSelection(false);
        setDraft(target);
      },
      commentOnSelection,
      missingSelection,
      editorHooks: {
        onEditor: (instance) => {
          editor.current = instance;
        },
        onThreadClick: (ids) => setActiveId(ids[0] ?? null),
        onShortcut: commentOnSelection,
      },
    };
  }, [documentId, threads.data, activeId, revealed, draft, missingSelection]);

  // A read-only editor takes no keys: the shortcut is heard on the whole page, unless the
  // editor already answered it.
  const { commentOnSelection } = value;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isCommentShortcut(event)) return;
      event.preventDefault();
      commentOnSelection();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [commentOnSelection]);

  return <CommentsContext.Provider value={value}>{children}</CommentsContext.Provider>;
}

/** The thread of a registry row or a board card, if it has one. */
export function threadOf(
  list: ThreadList | undefined,
  target: Exclude<ThreadTarget, { kind: "text" }>,
): ThreadView | undefined {
  return list?.threads.find((thread) =>
    target.kind === "card"
      ? thread.target.kind === "card" && thread.target.cardId === target.cardId
      : thread.target.kind === "row" &&
        thread.target.table === target.table &&
        thread.target.rowId === target.rowId,
  );
}
