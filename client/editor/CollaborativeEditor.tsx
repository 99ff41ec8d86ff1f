/** The rich-text body of a document, edited together through Yjs. */
import { type Editor, EditorContent, useEditor } from "@tiptap/react";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import type { Mentionable } from "../../shared/api/notifications";
import type { SyncUser } from "../lib/sync";
import { matchPeople } from "../ui/people-list";
import { threadsAt } from "./comment-mark";
import { collaborativeExtensions } from "./extensions";
import type { MentionSource } from "./mention";
import { Toolbar, type ToolbarHandle } from "./Toolbar";
import "./editor.css";

export function CollaborativeEditor({
  ydoc,
  provider,
  user,
  editable,
  label,
  mentionable,
  comments,
}: {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  user: SyncUser;
  editable: boolean;
  label: string;
  /** The people `@` suggests (the pôle's), once loaded. */
  mentionable?: readonly Mentionable[];
  /** Comment threads beside the text: told of the editor, of clicks on marks, of Ctrl+Alt+M. */
  comments?: CommentHooks;
}) {
  const { t } = useTranslation();
  const editorId = useId();
  const toolbar = useRef<ToolbarHandle>(null);
  const hintId = `${editorId}-hint`;
  const people = useRef(mentionable ?? []);
  people.current = mentionable ?? [];
  const [unreached, setUnreached] = useState<string | null>(null);
  const mentions = useMemo<MentionSource>(
    () => ({
      search: async (query) => matchPeople(people.current, query),
      mentioned: (person) => setUnreached(person.canRead ? null : person.name),
      words: {
        list: t("mention.list"),
        none: t("mention.none"),
        cannotRead: t("mention.cannotRead"),
      },
    }),
    [t],
  );
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
        mentions,
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
          const threads = threadsAt(view.state.doc, pos);
          if (threads.length > 0) hooks.current?.onThreadClick(threads);
          return false;
        },
      },
    },
    [ydoc, provider, editable, mentions],
  );

  useEffect(() => {
    hooks.current?.onEditor(editor);
    return () => hooks.current?.onEditor(null);
  }, [editor]);

  return (
    <div className={editable ? "editor" : "editor editor--readonly"}>
      {editable && editor ? <Toolbar editor={editor} editorId={editorId} handle={toolbar} /> : null}
      <EditorContent editor={editor} className="editor__content" />
      <p role="status" className={unreached ? "editor__warning" : "visually-hidden"}>
        {unreached ? t("mention.unreached", { name: unreached }) : ""}
      </p>
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
