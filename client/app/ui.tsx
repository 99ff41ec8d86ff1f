/** Small building blocks shared by the pages: labelled fields, notices, badges. */
import {
  type ComponentProps,
  type ReactNode,
  type RefObject,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";

/** Sets the tab title: "<page> · Maillage". */
export function useDocumentTitle(title: string | undefined) {
  const { t } = useTranslation();
  useEffect(() => {
    const suffix = t("app.titleSuffix");
    document.title = title ? `${title} · ${suffix}` : suffix;
  }, [title, t]);
}

interface TextFieldProps extends Omit<ComponentProps<"input">, "id"> {
  label: string;
  hint?: string;
  error?: string;
  inputRef?: RefObject<HTMLInputElement | null>;
}

/** A labelled input with its hint and error tied to it for assistive technology. */
export function TextField({ label, hint, error, required, inputRef, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field--invalid" : "field"}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        ref={inputRef}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        required={required}
        {...input}
      />
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface SelectFieldProps extends Omit<ComponentProps<"select">, "id"> {
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}

export function SelectField({ label, hint, error, children, ...select }: SelectFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field--invalid" : "field"}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <select
        id={id}
        className="input select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...select}
      >
        {children}
      </select>
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type Tone = "info" | "error" | "success" | "warning";

/**
 * A notice. Errors are announced at once (role="alert"); other tones politely. Pass
 * `focus` to move the keyboard focus to it when it appears.
 */
export function Notice({
  tone = "info",
  title,
  children,
  focus = false,
  live = true,
}: {
  tone?: Tone;
  title?: string;
  children: ReactNode;
  focus?: boolean;
  live?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  const role = !live ? undefined : tone === "error" ? "alert" : "status";
  return (
    <div
      ref={ref}
      className={`notice notice--${tone}`}
      role={role}
      tabIndex={focus ? -1 : undefined}
    >
      {title ? <p className="notice__title">{title}</p> : null}
      <div className="notice__body">{children}</div>
    </div>
  );
}

export function Badge({
  tone,
  children,
}: {
  tone: "edit" | "view" | "neutral" | "muted";
  children: ReactNode;
}) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}

/** A small "+" drawn in SVG (the fullwidth sign is missing from many system fonts). */
export function PlusIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M8 3v10M3 8h10" />
    </svg>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      <span className="loading__dot" aria-hidden="true" />
      {t("common.loading")}
    </p>
  );
}

/** A password input with a "show" checkbox, since long passphrases are easy to mistype. */
export function PasswordField({
  value,
  onChange,
  error,
  autoComplete,
  hint,
}: {
  value: string;
  onChange(value: string): void;
  error?: string;
  autoComplete: "current-password" | "new-password";
  hint?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [shown, setShown] = useState(false);
  return (
    <div className="password-field">
      <TextField
        label={t("fields.password")}
        hint={hint}
        error={error}
        required
        type={shown ? "text" : "password"}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete={autoComplete}
        autoCapitalize="off"
        spellCheck={false}
      />
      <div className="checkbox">
        <input
          id={`${id}-show`}
          type="checkbox"
          checked={shown}
          onChange={(event) => setShown(event.target.checked)}
        />
        <label htmlFor={`${id}-show`}>{t("common.showPassword")}</label>
      </div>
    </div>
  );
}
