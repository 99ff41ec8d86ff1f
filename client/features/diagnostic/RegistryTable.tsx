/**
 * One registry as a table edited in place: virtualised (hundreds of actors stay fast),
 * with the people editing each row shown on it, malformed rows shown as such, and the
 * rows of a read-only person rendered as plain text.
 */

import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { fieldsOf, titleField } from "../../../shared/diagnostic/fields";
import type { MalformedRow, TableContent } from "../../../shared/diagnostic/reading";
import type { DiagnosticTable } from "../../../shared/diagnostic/vocabularies";
import { deleteMalformed, deleteRow } from "../../../shared/diagnostic/writing";
import { markFound } from "../../ui/found";
import { Notice } from "../../ui/kit";
import { CommentBadge } from "../comments/CommentBadge";
import { ChoiceCell, EditorFaces, type Option, RefsCell, type RowContext, TextCell } from "./cells";
import type { Editing } from "./useDiagnostic";
import "./strings";

type Row = { id: string } & Record<string, unknown>;

export interface RegistryTableProps {
  table: DiagnosticTable;
  content: TableContent<unknown>;
  doc: Y.Doc;
  provider: WebsocketProvider;
  editable: boolean;
  /** Options of ref/refs fields, and of text fields backed by a list (structures). */
  options: Partial<Record<string, Option[]>>;
  editing: Map<string, Editing[]>;
  /** Field keys shown, in order (default: every field). */
  columns?: string[];
  /** Extra actions on a row (meetings: create a need or a finding from it). */
  rowActions?(row: Row): ReactNode;
  /** A row to bring into view and focus (just created). */
  focusRowId?: string | null;
}

const ROW_HEIGHT = 52;

/** How long to wait for a requested row to render after scrolling to it. */
const LOOK_FRAMES = 30;

