/** Small building blocks shared by the pages: labelled fields, notices, badges. */
import {
  type ComponentProps,
  type FormEvent,
  type ReactNode,
  type RefObject,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** Sets the tab title: "<page> · Maillage". */
export function useDocumentTitle(title: string | undefined) {
  const { t } = useTranslation();
  useEffect(() => {
    const suffix = t("app.titleSuffix");
    document.title = title ? `${title} · ${suffix}` : suffix;
  }, [title, t]);
}

/** What a control needs to be tied to its label, hint and error. */
export interface ControlAttributes {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/**
 * A labelled control with its hint and error tied to it for assistive technology;
 * `control` draws the input, select or textarea with the attributes it is given.
 */
export function FieldFrame({
  label,
  hint,
  error,
  announceError = false,
  className,
  after,
  control,
}: {
  label: string;
  hint?: string;
  error?: string | null;
  /** For fields that check as the person types, where the error appears without a submit. */
  announceError?: boolean;
  className?: string;
  after?: ReactNode;
  control(attributes: ControlAttributes): ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const classes = ["field", error ? "field--invalid" : "", className ?? ""].filter(Boolean);
  return (
    <div className={classes.join(" ")}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {control({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
      })}
      {error ? (
        <p id={errorId} className="field__error" role={announceError ? "alert" : undefined}>
          {error}
        </p>
      ) : null}
      {after}
    </div>
  );
}

interface TextFieldProps extends Omit<ComponentProps<"input">, "id"> {
  label: string;
  hint?: string;
  error?: string;
  inputRef?: RefObject<HTMLInputElement | null>;
}

export function TextField({ label, hint, error, inputRef, ...input }: TextFieldProps) {
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      control={(attributes) => (
        <input {...attributes} ref={inputRef} className="input" {...input} />
      )}
    />
  );
}

interface SelectFieldProps extends Omit<ComponentProps<"select">, "id"> {
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}

export function SelectField({ label, hint, error, children, ...select }: SelectFieldProps) {
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      control={(attributes) => (
        <select {...attributes} className="input select" {...select}>
          {children}
        </select>
      )}
    />
  );
}

interface TextAreaFieldProps extends Omit<ComponentProps<"textarea">, "id" | "onChange"> {
  label: string;
  hint?: string;
  error?: string;
  onChange(value: string): void;
}

export function TextAreaField({
  label,
  hint,
  error,
  onChange,
  rows = 3,
  ...area
}: TextAreaFieldProps) {
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      control={(attributes) => (
        <textarea
          {...attributes}
          className="input textarea"
          rows={rows}
          onChange={(event) => onChange(event.target.value)}
          {...area}
        />
      )}
    />
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
  label,
}: {
  value: string;
  onChange(value: string): void;
  error?: string;
  autoComplete: "current-password" | "new-password";
  hint?: string;
  /** When the form has two (the current one and a new one). */
  label?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [shown, setShown] = useState(false);
  return (
    <div className="password-field">
      <TextField
        label={label ?? t("fields.password")}
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

/** The error a form's last submit met; the focus goes to it so that it is read first. */
export function FormError({ error }: { error: string | null | undefined }) {
  return error ? (
    <Notice tone="error" focus>
      {error}
    </Notice>
  ) : null;
}

/** The submit button (its label says when the request is under way) and an optional cancel. */
export function FormActions({
  busy,
  label,
  busyLabel,
  disabled = false,
  onCancel,
}: {
  busy: boolean;
  label: string;
  busyLabel: string;
  disabled?: boolean;
  onCancel?(): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="form__actions">
      <button type="submit" className="button button--primary" disabled={busy || disabled}>
        {busy ? busyLabel : label}
      </button>
      {onCancel ? (
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      ) : null}
    </div>
  );
}

/** A page that cannot be shown: what it was, why, and the way back home. */
export function DeadEnd({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="page page--narrow">
      <h1>{title}</h1>
      {children}
      <p>
        <Link to="/" className="button button--secondary">
          {t("common.backHome")}
        </Link>
      </p>
    </div>
  );
}

/** A query's waiting and failure, above the place where its data will show. */
export function QueryStatus({
  query,
  describe,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown };
  describe(error: unknown): string;
}) {
  return (
    <>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <Notice tone="error">{describe(query.error)}</Notice> : null}
    </>
  );
}

/** How the last action went, said politely next to where it was done. */
export interface Outcome {
  tone: "success" | "error";
  text: string;
}

export function OutcomeNotice({ outcome }: { outcome: Outcome | null }) {
  return outcome ? <Notice tone={outcome.tone}>{outcome.text}</Notice> : null;
}

/** A button that shows and hides the panel it controls: spread `toggle` and `panel` on them. */
export function useDisclosure(initiallyOpen = false) {
  const [open, setOpen] = useState(initiallyOpen);
  const id = useId();
  return {
    open,
    setOpen,
    toggle: {
      "aria-expanded": open,
      "aria-controls": id,
      onClick: () => setOpen((value) => !value),
    },
    panel: { id, hidden: !open },
  };
}

/**
 * A form named by its own heading, with the error of its last submit first. The form
 * checks its fields itself (`noValidate`) to say what is wrong in the page's words.
 */
export function TitledForm({
  title,
  intro,
  error,
  formRef,
  className = "card form",
  onSubmit,
  children,
}: {
  title: string;
  intro?: string;
  error: string | null | undefined;
  formRef?: RefObject<HTMLFormElement | null>;
  className?: string;
  onSubmit(event: FormEvent): void;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <form
      ref={formRef}
      className={className}
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={titleId}
    >
      <h2 id={titleId}>{title}</h2>
      {intro ? <p className="muted">{intro}</p> : null}
      <FormError error={error} />
      {children}
    </form>
  );
}
