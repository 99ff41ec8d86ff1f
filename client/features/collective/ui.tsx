/** Pieces the collective's pages share: the pôle behind the address, avatars, tags, errors. */
import { type ReactNode, useCallback, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { PoleSummary } from "../../../shared/api/poles";
import { useMe, usePoleSelection } from "../../app/session";
import { DeadEnd, Loading, Notice, TextAreaField, TextField } from "../../app/ui";
import { isApiError } from "../../lib/api";
import { colorFor, initials } from "../../lib/color";
import { errorMessage } from "../../lib/errors";
import { formatDate } from "../../lib/i18n";
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
  refusal,
  children,
}: {
  title: string;
  pole: PoleSummary | undefined;
  ready: boolean;
  allowed?: boolean;
  /** Why the page is not for this member, when `allowed` is false. */
  refusal?: string;
  children: (pole: PoleSummary) => ReactNode;
}) {
  const { t } = useTranslation("collective");
  const { t: tc } = useTranslation();
  if (!ready) return <Loading />;
  if (!pole || !allowed) {
    return (
      <DeadEnd title={title}>
        <Notice tone="error">
          {pole ? (refusal ?? t("errors.forbidden")) : tc("home.unknownPole")}
        </Notice>
      </DeadEnd>
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

/**
 * A page about one thing of the pôle (a circle, a person): crumbs back to the list it
 * belongs to, then the thing itself, or why it cannot be shown.
 */
export function RecordPage<T extends { name: string }>({
  pole,
  ready,
  listTitle,
  listPath,
  record,
  unknown,
  children,
}: {
  pole: PoleSummary | undefined;
  ready: boolean;
  listTitle: string;
  /** The list's address below the pôle's, e.g. "cercles". */
  listPath: string;
  record: { data: T | undefined; isPending: boolean; isError: boolean; error: unknown };
  /** What to say when the address names nothing this person may see. */
  unknown: string;
  children: (record: T, pole: PoleSummary) => ReactNode;
}) {
  const problem = useProblem();
  return (
    <PoleGate title={listTitle} pole={pole} ready={ready}>
      {(pole) => (
        <div className="page">
          <Crumbs
            pole={pole}
            trail={[
              { label: listTitle, to: `/p/${pole.id}/${listPath}` },
              { label: record.data?.name ?? "…" },
            ]}
          />
          {record.isPending ? <Loading /> : null}
          {record.isError ? (
            <>
              <h1>{listTitle}</h1>
              <Notice tone="error">
                {isApiError(record.error, 404) ? unknown : problem(record.error)}
              </Notice>
            </>
          ) : null}
          {record.data ? children(record.data, pole) : null}
        </div>
      )}
    </PoleGate>
  );
}

/** A view its keepers switch to a form; "saved" is said once, after a save went through. */
export function useEditing() {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  return {
    editing,
    saved,
    start() {
      setSaved(false);
      setEditing(true);
    },
    done(didSave: boolean) {
      setEditing(false);
      setSaved(didSave);
    },
  };
}

export function EditButton({ onClick }: { onClick(): void }) {
  const { t } = useTranslation("collective");
  return (
    <button type="button" className="button button--primary" onClick={onClick}>
      {t("common.edit")}
    </button>
  );
}

export interface TimelineEvent {
  key: string;
  at: string;
  /** Leaving a circle, drawn apart from joining one. */
  left: boolean;
  what: string;
  /** Who made the change, when it was not the person themself. */
  by?: string | null;
}

/** Dated comings and goings in circles. */
export function Timeline({
  events,
  compact = false,
}: {
  events: TimelineEvent[];
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation("collective");
  return (
    <ol className={compact ? "timeline timeline--compact" : "timeline"}>
      {events.map((event) => (
        <li
          key={event.key}
          className={`timeline__item${event.left ? " timeline__item--left" : ""}`}
        >
          <time dateTime={event.at} className="timeline__date">
            {formatDate(event.at, i18n.language)}
          </time>
          <span className="timeline__what">{event.what}</span>
          {event.by ? (
            <span className="timeline__who muted small">{t("common.by", { name: event.by })}</span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** What a person can do and looks for: asked at onboarding, kept on their profile. */
export interface Contribution {
  /** Comma-separated, as typed; `splitTags` makes the list. */
  competencies: string;
  brings: string;
  seeks: string;
}

export function ContributionFields({
  value,
  onChange,
}: {
  value: Contribution;
  onChange(value: Contribution): void;
}) {
  const { t } = useTranslation("collective");
  const set = (field: keyof Contribution) => (text: string) =>
    onChange({ ...value, [field]: text });
  return (
    <>
      <TextField
        label={t("person.competencies")}
        hint={t("person.competenciesHint")}
        value={value.competencies}
        onChange={(event) => set("competencies")(event.target.value)}
      />
      <TextAreaField label={t("person.brings")} value={value.brings} onChange={set("brings")} />
      <TextAreaField label={t("person.seeks")} value={value.seeks} onChange={set("seeks")} />
    </>
  );
}
