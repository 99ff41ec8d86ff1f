/** The rich-text body of a document, edited together through Yjs. */
import { type Editor, EditorContent, useEditor } from "@tiptap/react";
import { useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import type { SyncUser } from "../lib/sync";
import { threadsAt } from "./comment-mark";
import { collaborativeExtensions } from "./extensions";
import { Toolbar, type ToolbarHandle } from "./Toolbar";
import "./editor.css";

export function CollaborativeEditor({
  ydoc,
  provider,
  user,
  editable,
  label,
  comments,
}: {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  user: SyncUser;
  editable: boolean;
  label: string;
  /** Comment threads beside the text: told of the editor, of clicks on marks, of Ctrl+Alt+M. */
  comments?: CommentHooks;
}) {
  const { t } = useTranslation();
  const editorId = useId();
  const toolbar = useRef<ToolbarHandle>(null);
  const hintId = `${editorId}-hint`;
  // The handlers may change between renders; the editor, made once, calls the latest.
  const hooks = useRef(comments);
  hooks.current = comments;

  const editor = useEditor(
    {
      extensions: collaborativeExtensions({
        ydoc,
        provider,
        user,
        placeholder: editable ? t("document.placeholder") : "",
      }),
      editable,
      editorProps: {
        attributes: {
          id: editorId,
          class: "prose",
          role: "textbox",
          "aria-multiline": "true",
          "aria-label": label,
          ...(editable ? { "aria-describedby": hintId } : { "aria-readonly": "true" }),
        },
        handleKeyDown: (_view, event) => {
          if (event.altKey && event.key === "F10") {
            event.preventDefault();
            toolbar.current?.focus();
            return true;
          }
          if (isCommentShortcut(event) && hooks.current) {
            event.preventDefault();
            hooks.current.onShortcut();
            return true;
          }
          return false;
        },
        handleClick: (view, pos) => {
          const $pos = view.state.doc.resolve(pos);
          const threads = threadsAt([...$pos.marks(), ...($pos.nodeAfter?.marks ?? [])]);
          if (threads.length > 0) hooks.current?.onThreadClick(threads);
          return false;
        },
      },
    },
    [ydoc, provider, editable],
  );

  useEffect(() => {
    hooks.current?.onEditor(editor);
    return () => hooks.current?.onEditor(null);
  }, [editor]);

  return (
    <div className={editable ? "editor" : "editor editor--readonly"}>
      {editable && editor ? <Toolbar editor={editor} editorId={editorId} handle={toolbar} /> : null}
      <EditorContent editor={editor} className="editor__content" />
      {editable ? (
        <p id={hintId} className="editor__hint">
          {t("toolbar.keyboardHint")}
        </p>
      ) : null}
    </div>
  );
}

export interface CommentHooks {
  onEditor(editor: Editor | null): void;
  /** The threads whose marks were clicked, innermost first. */
  onThreadClick(threadIds: string[]): void;
  /** Ctrl+Alt+M (⌘⌥M): comment on the selection. */
  onShortcut(): void;
}

/**
 * The letter M on the keyboard's layout (AZERTY's M is not QWERTY's), or the key where
 * QWERTY has it when Alt turns the letter into another character (µ on a Mac).
 */
export const isCommentShortcut = (event: KeyboardEvent) =>
  (event.ctrlKey || event.metaKey) &&
  event.altKey &&
  (event.key.toLowerCase() === "m" || event.code === "KeyM");
