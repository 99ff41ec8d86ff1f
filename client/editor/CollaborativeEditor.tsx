/** The rich-text body of a document, edited together through Yjs. */
import { EditorContent, useEditor } from "@tiptap/react";
import { useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import type { SyncUser } from "../lib/sync";
import { collaborativeExtensions } from "./extensions";
import type { Mentionable, MentionSource } from "./mention";
import { Toolbar, type ToolbarHandle } from "./Toolbar";
import "./editor.css";

export function CollaborativeEditor({
  ydoc,
  provider,
  user,
  editable,
  label,
  mentionable,
}: {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  user: SyncUser;
  editable: boolean;
  label: string;
  /** The people `@` suggests (the pôle's), once loaded. */
  mentionable?: readonly Mentionable[];
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
      search: async (query) =>
        people.current.filter((person) => folded(person.name).includes(folded(query))),
      mentioned: (person) => setUnreached(person.canRead ? null : person.name),
      words: {
        list: t("mention.list"),
        none: t("mention.none"),
        cannotRead: t("mention.cannotRead"),
      },
    }),
    [t],
  );

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
          return false;
        },
      },
    },
    [ydoc, provider, editable, mentions],
  );

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

/** Names compared without case nor accents: "lea" finds "Léa". */
const folded = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
