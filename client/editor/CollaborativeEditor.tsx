/** The rich-text body of a document, edited together through Yjs. */
import { EditorContent, useEditor } from "@tiptap/react";
import { useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import type { SyncUser } from "../lib/sync";
import { collaborativeExtensions } from "./extensions";
import { Toolbar, type ToolbarHandle } from "./Toolbar";
import "./editor.css";

export function CollaborativeEditor({
  ydoc,
  provider,
  user,
  editable,
  label,
}: {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  user: SyncUser;
  editable: boolean;
  label: string;
}) {
  const { t } = useTranslation();
  const editorId = useId();
  const toolbar = useRef<ToolbarHandle>(null);
  const hintId = `${editorId}-hint`;

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
          return false;
        },
      },
    },
    [ydoc, provider, editable],
  );

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
