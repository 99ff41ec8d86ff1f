/**
 * One field of one row, edited in place. Text is kept as a local draft while the person
 * types (a remote edit of the same field does not overwrite it) and committed on blur,
 * Enter or a pause; choices are committed at once. Every value is validated with the shared
 * schema before it is written; a row deleted meanwhile is reported, never thrown on.
 */
import { memo, useEffect, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import type { FieldKind, FieldSpec } from "../../../shared/diagnostic/fields";
import type { DiagnosticTable } from "../../../shared/diagnostic/vocabularies";
import { writeField } from "../../../shared/diagnostic/writing";
import { initials } from "../../lib/color";
import { announceEditing, type Editing } from "./useDiagnostic";
import "./strings";

export interface Option {
  id: string;
  title: string;
}

export interface RowContext {
  doc: Y.Doc;
  provider: WebsocketProvider;
  table: DiagnosticTable;
  rowId: string;
  /** How assistive technology names the row in each field's label. */
  rowName: string;
  /** The row vanished under the person's edit. */
  onGone(): void;
}

const COMMIT_AFTER_MS = 1200;

const numberFormat = (language: string) =>
  new Intl.NumberFormat(language === "en" ? "en-GB" : "fr-FR", {
    maximumFractionDigits: 6,
    useGrouping: false,
  });

function display(kind: FieldKind, value: unknown, language: string): string {
  if (value === null || value === undefined) return "";
  if (kind === "number" && typeof value === "number") return numberFormat(language).format(value);
  return String(value);
}

/** What the person typed, as the value to store, or undefined when it cannot be one. */
function parseInput(kind: FieldKind, text: string): unknown {
  const trimmed = text.trim();
  if (kind === "number" || kind === "year") {
    if (trimmed === "") return null;
    const value = Number(trimmed.replace(/\s/g, "").replace(",", "."));
    return Number.isFinite(value) ? value : undefined;
  }
  return text;
}

export function useFieldLabel(ctx: RowContext, key: string) {
  const { t } = useTranslation("diagnostic");
  const fields = t(`fields.${ctx.table}`, { returnObjects: true }) as Record<string, string>;
  return t("rowLabel", { field: fields[key] ?? key, row: ctx.rowName });
}

/** Text, long text, numbers, years, links and dates. */
export const TextCell = memo(function TextCell({
  ctx,
  spec,
  fieldKey,
  value,
  editable,
}: {
  ctx: RowContext;
  spec: FieldSpec;
  fieldKey: string;
  value: unknown;
  editable: boolean;
}) {
  const { t, i18n } = useTranslation("diagnostic");
  const label = useFieldLabel(ctx, fieldKey);
  const errorId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const shown = draft ?? display(spec.kind, value, i18n.language);

  useEffect(() => () => clearTimeout(timer.current), []);

  if (!editable) {
    if (spec.kind === "url" && typeof value === "string" && value !== "") {
      return (
        <a href={value} target="_blank" rel="noopener noreferrer nofollow" className="reg-link">
          {value}
        </a>
      );
    }
    return <span className="reg-value">{shown}</span>;
  }

  const commit = (text: string) => {
    clearTimeout(timer.current);
    const parsed = parseInput(spec.kind, text);
    if (parsed === undefined) {
      setError(t(`invalid.${spec.kind === "year" ? "year" : "number"}`));
      return;
    }
    const result = writeField(ctx.doc, ctx.table, ctx.rowId, fieldKey, parsed);
    if (result.ok) setError(null);
    else if (result.reason === "gone") ctx.onGone();
    else setError(t(`invalid.${invalidKey(spec.kind)}`));
  };

  const inputProps = {
    className: `input reg-input reg-input--${spec.kind}`,
    value: shown,
    "aria-label": label,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? errorId : undefined,
    onFocus: () => {
      setDraft((current) => current ?? display(spec.kind, value, i18n.language));
      announceEditing(ctx.provider, { registry: ctx.table, rowId: ctx.rowId, field: fieldKey });
    },
    onChange: (event: { target: { value: string } }) => {
      const text = event.target.value;
      setDraft(text);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => commit(text), COMMIT_AFTER_MS);
    },
    onBlur: () => {
      if (draft !== null) commit(draft);
      setDraft(null);
      announceEditing(ctx.provider, null);
    },
  };

  return (
    <>
      {spec.kind === "longtext" ? (
        <textarea
          {...inputProps}
          rows={1}
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && draft !== null)
              commit(draft);
          }}
        />
      ) : (
        <input
          {...inputProps}
          type={spec.kind === "date" ? "date" : spec.kind === "url" ? "url" : "text"}
          inputMode={
            spec.kind === "number" ? "decimal" : spec.kind === "year" ? "numeric" : undefined
          }
          onKeyDown={(event) => {
            if (event.key === "Enter" && draft !== null) commit(draft);
            if (event.key === "Escape") {
              clearTimeout(timer.current);
              setDraft(display(spec.kind, value, i18n.language));
              setError(null);
            }
          }}
        />
      )}
      {error ? (
        <span id={errorId} className="reg-error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
});

function invalidKey(kind: FieldKind): "number" | "year" | "url" | "date" | "text" {
  if (kind === "number" || kind === "year" || kind === "url" || kind === "date") return kind;
  return "text";
}

