/** `/p/:poleId/cercles`: the circles map, every circle listed, and new groups for coordinators. */
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Circle } from "../../../shared/api/circles";
import { canCreateCircle } from "../../../shared/permissions";
import { CircleSelect } from "../../app/CircleFields";
import { useSubmit } from "../../app/form";
import { Crumbs, PoleGate, usePole } from "../../app/pole";
import { circlesKey, sortCircles, useCircles } from "../../app/poleQueries";
import { api } from "../../lib/api";
import { useProblem } from "../../lib/errors";
import {
  FormActions,
  FormError,
  Notice,
  PlusIcon,
  QueryStatus,
  SelectField,
  TextAreaField,
  TextField,
  useDisclosure,
  useDocumentTitle,
} from "../../ui/kit";
import { CirclesMap } from "./CirclesMap";
import "./strings";

export function CirclesPage() {
  const { t, i18n } = useTranslation("collective");
  const { poleId, pole, ready } = usePole();
  const circles = useCircles(pole ? poleId : undefined);
  const problem = useProblem();
  const creating = useDisclosure();
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
              <Link to={`/p/${pole.id}/archives`} className="button button--ghost">
                {t("archives.link")}
              </Link>
              {canCreateCircle({ poleRole: pole.role, circles: [] }) ? (
                <button type="button" className="button button--primary" {...creating.toggle}>
                  <PlusIcon />
                  {t("circles.create")}
                </button>
              ) : null}
            </div>
            <p className="lead">{t("circles.intro")}</p>
            <div {...creating.panel}>
              {creating.open ? (
                <NewCircleForm
                  poleId={poleId}
                  circles={sorted}
                  onDone={() => creating.setOpen(false)}
                />
              ) : null}
            </div>
            <QueryStatus query={circles} describe={problem} />
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
  const { busy, error, submit } = useSubmit(useProblem());
  const thematic = circles.filter((c) => c.kind === "thematic");
  const [kind, setKind] = useState<"thematic" | "project">("thematic");
  const [name, setName] = useState("");
  const [theme, setTheme] = useState("");
  const [description, setDescription] = useState("");
  const [parentId, setParentId] = useState(thematic[0]?.id ?? "");
  const [nameError, setNameError] = useState<string | undefined>();

  function create(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === "") {
      setNameError(tc("validation.required"));
      return;
    }
    void submit(async () => {
      await api.call("POST", `/api/poles/${encodeURIComponent(poleId)}/circles`, {
        kind,
        name: name.trim(),
        theme,
        description,
        ...(kind === "project" ? { parentId } : {}),
      });
      await queryClient.invalidateQueries({ queryKey: circlesKey(poleId) });
      onDone();
    });
  }

  return (
    <form
      className="card form panel"
      onSubmit={create}
      noValidate
      aria-label={t("circles.createTitle")}
    >
      <FormError error={error} />
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
        <CircleSelect
          label={t("circles.parent")}
          circles={thematic}
          value={parentId}
          onChange={setParentId}
        />
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
      <TextAreaField
        label={t("circles.description")}
        value={description}
        onChange={setDescription}
      />
      <FormActions
        busy={busy}
        disabled={kind === "project" && thematic.length === 0}
        label={t("circles.create")}
        busyLabel={t("circles.creating")}
        onCancel={onDone}
      />
    </form>
  );
}
