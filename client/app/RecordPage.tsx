/** A page about one record of the pôle, and the switch between reading it and editing it. */
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PoleSummary } from "../../shared/api/poles";
import { isApiError } from "../lib/api";
import { useProblem } from "../lib/errors";
import { Loading, Notice } from "../ui/kit";
import { Crumbs, PoleGate } from "./pole";

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