/** A field whose value is chosen among options (fixed choices or other rows). */
interface OptionCellProps {
  ctx: RowContext;
  fieldKey: string;
  value: unknown;
  options: Option[];
  editable: boolean;
}

/** A fixed list of choices, or a single reference: a select, committed on change. */
export const ChoiceCell = memo(function ChoiceCell({
  ctx,
  fieldKey,
  value,
  options,
  editable,
}: OptionCellProps) {
  const { t } = useTranslation("diagnostic");
  const label = useFieldLabel(ctx, fieldKey);
  const current = typeof value === "string" ? value : "";
  if (!editable) {
    return (
      <span className="reg-value">
        {options.find((option) => option.id === current)?.title ?? (current ? current : "")}
      </span>
    );
  }
  return (
    <select
      className="input select reg-input"
      aria-label={label}
      value={current}
      onFocus={() =>
        announceEditing(ctx.provider, { registry: ctx.table, rowId: ctx.rowId, field: fieldKey })
      }
      onBlur={() => announceEditing(ctx.provider, null)}
      onChange={(event) => {
        const result = writeField(
          ctx.doc,
          ctx.table,
          ctx.rowId,
          fieldKey,
          event.target.value === "" ? null : event.target.value,
        );
        if (!result.ok && result.reason === "gone") ctx.onGone();
      }}
    >
      <option value="">{t("none")}</option>
      {current !== "" && !options.some((option) => option.id === current) ? (
        <option value={current}>{current}</option>
      ) : null}
      {options.map((option) => (
        <option key={option.id} value={option.id}>
          {option.title}
        </option>
      ))}
    </select>
  );
});

const SHOWN_OPTIONS = 60;

/** Several references (actors, needs, sources): a filterable list of checkboxes. */
export const RefsCell = memo(function RefsCell({
  ctx,
  fieldKey,
  value,
  options,
  editable,
}: OptionCellProps) {
  const { t } = useTranslation("diagnostic");
  const label = useFieldLabel(ctx, fieldKey);
  const [filter, setFilter] = useState("");
  const [open, setOpen] = useState(false);
  const selected = useMemo(
    () => new Set(Array.isArray(value) ? value.filter((id) => typeof id === "string") : []),
    [value],
  );
  const byId = useMemo(
    () => new Map(options.map((option) => [option.id, option.title])),
    [options],
  );
  const summary =
    [...selected].map((id) => byId.get(id) ?? "?").join(", ") || t("refs.summaryNone");
  if (!editable) return <span className="reg-value">{selected.size > 0 ? summary : ""}</span>;

  const folded = filter.trim().toLocaleLowerCase();
  const matching = folded
    ? options.filter((option) => option.title.toLocaleLowerCase().includes(folded))
    : options;
  const toggle = (id: string, checked: boolean) => {
    const next = checked ? [...selected, id] : [...selected].filter((item) => item !== id);
    const result = writeField(ctx.doc, ctx.table, ctx.rowId, fieldKey, next);
    if (!result.ok && result.reason === "gone") ctx.onGone();
  };
  return (
    <details
      className="reg-refs"
      open={open}
      onToggle={(event) => {
        const isOpen = event.currentTarget.open;
        setOpen(isOpen);
        announceEditing(
          ctx.provider,
          isOpen ? { registry: ctx.table, rowId: ctx.rowId, field: fieldKey } : null,
        );
      }}
    >
      <summary aria-label={`${label} : ${summary}`}>
        <span className="reg-refs__summary">{summary}</span>
      </summary>
      {open ? (
        <div className="reg-refs__panel">
          {options.length === 0 ? (
            <p className="small muted">{t("refs.nothing")}</p>
          ) : (
            <>
              {options.length > 8 ? (
                <input
                  className="input reg-input"
                  type="search"
                  aria-label={t("refs.filter")}
                  placeholder={t("refs.filter")}
                  value={filter}
                  onChange={(event) => setFilter(event.target.value)}
                />
              ) : null}
              <fieldset className="reg-refs__list">
                <legend className="visually-hidden">{t("refs.choose", { field: label })}</legend>
                {matching.slice(0, SHOWN_OPTIONS).map((option) => (
                  <label key={option.id} className="reg-refs__option">
                    <input
                      type="checkbox"
                      checked={selected.has(option.id)}
                      onChange={(event) => toggle(option.id, event.target.checked)}
                    />
                    <span>{option.title}</span>
                  </label>
                ))}
              </fieldset>
              {matching.length > SHOWN_OPTIONS ? (
                <p className="small muted">
                  {t("refs.more", { count: matching.length - SHOWN_OPTIONS })}
                </p>
              ) : null}
            </>
          )}
        </div>
      ) : null}
    </details>
  );
});

/** The faces of the first people editing a row (their names are said next to them). */
export function EditorFaces({ editors }: { editors: Editing[] }) {
  return (
    <>
      {editors.slice(0, 3).map((person) => (
        <span
          key={person.clientId}
          className="avatar avatar--small"
          style={{ backgroundColor: person.color }}
          aria-hidden="true"
        >
          {initials(person.name)}
        </span>
      ))}
    </>
  );
}
