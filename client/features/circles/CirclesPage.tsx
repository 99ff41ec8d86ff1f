/** `/p/:poleId/cercles`: the circles map, every circle listed, and new groups for coordinators. */
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { canCreateCircle } from "../../../shared/permissions";
import { Loading, Notice, PlusIcon, SelectField, TextField, useDocumentTitle } from "../../app/ui";
import { api } from "../../lib/api";
import type { Circle } from "../../lib/schemas";
import { Crumbs, PoleGate, TextArea, usePole, useProblem } from "../collective/ui";
import { circlesKey, sortCircles, useCircles } from "../poles/queries";
import { CirclesMap } from "./CirclesMap";

export function CirclesPage() {
  const { t, i18n } = useTranslation("collective");
  const { poleId, pole, ready } = usePole();
  const circles = useCircles(pole ? poleId : undefined);
  const problem = useProblem();
  const [creating, setCreating] = useState(false);
  const formId = useId();
  useDocumentTitle(t("circles.title"));

  return (
    <PoleGate title={t("circles.title")} pole={pole} ready={ready}>
      {(pole) => {
        const sorted = circles.data ? sortCircles(circles.data, i18n.language) : [];
        return (
          <div className="page">
            <Crumbs pole={pole} trail={[{ label: t("circles.title") }]} />
            <div className="page-head">
              <h1>{t("circles.title")}</h1>
              {canCreateCircle({ poleRole: pole.role, circles: [] }) ? (
                <button
                  type="button"
                  className="button button--primary"
                  aria-expanded={creating}
                  aria-controls={formId}
                  onClick={() => setCreating((value) => !value)}
                >
                  <PlusIcon />
                  {t("circles.create")}
                </button>
              ) : null}
            </div>
            <p className="lead">{t("circles.intro")}</p>
            <div id={formId} hidden={!creating}>
              {creating ? (
                <NewCircleForm poleId={poleId} circles={sorted} onDone={() => setCreating(false)} />
              ) : null}
            </div>
            {circles.isPending ? <Loading /> : null}
            {circles.isError ? <Notice tone="error">{problem(circles.error)}</Notice> : null}
            {circles.data ? (
              <div className="circles-layout">
                <section aria-labelledby="map-title" className="card circles-layout__map">
                  <h2 id="map-title">{t("circles.map")}</h2>
                  <CirclesMap poleId={poleId} poleName={pole.name} circles={circles.data} />
                </section>
                <section aria-labelledby="list-title" className="circles-layout__list">
                  <h2 id="list-title">{t("circles.list")}</h2>
                  <CircleTree poleId={poleId} circles={sorted} />
                </section>
              </div>
            ) : null}
          </div>
        );
      }}
    </PoleGate>
  );
}

function CircleTree({ poleId, circles }: { poleId: string; circles: Circle[] }) {
  const { t } = useTranslation("collective");
  const { t: tc } = useTranslation();
  const item = (circle: Circle, children?: Circle[]) => (
    <li key={circle.id} className="circle-tree__item">
      <Link to={`/p/${poleId}/cercles/${circle.id}`} className="circle-tree__link">
        {circle.name}
      </Link>
      <span className="muted small">
        {" "}
        · {tc(`circleKinds.${circle.kind}`)} ·{" "}
        {t("circles.memberCount", { count: circle.members.length })}
      </span>
      {children && children.length > 0 ? (
        <ul className="circle-tree circle-tree--nested">{children.map((child) => item(child))}</ul>
      ) : null}
    </li>
  );
  const thematicIds = new Set(circles.filter((c) => c.kind === "thematic").map((c) => c.id));
  return (
    <ul className="circle-tree">
      {circles
        .filter((c) => c.kind !== "project" || !c.parentId || !thematicIds.has(c.parentId))
        .map((circle) =>
          item(
            circle,
            circle.kind === "thematic"
              ? circles.filter((c) => c.kind === "project" && c.parentId === circle.id)
              : undefined,
          ),
        )}
    </ul>
  );
}

function NewCircleForm({
  poleId,
  circles,
  onDone,
}: {
  poleId: string;
  circles: Circle[];
  onDone(): void;
}) {
  const { t } = useTranslation("collective");
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const problem = useProblem();
  const thematic = circles.filter((c) => c.kind === "thematic");
  const [kind, setKind] = useState<"thematic" | "project">("thematic");
  const [name, setName] = useState("");
  const [theme, setTheme] = useState("");
  const [description, setDescription] = useState("");
  const [parentId, setParentId] = useState(thematic[0]?.id ?? "");
  const [nameError, setNameError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === "") {
      setNameError(tc("validation.required"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.call("POST", `/api/poles/${encodeURIComponent(poleId)}/circles`, {
        kind,
        name: name.trim(),
        theme,
        description,
        ...(kind === "project" ? { parentId } : {}),
      });
      await queryClient.invalidateQueries({ queryKey: circlesKey(poleId) });
      onDone();
    } catch (caught) {
      setError(problem(caught));
      setBusy(false);
    }
  }

  return (
    <form
      className="card form panel"
      onSubmit={submit}
      noValidate
      aria-label={t("circles.createTitle")}
    >
      {error ? (
        <Notice tone="error" focus>
          {error}
        </Notice>
      ) : null}
      <SelectField
        label={t("circles.kind")}
        value={kind}
        onChange={(event) => setKind(event.target.value === "project" ? "project" : "thematic")}
      >
        <option value="thematic">{tc("circleKinds.thematic")}</option>
        <option value="project">{tc("circleKinds.project")}</option>
      </SelectField>
      {kind === "project" && thematic.length === 0 ? (
        <Notice tone="warning">{t("circles.needThematic")}</Notice>
      ) : null}
      {kind === "project" && thematic.length > 0 ? (
        <SelectField
          label={t("circles.parent")}
          value={parentId}
          onChange={(event) => setParentId(event.target.value)}
        >
          {thematic.map((circle) => (
            <option key={circle.id} value={circle.id}>
              {circle.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <TextField
        label={t("circles.name")}
        required
        value={name}
        error={nameError}
        onChange={(event) => {
          setName(event.target.value);
          setNameError(undefined);
        }}
      />
      <TextField
        label={t("circles.theme")}
        hint={t("circles.themeHint")}
        value={theme}
        onChange={(event) => setTheme(event.target.value)}
      />
      <TextArea label={t("circles.description")} value={description} onChange={setDescription} />
      <div className="form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || (kind === "project" && thematic.length === 0)}
        >
          {busy ? t("circles.creating") : t("circles.create")}
        </button>
        <button type="button" className="button button--ghost" onClick={onDone}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
