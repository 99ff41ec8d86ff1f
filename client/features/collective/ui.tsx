/** Pieces the collective's pages share: the pôle behind the address, avatars, tags, errors. */
import { type ReactNode, useCallback, useEffect, useId } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useMe, usePoleSelection } from "../../app/session";
import { Loading, Notice } from "../../app/ui";
import { isApiError } from "../../lib/api";
import { colorFor, initials } from "../../lib/color";
import { errorMessage } from "../../lib/errors";
import type { PoleSummary } from "../../lib/schemas";
import "./collective.css";

/**
 * The server's own French sentence for input it refused (it names the field or the
 * conflict); the generic sentence for anything else.
 */
export function useProblem(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) =>
      isApiError(error) && [400, 409, 410].includes(error.status) && error.message
        ? error.message
        : errorMessage(error, t),
    [t],
  );
}

/** The pôle named in the address, as the signed-in person belongs to it; remembered. */
export function usePole(): { poleId: string; pole: PoleSummary | undefined; ready: boolean } {
  const { poleId = "" } = useParams();
  const me = useMe();
  const { remember } = usePoleSelection();
  const pole = me.data?.poles.find((item) => item.id === poleId);
  useEffect(() => {
    if (pole) remember(pole.id);
  }, [pole, remember]);
  return { poleId, pole, ready: me.data !== undefined };
}

/** Loading, or a clear message when the pôle is not the person's (or the page is not for them). */
export function PoleGate({
  title,
  pole,
  ready,
  allowed = true,
  children,
}: {
  title: string;
  pole: PoleSummary | undefined;
  ready: boolean;
  allowed?: boolean;
  children: (pole: PoleSummary) => ReactNode;
}) {
  const { t } = useTranslation("collective");
  const { t: tc } = useTranslation();
  if (!ready) return <Loading />;
  if (!pole || !allowed) {
    return (
      <div className="page page--narrow">
        <h1>{title}</h1>
        <Notice tone="error">{pole ? t("errors.forbidden") : tc("home.unknownPole")}</Notice>
        <p>
          <Link to="/" className="button button--secondary">
            {tc("common.backHome")}
          </Link>
        </p>
      </div>
    );
  }
  return <>{children(pole)}</>;
}

/** Breadcrumb back to the pôle's home. */
export function Crumbs({
  pole,
  trail,
}: {
  pole: PoleSummary;
  trail: Array<{ label: string; to?: string }>;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("document.breadcrumb")} className="breadcrumb">
      <ol>
        <li>
          <Link to={`/p/${pole.id}`}>{pole.name}</Link>
        </li>
        {trail.map((item, index) => (
          <li key={item.label}>
            {item.to && index < trail.length - 1 ? (
              <Link to={item.to}>{item.label}</Link>
            ) : (
              <span aria-current={index === trail.length - 1 ? "page" : undefined}>
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** A face for people without photos: their initials on their colour. */
export function Avatar({
  id,
  name,
  size = "medium",
}: {
  id: string;
  name: string;
  size?: "medium" | "large";
}) {
  return (
    <span
      className={`avatar avatar--${size}`}
      style={{ background: colorFor(id) }}
      aria-hidden="true"
    >
      {initials(name)}
    </span>
  );
}

export function Tags({ tags, label }: { tags: readonly string[]; label: string }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tags" aria-label={label}>
      {tags.map((tag) => (
        <li key={tag} className="tag">
          {tag}
        </li>
      ))}
    </ul>
  );
}

/** Comma-separated text ↔ a list of tags. */
export const splitTags = (value: string) =>
  value
    .split(/[,;\n]/)
    .map((tag) => tag.trim())
    .filter(Boolean);

export const joinTags = (tags: readonly string[]) => tags.join(", ");

/** A group of checkboxes or radios with a real legend. */
export function ChoiceGroup({
  legend,
  hint,
  error,
  children,
}: {
  legend: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <fieldset className="fieldset choice-group" aria-describedby={describedBy || undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <div className="choice-group__options">{children}</div>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function Choice({
  type,
  name,
  checked,
  onChange,
  label,
  hint,
}: {
  type: "radio" | "checkbox";
  name: string;
  checked: boolean;
  onChange(checked: boolean): void;
  label: string;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className={`choice${checked ? " choice--checked" : ""}`}>
      <input
        id={id}
        type={type}
        name={name}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id}>
        <span className="choice__label">{label}</span>
        {hint ? (
          <span id={`${id}-hint`} className="choice__hint">
            {hint}
          </span>
        ) : null}
      </label>
    </div>
  );
}

export function TextArea({
  label,
  hint,
  value,
  onChange,
  rows = 3,
  error,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange(value: string): void;
  rows?: number;
  error?: string;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={error ? "field field--invalid" : "field"}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        className="input textarea"
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
