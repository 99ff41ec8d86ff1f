/**
 * Inputs bound to a value of the Y.Doc. Each keeps its own draft while the person types
 * (others' edits replace it only when it does not have the focus), writes valid values at
 * once so that everyone sees them live, and says what is wrong with an invalid one.
 */
import { type ReactNode, useEffect, useRef, useState } from "react";
import { FieldFrame } from "../../ui/kit";

export type Parse<T> = (text: string) => { value: T } | { error: string };

interface LiveFieldProps<T> {
  label: string;
  hint?: string;
  value: T;
  format(value: T): string;
  parse: Parse<T>;
  commit(value: T): void;
  /** "blur" for lists, whose separators would otherwise be eaten while typing. */
  commitOn?: "change" | "blur";
  multiline?: boolean;
  disabled?: boolean;
  inputMode?: "text" | "decimal" | "numeric";
  type?: "text" | "date" | "number";
  className?: string;
  after?: ReactNode;
}

export function LiveField<T>({
  label,
  hint,
  value,
  format,
  parse,
  commit,
  commitOn = "change",
  multiline = false,
  disabled = false,
  inputMode,
  type = "text",
  className,
  after,
}: LiveFieldProps<T>) {
  const [draft, setDraft] = useState(() => format(value));
  const [error, setError] = useState<string | null>(null);
  const focused = useRef(false);
  const external = format(value);

  useEffect(() => {
    if (!focused.current) {
      setDraft(external);
      setError(null);
    }
  }, [external]);

  const apply = (text: string) => {
    const parsed = parse(text);
    if ("error" in parsed) {
      setError(parsed.error);
      return;
    }
    setError(null);
    if (format(parsed.value) !== external) commit(parsed.value);
  };

  const handlers = {
    className: multiline ? "input textarea" : "input",
    value: draft,
    disabled,
    onFocus: () => {
      focused.current = true;
    },
    onBlur: () => {
      focused.current = false;
      apply(draft);
    },
    onChange: (event: { target: { value: string } }) => {
      setDraft(event.target.value);
      if (commitOn === "change") apply(event.target.value);
    },
  };
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      announceError
      className={className}
      after={after}
      control={(attributes) =>
        multiline ? (
          <textarea rows={3} {...attributes} {...handlers} />
        ) : (
          <input type={type} inputMode={inputMode} {...attributes} {...handlers} />
        )
      }
    />
  );
}

/** Plain text, trimmed, required or not. */
export const textParser =
  (max: number, required: string | null): Parse<string> =>
  (text) => {
    const value = text.slice(0, max);
    if (required && value.trim() === "") return { error: required };
    return { value };
  };

export const listFormat = (list: string[]) => list.join(", ");
export const listParse: Parse<string[]> = (text) => ({
  value: Array.from(
    new Set(
      text
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ),
});

/** The small × that removes one line of a card's list (a funding line, a milestone). */
export function RemoveLineButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <button
      type="button"
      className="button button--ghost button--small"
      onClick={onClick}
      aria-label={label}
    >
      ×
    </button>
  );
}
