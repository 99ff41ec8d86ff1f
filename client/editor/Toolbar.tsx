/**
 * The formatting toolbar: a WAI-ARIA toolbar (one tab stop, arrow keys move between
 * buttons, Escape returns to the text), toggles expose aria-pressed.
 */
import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import {
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
  useCallback,
  useImperativeHandle,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import { LinkForm } from "./LinkForm";

export interface ToolbarHandle {
  focus(): void;
}

interface Item {
  key: string;
  label: string;
  /** The visible text, when shorter than the label. */
  text?: ReactNode;
  shortcut?: string;
  pressed?: boolean;
  disabled?: boolean;
  run(): void;
  className?: string;
}

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? "⌘" : "Ctrl";

export function Toolbar({
  editor,
  editorId,
  handle,
}: {
  editor: Editor;
  editorId: string;
  handle: RefObject<ToolbarHandle | null>;
}) {
  const { t } = useTranslation();
  const [linkOpen, setLinkOpen] = useState(false);
  const [active, setActive] = useState(0);
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h1: e.isActive("heading", { level: 1 }),
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      bulletList: e.isActive("bulletList"),
      orderedList: e.isActive("orderedList"),
      link: e.isActive("link"),
      table: e.isActive("table"),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });

  const chain = () => editor.chain().focus();
  const items: Item[] = [
    {
      key: "h1",
      label: t("toolbar.heading1"),
      pressed: state.h1,
      run: () => chain().toggleHeading({ level: 1 }).run(),
      shortcut: `${mod}+Alt+1`,
    },
    {
      key: "h2",
      label: t("toolbar.heading2"),
      pressed: state.h2,
      run: () => chain().toggleHeading({ level: 2 }).run(),
      shortcut: `${mod}+Alt+2`,
    },
    {
      key: "h3",
      label: t("toolbar.heading3"),
      pressed: state.h3,
      run: () => chain().toggleHeading({ level: 3 }).run(),
      shortcut: `${mod}+Alt+3`,
    },
    {
      key: "bold",
      label: t("toolbar.bold"),
      text: <strong>{t("toolbar.bold")}</strong>,
      pressed: state.bold,
      run: () => chain().toggleBold().run(),
      shortcut: `${mod}+B`,
      className: "toolbar__button--group-start",
    },
    {
      key: "italic",
      label: t("toolbar.italic"),
      text: <em>{t("toolbar.italic")}</em>,
      pressed: state.italic,
      run: () => chain().toggleItalic().run(),
      shortcut: `${mod}+I`,
    },
    {
      key: "link",
      label: t("toolbar.link"),
      pressed: state.link,
      run: () => setLinkOpen((open) => !open),
      shortcut: undefined,
    },
    {
      key: "bulletList",
      label: t("toolbar.bulletList"),
      pressed: state.bulletList,
      run: () => chain().toggleBulletList().run(),
      shortcut: `${mod}+Shift+8`,
      className: "toolbar__button--group-start",
    },
    {
      key: "orderedList",
      label: t("toolbar.orderedList"),
      pressed: state.orderedList,
      run: () => chain().toggleOrderedList().run(),
      shortcut: `${mod}+Shift+7`,
    },
    {
      key: "table",
      label: t("toolbar.table"),
      disabled: state.table,
      run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    },
    ...(state.table
      ? [
          {
            key: "addRow",
            label: t("toolbar.addRow"),
            run: () => chain().addRowAfter().run(),
            className: "toolbar__button--table",
          },
          {
            key: "addColumn",
            label: t("toolbar.addColumn"),
            run: () => chain().addColumnAfter().run(),
            className: "toolbar__button--table",
          },
          {
            key: "deleteRow",
            label: t("toolbar.deleteRow"),
            run: () => chain().deleteRow().run(),
            className: "toolbar__button--table",
          },
          {
            key: "deleteColumn",
            label: t("toolbar.deleteColumn"),
            run: () => chain().deleteColumn().run(),
            className: "toolbar__button--table",
          },
          {
            key: "deleteTable",
            label: t("toolbar.deleteTable"),
            run: () => chain().deleteTable().run(),
            className: "toolbar__button--table",
          },
        ]
      : []),
    {
      key: "undo",
      label: t("toolbar.undo"),
      text: (
        <>
          <span aria-hidden="true">↶ </span>
          {t("toolbar.undo")}
        </>
      ),
      disabled: !state.canUndo,
      run: () => chain().undo().run(),
      shortcut: `${mod}+Z`,
      className: "toolbar__button--group-start",
    },
    {
      key: "redo",
      label: t("toolbar.redo"),
      text: (
        <>
          <span aria-hidden="true">↷ </span>
          {t("toolbar.redo")}
        </>
      ),
      disabled: !state.canRedo,
      run: () => chain().redo().run(),
      shortcut: `${mod}+Shift+Z`,
    },
  ];

  const current = Math.min(active, items.length - 1);

  const focusAt = useCallback((index: number) => {
    setActive(index);
    buttons.current[index]?.focus();
  }, []);

  useImperativeHandle(handle, () => ({ focus: () => focusAt(current) }), [focusAt, current]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const count = items.length;
    let next: number | null = null;
    if (event.key === "ArrowRight" || event.key === "ArrowDown") next = (current + 1) % count;
    else if (event.key === "ArrowLeft" || event.key === "ArrowUp")
      next = (current - 1 + count) % count;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = count - 1;
    else if (event.key === "Escape") {
      event.preventDefault();
      editor.commands.focus();
      return;
    }
    if (next !== null) {
      event.preventDefault();
      focusAt(next);
    }
  }

  return (
    <div className="toolbar-wrap">
      <div
        role="toolbar"
        aria-label={t("toolbar.label")}
        aria-controls={editorId}
        className="toolbar"
        onKeyDown={onKeyDown}
      >
        {items.map((item, index) => (
          <button
            key={item.key}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            className={`toolbar__button ${item.className ?? ""}`}
            tabIndex={index === current ? 0 : -1}
            aria-pressed={item.pressed === undefined ? undefined : item.pressed}
            aria-disabled={item.disabled ? true : undefined}
            title={
              item.shortcut
                ? t("toolbar.shortcut", { label: item.label, keys: item.shortcut })
                : item.label
            }
            data-command={item.key}
            onFocus={() => setActive(index)}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              if (!item.disabled) item.run();
            }}
          >
            {item.text ?? item.label}
          </button>
        ))}
      </div>
      {linkOpen ? (
        <LinkForm
          editor={editor}
          onClose={() => {
            setLinkOpen(false);
            editor.commands.focus();
          }}
        />
      ) : null}
    </div>
  );
}
