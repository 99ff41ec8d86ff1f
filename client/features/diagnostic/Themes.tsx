/**
 * Thématiques retenues: each theme with its needs, the findings resting on them and the
 * actors who raised them; a coordinator turns a theme into a thematic group in one step,
 * linked both ways (the circle's id on the theme, the theme on the circle's side).
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { CreatedCircle } from "../../../shared/api/circles";
import { fieldsOf, type Theme } from "../../../shared/diagnostic/fields";
import type { DiagnosticContent } from "../../../shared/diagnostic/reading";
import { findingState, tally } from "../../../shared/diagnostic/votes";
import { addRow, deleteRow, writeField } from "../../../shared/diagnostic/writing";
import { circlesKey, documentsKey, useCircles, usePoleDocuments } from "../../app/poleQueries";
import { api, isApiError } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { Notice, PlusIcon, TextField } from "../../ui/kit";
import { type RowContext, TextCell } from "./cells";
import { DeleteButton } from "./RegistryTable";
import "./strings";

const specs = Object.fromEntries(fieldsOf("themes").map((field) => [field.key, field]));

interface ThemesProps {
  content: DiagnosticContent;
  doc: Y.Doc;
  provider: WebsocketProvider;
  editable: boolean;
  poleId: string;
  documentId: string;
  isCoordinator: boolean;
}

export function Themes(props: ThemesProps) {
  const { t } = useTranslation("diagnostic");
  const { content, doc, editable } = props;
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);
  const unthemed = content.needs.rows.filter(
    (need) => !need.themeId || !content.themes.rows.some((theme) => theme.id === need.themeId),
  ).length;

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === "") {
      setError(t("themes.titleRequired"));
      return;
    }
    addRow(doc, "themes", { title });
    setTitle("");
    setError(null);
  };

  return (
    <div className="themes">
      <p className="muted">{t("themes.intro")}</p>
      {unthemed > 0 ? <p className="small">{t("themes.unthemed", { count: unthemed })}</p> : null}
      {editable ? (
        <form className="themes__add" onSubmit={add} noValidate>
          <TextField
            label={t("themes.newTheme")}
            value={title}
            maxLength={500}
            error={error ?? undefined}
            onChange={(event) => setTitle(event.target.value)}
          />
          <button type="submit" className="button button--secondary">
            <PlusIcon />
            {t("themes.add")}
          </button>
        </form>
      ) : null}
      {content.themes.rows.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <ul className="themes__list">
          {content.themes.rows.map((theme, index) => (
            <ThemeCard key={theme.id} theme={theme} index={index} props={props} />
          ))}
        </ul>
      )}
      {content.themes.malformed.length > 0 ? (
        <p className="small muted">
          ⚠ {t("malformed")} : {content.themes.malformed.length}
        </p>
      ) : null}
    </div>
  );
}

function ThemeCard({ theme, index, props }: { theme: Theme; index: number; props: ThemesProps }) {
  const { t } = useTranslation("diagnostic");
  const { t: common } = useTranslation();
  const { content, doc, provider, editable, poleId, documentId, isCoordinator } = props;
  const queryClient = useQueryClient();
  const circles = useCircles(poleId);
  const documents = usePoleDocuments(poleId);
  const rowName = theme.title.trim() || t("untitled", { index: index + 1 });
  const [gone, setGone] = useState(false);
  const ctx: RowContext = useMemo(
    () => ({
      doc,
      provider,
      table: "themes",
      rowId: theme.id,
      rowName,
      onGone: () => setGone(true),
    }),
    [doc, provider, theme.id, rowName],
  );

  const needs = content.needs.rows.filter((need) => need.themeId === theme.id);
  const needIds = new Set(needs.map((need) => need.id));
  const findings = content.findings.rows.filter((finding) =>
    finding.needIds.some((id) => needIds.has(id)),
  );
  const actorIds = new Set(needs.flatMap((need) => need.actorIds));
  const actors = content.actors.rows.filter((actor) => actorIds.has(actor.id));
  const circle = theme.circleId
    ? circles.data?.find((item) => item.id === theme.circleId)
    : undefined;
  const board = theme.circleId
    ? documents.data?.find((item) => item.kind === "board" && item.circleId === theme.circleId)
    : undefined;

  const create = useMutation({
    mutationFn: async () => {
      const created = await api.post(
        `/api/poles/${encodeURIComponent(poleId)}/circles`,
        { kind: "thematic", name: theme.title.trim() || rowName },
        CreatedCircle,
      );
      writeField(doc, "themes", theme.id, "circleId", created.id);
      // The theme may have been written a moment ago: its update may still be on its way.
      for (let attempt = 0; ; attempt++) {
        try {
          await api.call(
            "PUT",
            `/api/documents/${encodeURIComponent(documentId)}/themes/${encodeURIComponent(theme.id)}/circle`,
            { circleId: created.id },
          );
          break;
        } catch (error) {
          if (!isApiError(error, 404) || attempt >= 4) throw error;
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
      return created;
    },
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: circlesKey(poleId) }),
        queryClient.invalidateQueries({ queryKey: documentsKey(poleId) }),
      ]);
    },
  });

  return (
    <li className="theme" data-row-id={theme.id}>
      {gone ? (
        <Notice tone="warning">
          <p>{t("rowGone")}</p>
        </Notice>
      ) : null}
      <div className="theme__head">
        <h4 className={editable ? "visually-hidden" : "theme__title"}>{rowName}</h4>
        {editable ? (
          <div className="theme__title">
            <TextCell ctx={ctx} spec={specs.title} fieldKey="title" value={theme.title} editable />
          </div>
        ) : null}
        {editable ? (
          <DeleteButton
            label={t("deleteLabel", { row: rowName })}
            onDelete={() => deleteRow(doc, "themes", theme.id)}
          />
        ) : null}
      </div>
      <div className="theme__description">
        <TextCell
          ctx={ctx}
          spec={specs.description}
          fieldKey="description"
          value={theme.description}
          editable={editable}
        />
      </div>
      <div className="theme__columns">
        <ThemeList title={t("themes.needs")} items={needs.map((need) => need.title || "?")} />
        <ThemeList
          title={t("themes.findings")}
          items={findings.map(
            (finding) =>
              `${finding.title || "?"} (${t(`choices.${findingState(tally(finding.votes))}`)})`,
          )}
        />
        <ThemeList title={t("themes.actors")} items={actors.map((actor) => actor.name || "?")} />
      </div>
      <div className="theme__circle" aria-live="polite">
        {theme.circleId ? (
          <p>
            <span className="badge badge--edit">
              {t("themes.circle", { name: circle?.name ?? create.data?.name ?? "…" })}
            </span>{" "}
            {board ? <Link to={`/d/${board.id}`}>{t("themes.openBoard")}</Link> : null}
          </p>
        ) : editable && isCoordinator ? (
          <button
            type="button"
            className="button button--primary button--small"
            disabled={create.isPending}
            onClick={() => create.mutate()}
          >
            {create.isPending ? t("themes.creating") : t("themes.createCircle")}
          </button>
        ) : editable ? (
          <p className="small muted">{t("themes.coordinatorsOnly")}</p>
        ) : null}
        {create.isError ? (
          <Notice tone="error">
            <p>{t("errors.circleFailed", { message: errorMessage(create.error, common) })}</p>
          </Notice>
        ) : null}
      </div>
    </li>
  );
}

function ThemeList({ title, items }: { title: string; items: string[] }) {
  const { t } = useTranslation("diagnostic");
  return (
    <div className="theme__list">
      <h5>
        {title} ({items.length})
      </h5>
      {items.length === 0 ? (
        <p className="small muted">{t("themes.nothing")}</p>
      ) : (
        <ul>
          {items.slice(0, 12).map((item, index) => (
            // Titles may repeat; their order is stable within a render.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={index}>{item}</li>
          ))}
          {items.length > 12 ? <li className="muted">…</li> : null}
        </ul>
      )}
    </div>
  );
}