export function RegistryTable(props: RegistryTableProps) {
  const { table, content, editable, editing, focusRowId } = props;
  const { t } = useTranslation("diagnostic");
  const scroller = useRef<HTMLDivElement>(null);
  const [gone, setGone] = useState(false);
  const active = useRef<string | null>(null);
  const fields = useMemo(() => {
    const all = fieldsOf(table);
    return props.columns ? all.filter((field) => props.columns?.includes(field.key)) : all;
  }, [table, props.columns]);
  const rows = content.rows as Row[];
  const count = rows.length + content.malformed.length;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    getItemKey: (index) =>
      index < rows.length
        ? rows[index].id
        : `malformed:${content.malformed[index - rows.length].index}`,
  });

  // A row deleted by someone else while this person was in it.
  useEffect(() => {
    if (active.current && !rows.some((row) => row.id === active.current)) {
      active.current = null;
      setGone(true);
    }
  }, [rows]);

  // Once per request: later changes of the rows must not pull the focus back. The row
  // renders some frames after the scroll; a change of rows meanwhile starts the look again.
  const focused = useRef<string | null>(null);
  useEffect(() => {
    if (!focusRowId || focused.current === focusRowId) return;
    const index = rows.findIndex((row) => row.id === focusRowId);
    if (index < 0) return;
    virtualizer.scrollToIndex(index, { align: "center" });
    let frames = 0;
    let frame = requestAnimationFrame(function look() {
      const row = scroller.current?.querySelector<HTMLElement>(
        `tr[data-row-id="${CSS.escape(focusRowId)}"]`,
      );
      if (!row && ++frames < LOOK_FRAMES) {
        frame = requestAnimationFrame(look);
        return;
      }
      focused.current = focusRowId;
      if (!row) return;
      markFound(row);
      const field = row.querySelector<HTMLElement>(":is(input, textarea, select, summary)");
      (field ?? row).focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [focusRowId, rows, virtualizer]);

  const onGone = useCallback(() => setGone(true), []);
  const items = virtualizer.getVirtualItems();
  const paddingTop = items.length > 0 ? items[0].start : 0;
  const paddingBottom =
    items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  const columnCount = fields.length + 2;
  const fieldLabels = t(`fields.${table}`, { returnObjects: true }) as Record<string, string>;

  return (
    <div className="reg">
      {gone ? (
        <Notice tone="warning">
          <p>{t("rowGone")}</p>
        </Notice>
      ) : null}
      {count === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <div
          ref={scroller}
          className="reg__scroll"
          // The scrolling region must be reachable by keyboard (axe: scrollable-region-focusable).
          tabIndex={-1}
          onFocusCapture={(event) => {
            const row = (event.target as HTMLElement).closest("tr[data-row-id]");
            active.current = row?.getAttribute("data-row-id") ?? null;
            setGone(false);
          }}
          onBlurCapture={(event) => {
            // A field removed with its row loses the focus to nothing: keep the row in mind.
            const next = event.relatedTarget as HTMLElement | null;
            if (next && !scroller.current?.contains(next)) active.current = null;
          }}
        >
          <table className={`reg__table reg__table--${table}`}>
            <caption className="visually-hidden">{t(`tables.${table}`)}</caption>
            <thead>
              <tr>
                <th scope="col" className="reg__presence-col">
                  <span className="visually-hidden">{t("editing", { names: "", count: 1 })}</span>
                </th>
                {fields.map((field) => (
                  <th key={field.key} scope="col" className={`reg__col reg__col--${field.kind}`}>
                    {fieldLabels[field.key] ?? field.key}
                  </th>
                ))}
                <th scope="col" className="reg__actions-col">
                  {editable || props.rowActions ? (
                    t("actions")
                  ) : (
                    <span className="visually-hidden">{t("actions")}</span>
                  )}
                </th>
              </tr>
            </thead>
            <tbody>
              <SpacerRow height={paddingTop} columns={columnCount} />
              {items.map((item) => {
                if (item.index < rows.length) {
                  const row = rows[item.index];
                  return (
                    <RegistryRow
                      key={item.key}
                      measure={virtualizer.measureElement}
                      index={item.index}
                      row={row}
                      fields={fields}
                      props={props}
                      editors={editing.get(`${table}:${row.id}`)}
                      onGone={onGone}
                    />
                  );
                }
                const malformed = content.malformed[item.index - rows.length];
                return (
                  <MalformedTableRow
                    key={item.key}
                    measure={virtualizer.measureElement}
                    index={item.index}
                    row={malformed}
                    fields={fields}
                    props={props}
                  />
                );
              })}
              <SpacerRow height={paddingBottom} columns={columnCount} />
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

type Fields = ReturnType<typeof fieldsOf>;

const RegistryRow = memo(function RegistryRow({
  measure,
  index,
  row,
  fields,
  props,
  editors,
  onGone,
}: {
  measure(element: Element | null): void;
  index: number;
  row: Row;
  fields: Fields;
  props: RegistryTableProps;
  editors: Editing[] | undefined;
  onGone(): void;
}) {
  const { t } = useTranslation("diagnostic");
  const { table, doc, provider, editable, options } = props;
  const title = row[titleField(table)];
  const rowName =
    typeof title === "string" && title.trim() !== "" ? title : t("untitled", { index: index + 1 });
  const ctx: RowContext = useMemo(
    () => ({ doc, provider, table, rowId: row.id, rowName, onGone }),
    [doc, provider, table, row.id, rowName, onGone],
  );
  const names = editors?.map((person) => person.name).join(", ") ?? "";
  const choiceOptions = useChoiceOptions();
  return (
    <tr
      ref={measure}
      data-index={index}
      data-row-id={row.id}
      data-editing={editors && editors.length > 0 ? names : undefined}
      className={editors && editors.length > 0 ? "reg__row reg__row--busy" : "reg__row"}
      style={editors?.[0] ? { boxShadow: `inset 4px 0 0 ${editors[0].color}` } : undefined}
    >
      <td className="reg__presence">
        {editors && editors.length > 0 ? (
          <span className="reg-presence" title={t("editing", { names, count: editors.length })}>
            <span className="visually-hidden">
              {t("editing", { names, count: editors.length })}
            </span>
            <EditorFaces editors={editors} />
          </span>
        ) : null}
      </td>
      {fields.map((field) => (
        <td key={field.key} className={`reg__cell reg__cell--${field.kind}`}>
          {field.kind === "choice" ? (
            <ChoiceCell
              ctx={ctx}
              fieldKey={field.key}
              value={row[field.key]}
              options={choiceOptions(field.choices ?? [])}
              editable={editable}
            />
          ) : field.kind === "ref" || (field.kind === "text" && options[field.key]) ? (
            <ChoiceCell
              ctx={ctx}
              fieldKey={field.key}
              value={row[field.key]}
              options={options[field.key] ?? []}
              editable={editable}
            />
          ) : field.kind === "refs" ? (
            <RefsCell
              ctx={ctx}
              fieldKey={field.key}
              value={row[field.key]}
              options={options[field.key] ?? []}
              editable={editable}
            />
          ) : (
            <TextCell
              ctx={ctx}
              spec={field}
              fieldKey={field.key}
              value={row[field.key]}
              editable={editable}
            />
          )}
        </td>
      ))}
      <td className="reg__actions">
        {props.rowActions?.(row)}
        <CommentBadge target={{ kind: "row", table, rowId: row.id }} />
        {editable ? (
          <DeleteButton
            label={t("deleteLabel", { row: rowName })}
            onDelete={() => deleteRow(doc, table, row.id)}
          />
        ) : null}
      </td>
    </tr>
  );
});

function MalformedTableRow({
  measure,
  index,
  row,
  fields,
  props,
}: {
  measure(element: Element | null): void;
  index: number;
  row: MalformedRow;
  fields: Fields;
  props: RegistryTableProps;
}) {
  const { t } = useTranslation("diagnostic");
  const raw = (value: unknown) =>
    value === null || value === undefined
      ? ""
      : typeof value === "object"
        ? JSON.stringify(value)
        : String(value);
  return (
    <tr
      ref={measure}
      data-index={index}
      data-malformed="true"
      className="reg__row reg__row--malformed"
    >
      <td className="reg__presence">
        <span className="badge badge--muted" title={t("malformedHint")}>
          ⚠<span className="visually-hidden">{t("malformed")}</span>
        </span>
      </td>
      <td colSpan={fields.length} className="reg__cell">
        <span className="reg-malformed">
          <strong>{t("malformed")}</strong>
          {fields
            .map((field) => raw(row.raw[field.key]))
            .filter((value) => value !== "")
            .map((value) => ` — ${value}`)
            .join("")}
          <span className="small muted reg-malformed__issues">
            {t("malformedIssues", { issues: row.issues.join(" ; ") })}
          </span>
        </span>
      </td>
      <td className="reg__actions">
        {props.editable ? (
          <DeleteButton
            label={t("deleteLabel", { row: t("malformed") })}
            onDelete={() => deleteMalformed(props.doc, props.table, row)}
          />
        ) : null}
      </td>
    </tr>
  );
}

/** Two steps, so that a slip of the finger deletes nothing. */
export function DeleteButton({ label, onDelete }: { label: string; onDelete(): void }) {
  const { t } = useTranslation("diagnostic");
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    if (!armed) return;
    const timer = setTimeout(() => setArmed(false), 4000);
    return () => clearTimeout(timer);
  }, [armed]);
  return (
    <button
      type="button"
      className={
        armed ? "button button--danger button--small" : "button button--ghost button--small"
      }
      aria-label={armed ? `${t("confirmDelete")} : ${label}` : label}
      onClick={() => (armed ? onDelete() : setArmed(true))}
    >
      {armed ? t("confirmDelete") : t("delete")}
    </button>
  );
}

/** The translated options of a fixed list of choices. */
export function useChoiceOptions() {
  const { t } = useTranslation("diagnostic");
  const choices = t("choices", { returnObjects: true }) as Record<string, string>;
  return useCallback(
    (values: readonly string[]): Option[] =>
      values.map((value) => ({ id: value, title: choices[value] ?? value })),
    [choices],
  );
}

/** Stands for the rows the virtual list does not draw, above or below the drawn ones. */
function SpacerRow({ height, columns }: { height: number; columns: number }) {
  return height > 0 ? (
    <tr className="reg__spacer">
      <td colSpan={columns} style={{ height }} />
    </tr>
  ) : null;
}
