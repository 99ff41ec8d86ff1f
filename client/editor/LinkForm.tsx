/** Adds, changes or removes the link on the selection; opened from the toolbar. */
import type { Editor } from "@tiptap/core";
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { safeUrl } from "../lib/validation";
import { TextField } from "../ui/kit";

export function LinkForm({ editor, onClose }: { editor: Editor; onClose(): void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const existing = editor.getAttributes("link").href;
  const [value, setValue] = useState(typeof existing === "string" ? existing : "");
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  function apply(event: FormEvent) {
    event.preventDefault();
    const href = safeUrl(value);
    if (!href) {
      setError(t("validation.url"));
      input.current?.focus();
      return;
    }
    const { empty } = editor.state.selection;
    if (empty && !editor.isActive("link")) {
      editor
        .chain()
        .focus()
        .insertContent({
          type: "text",
          text: value.trim(),
          marks: [{ type: "link", attrs: { href } }],
        })
        .run();
    } else {
      editor.chain().focus().extendMarkRange("link").setLink({ href }).run();
    }
    onClose();
  }

  function remove() {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    onClose();
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  return (
    <form
      className="link-form"
      onSubmit={apply}
      onKeyDown={onKeyDown}
      noValidate
      aria-label={t("linkForm.title")}
    >
      <TextField
        inputRef={input}
        label={t("linkForm.url")}
        hint={t("linkForm.urlHint")}
        type="url"
        inputMode="url"
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setError(undefined);
        }}
        error={error}
        spellCheck={false}
        autoComplete="off"
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary button--small">
          {t("linkForm.apply")}
        </button>
        {existing ? (
          <button type="button" className="button button--secondary button--small" onClick={remove}>
            {t("linkForm.remove")}
          </button>
        ) : null}
        <button type="button" className="button button--ghost button--small" onClick={onClose}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
