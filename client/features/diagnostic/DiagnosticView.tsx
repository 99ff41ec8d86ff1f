/**
 * The diagnostic's structured side, under its rich text on the document page: the
 * completeness panel, then one tab per registry. Everything binds to the page's own Y.Doc
 * and provider (one provider per document); a read-only person sees it all, edits nothing.
 */
import { useQuery } from "@tanstack/react-query";
import {
  type KeyboardEvent,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { Structures } from "../../../shared/api/structures";
import { completeness } from "../../../shared/diagnostic/completeness";
import { titleField } from "../../../shared/diagnostic/fields";
import type { DiagnosticContent } from "../../../shared/diagnostic/reading";
import {
  type DiagnosticTable,
  diagnosticTables,
  isDiagnosticTable,
} from "../../../shared/diagnostic/vocabularies";
import { addRow } from "../../../shared/diagnostic/writing";
import { useMe } from "../../app/session";
import { api } from "../../lib/api";
import { lazyComponent } from "../../lib/lazy";
import { Loading, PlusIcon } from "../../ui/kit";
import { useStepOnVisit } from "../onboarding/steps";
import { SearchWithin } from "../search/SearchWithin";
import { CompletenessPanel } from "./Completeness";
import type { Option } from "./cells";
import { Findings } from "./Findings";
import { RegistryTable } from "./RegistryTable";
import { Themes } from "./Themes";
import { useDiagnostic, useEditing } from "./useDiagnostic";
import "./diagnostic.css";
import "./strings";

// The charting library comes only with the trends tab, where the charts are.
const TrendCharts = lazyComponent(async () => (await import("./TrendCharts")).TrendCharts);

function optionsOf(content: DiagnosticContent, table: DiagnosticTable): Option[] {
  const key = titleField(table);
  return (content[table].rows as Array<Record<string, unknown>>).map((row) => ({
    id: String(row.id),
    title: typeof row[key] === "string" && row[key] !== "" ? (row[key] as string) : "?",
  }));
}

export function DiagnosticView({
  ydoc,
  provider,
  editable,
  documentId,
  poleId,
}: {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  editable: boolean;
  documentId: string;
  poleId: string;
}) {
  const { t } = useTranslation("diagnostic");
  const me = useMe();
  // However the newcomer came here (home page, link, address): the checklist step is done.
  useStepOnVisit(poleId, "open_diagnostic");
  const content = useDiagnostic(ydoc);
  const editing = useEditing(provider);
  const measure = useMemo(() => completeness(content), [content]);
  const [tab, setTab] = useState<DiagnosticTable>("trends");
  const [focus, setFocus] = useState<{ table: DiagnosticTable; id: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  // A search hit opens the diagnostic at its row: `?registry=actors&row=ID`.
  const [params] = useSearchParams();
  const foundRegistry = params.get("registry");
  const foundRow = params.get("row");
  useEffect(() => {
    if (!foundRow || !foundRegistry || !isDiagnosticTable(foundRegistry)) return;
    setTab(foundRegistry);
    setFocus({ table: foundRegistry, id: foundRow });
  }, [foundRegistry, foundRow]);
  const structures = useQuery({
    queryKey: ["poles", poleId, "structures", "options"],
    queryFn: () => api.get(`/api/poles/${encodeURIComponent(poleId)}/structures`, Structures),
    retry: false,
  });

  const actors = useMemo(() => optionsOf(content, "actors"), [content]);
  const needs = useMemo(() => optionsOf(content, "needs"), [content]);
  const sources = useMemo(() => optionsOf(content, "sources"), [content]);
  const themes = useMemo(() => optionsOf(content, "themes"), [content]);
  const meetings = useMemo(() => optionsOf(content, "meetings"), [content]);
  const meetingTitles = useMemo(
    () => new Map(meetings.map((meeting) => [meeting.id, meeting.title])),
    [meetings],
  );
  const options = useMemo(
    () => ({
      actorIds: actors,
      needIds: needs,
      sourceIds: sources,
      themeId: themes,
      meetingId: meetings,
      ...(structures.data
        ? { structureId: structures.data.map((item) => ({ id: item.id, title: item.name })) }
        : {}),
    }),
    [actors, needs, sources, themes, meetings, structures.data],
  );

  const user = me.data?.user;
  const isCoordinator = me.data?.poles.find((pole) => pole.id === poleId)?.role === "coordinator";

  const add = useCallback(
    (table: DiagnosticTable, values: Record<string, unknown> = {}) => {
      const id = addRow(ydoc, table, values);
      setTab(table);
      setFocus({ table, id });
      return id;
    },
    [ydoc],
  );

  const fromMeeting = useCallback(
    (table: "needs" | "findings", meeting: Record<string, unknown>) => {
      add(table, {
        meetingId: meeting.id,
        ...(table === "needs" ? { actorIds: meeting.actorIds } : {}),
      });
      setNotice(t("meetings.created", { table: t(`tables.${table}`) }));
    },
    [add, t],
  );

  const onTabKey = (event: KeyboardEvent, index: number) => {
    const moves: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      Home: -index,
      End: diagnosticTables.length - 1 - index,
    };
    const move = moves[event.key];
    if (move === undefined) return;
    event.preventDefault();
    const next = (index + move + diagnosticTables.length) % diagnosticTables.length;
    setTab(diagnosticTables[next]);
    tabs.current[next]?.focus();
  };

  const count = (table: DiagnosticTable) =>
    content[table].rows.length + content[table].malformed.length;

  return (
    <section className="diagnostic" aria-labelledby="diagnostic-title">
      <h2 id="diagnostic-title" className="diagnostic__title">
        {t("title")}
      </h2>
      <p className="muted small">{t("intro")}</p>
      <CompletenessPanel measure={measure} />
      <SearchWithin poleId={poleId} documentId={documentId} />

      <div className="diagnostic__tabs" role="tablist" aria-label={t("tabsLabel")}>
        {diagnosticTables.map((table, index) => (
          <button
            key={table}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`diagnostic-tab-${table}`}
            aria-selected={tab === table}
            aria-controls={`diagnostic-panel-${table}`}
            tabIndex={tab === table ? 0 : -1}
            className="diagnostic__tab"
            onClick={() => setTab(table)}
            onKeyDown={(event) => onTabKey(event, index)}
          >
            {t(`tables.${table}`)} <span className="diagnostic__count">{count(table)}</span>
          </button>
        ))}
      </div>

      <div
        className="diagnostic__panel"
        role="tabpanel"
        id={`diagnostic-panel-${tab}`}
        aria-labelledby={`diagnostic-tab-${tab}`}
      >
        <div className="diagnostic__toolbar">
          <h3 className="diagnostic__panel-title">{t(`tables.${tab}`)}</h3>
          <p className="small muted">{t("count", { count: count(tab) })}</p>
          <div className="diagnostic__tools">
            {editable && tab !== "themes" ? (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => add(tab)}
              >
                <PlusIcon />
                {t(`addRow.${tab}`)}
              </button>
            ) : null}
            <a
              className="button button--ghost button--small"
              href={`/api/documents/${encodeURIComponent(documentId)}/export/csv?registry=${tab}`}
              download
              title={t("csvTitle", { table: t(`tables.${tab}`) })}
            >
              {t("csv")}
            </a>
          </div>
        </div>
        {notice && (tab === "needs" || tab === "findings") ? (
          <p className="small diagnostic__notice" role="status">
            {notice}
          </p>
        ) : null}

        {tab === "trends" ? (
          <Suspense fallback={<Loading />}>
            <TrendCharts trends={content.trends.rows} />
          </Suspense>
        ) : null}
        {tab === "findings" ? (
          user ? (
            <Findings
              content={content.findings}
              doc={ydoc}
              provider={provider}
              editable={editable}
              voter={{ id: user.id, name: user.name }}
              needs={needs}
              sources={sources}
              meetings={meetingTitles}
              editing={editing}
              focusRowId={focus?.table === "findings" ? focus.id : null}
            />
          ) : null
        ) : tab === "themes" ? (
          <Themes
            content={content}
            doc={ydoc}
            provider={provider}
            editable={editable}
            poleId={poleId}
            documentId={documentId}
            isCoordinator={isCoordinator}
          />
        ) : (
          <RegistryTable
            key={tab}
            table={tab}
            content={content[tab]}
            doc={ydoc}
            provider={provider}
            editable={editable}
            options={options}
            editing={editing}
            focusRowId={focus?.table === tab ? focus.id : null}
            rowActions={
              tab === "meetings" && editable
                ? (row) => (
                    <span className="reg__row-actions">
                      <button
                        type="button"
                        className="button button--ghost button--small"
                        aria-label={t("meetings.toNeedLabel", { title: row.title || "?" })}
                        onClick={() => fromMeeting("needs", row)}
                      >
                        {t("meetings.toNeed")}
                      </button>
                      <button
                        type="button"
                        className="button button--ghost button--small"
                        aria-label={t("meetings.toFindingLabel", { title: row.title || "?" })}
                        onClick={() => fromMeeting("findings", row)}
                      >
                        {t("meetings.toFinding")}
                      </button>
                    </span>
                  )
                : undefined
            }
          />
        )}
      </div>
    </section>
  );
}
