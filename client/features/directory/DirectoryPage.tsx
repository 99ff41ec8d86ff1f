/** `/p/:poleId/annuaire`: *qui fait quoi*, people searchable by words, competency, circle, structure type. */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { Directory, type PersonSummary } from "../../../shared/api/people";
import type { Structure } from "../../../shared/api/structures";
import { legalForms } from "../../../shared/collective";
import { Avatar } from "../../app/Avatar";
import { CircleSelect } from "../../app/CircleFields";
import { useSubmit } from "../../app/form";
import { Crumbs, PoleGate, usePole } from "../../app/pole";
import { sortCircles, useCircles } from "../../app/poleQueries";
import { useMe } from "../../app/session";
import { api, polePath } from "../../lib/api";
import { useProblem } from "../../lib/errors";
import {
  Badge,
  FormActions,
  FormError,
  PlusIcon,
  QueryStatus,
  SelectField,
  TextField,
  useDisclosure,
  useDocumentTitle,
} from "../../ui/kit";
import { Tags } from "../../ui/tags";
import { directoryKey, structuresKey, structuresPath, useStructures } from "./queries";
import {
  checkStructure,
  emptyStructure,
  type StructureErrors,
  StructureFields,
  structureBody,
} from "./StructureFields";
import { StructureRequestsSection } from "./StructureRequests";
import "./strings";

const filterNames = ["q", "competency", "circleId", "legalForm"] as const;

export function DirectoryPage() {
  const { t } = useTranslation("collective");
  const { poleId, pole, ready } = usePole();
  useDocumentTitle(t("directory.title"));
  return (
    <PoleGate title={t("directory.title")} pole={pole} ready={ready}>
      {(pole) => (
        <div className="page">
          <Crumbs pole={pole} trail={[{ label: t("directory.title") }]} />
          <DirectoryContent poleId={poleId} />
        </div>
      )}
    </PoleGate>
  );
}

function DirectoryContent({ poleId }: { poleId: string }) {
  const { t, i18n } = useTranslation("collective");
  const me = useMe();
  const problem = useProblem();
  const [params, setParams] = useSearchParams();
  const query = new URLSearchParams(
    filterNames.flatMap((name) => {
      const value = params.get(name);
      return value ? [[name, value]] : [];
    }),
  ).toString();
  const directory = useQuery({
    queryKey: directoryKey(poleId, query),
    queryFn: () => api.get(`${polePath(poleId)}/directory${query ? `?${query}` : ""}`, Directory),
    placeholderData: (previous) => previous,
  });
  const circles = useCircles(poleId);
  const [text, setText] = useState(params.get("q") ?? "");
  const resultsId = useId();

  const setFilter = (name: (typeof filterNames)[number], value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  function search(event: FormEvent) {
    event.preventDefault();
    setFilter("q", text.trim());
  }

  const sortedCircles = circles.data ? sortCircles(circles.data, i18n.language) : [];
  const count = directory.data?.people.length ?? 0;

  return (
    <>
      <div className="page-head">
        <h1>{t("directory.title")}</h1>
        {me.data ? (
          <Link
            to={`/p/${poleId}/personnes/${me.data.user.id}`}
            className="button button--secondary"
          >
            {t("directory.myProfile")}
          </Link>
        ) : null}
      </div>
      <p className="lead">{t("directory.intro")}</p>

      <form className="card directory-filters" onSubmit={search}>
        <div className="directory-filters__search">
          <TextField
            label={t("directory.search")}
            hint={t("directory.searchHint")}
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit" className="button button--primary">
            {t("directory.search")}
          </button>
        </div>
        <div className="directory-filters__row">
          <SelectField
            label={t("directory.competency")}
            value={params.get("competency") ?? ""}
            onChange={(event) => setFilter("competency", event.target.value)}
          >
            <option value="">{t("directory.any")}</option>
            {(directory.data?.competencies ?? []).map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </SelectField>
          <CircleSelect
            label={t("directory.circle")}
            circles={sortedCircles}
            none={t("directory.any")}
            value={params.get("circleId") ?? ""}
            onChange={(circleId) => setFilter("circleId", circleId)}
          />
          <SelectField
            label={t("directory.legalForm")}
            value={params.get("legalForm") ?? ""}
            onChange={(event) => setFilter("legalForm", event.target.value)}
          >
            <option value="">{t("directory.any")}</option>
            {legalForms.map((form) => (
              <option key={form} value={form}>
                {t(`legalForms.${form}`)}
              </option>
            ))}
          </SelectField>
        </div>
        {query ? (
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => {
              setText("");
              setParams(new URLSearchParams(), { replace: true });
            }}
          >
            {t("directory.reset")}
          </button>
        ) : null}
      </form>

      <section aria-labelledby={resultsId}>
        <h2 id={resultsId}>{t("directory.people")}</h2>
        <p role="status" className="muted small">
          {directory.data ? t("directory.results", { count }) : null}
        </p>
        <QueryStatus query={directory} describe={problem} />
        {directory.data && count === 0 ? <p>{t("directory.noResult")}</p> : null}
        <ul className="people-grid">
          {(directory.data?.people ?? []).map((person) => (
            <PersonCard key={person.userId} poleId={poleId} person={person} />
          ))}
        </ul>
      </section>

      <StructureRequestsSection poleId={poleId} />
      <StructuresSection poleId={poleId} />
    </>
  );
}

function PersonCard({ poleId, person }: { poleId: string; person: PersonSummary }) {
  const { t } = useTranslation("collective");
  const { t: tc } = useTranslation();
  return (
    <li className="person-card">
      <div className="person-card__head">
        <Avatar id={person.userId} name={person.name} />
        <div className="person-card__id">
          <Link to={`/p/${poleId}/personnes/${person.userId}`} className="person-card__name">
            {person.name}
          </Link>
          <span className="person-card__sub">
            {[person.roleInStructure, person.structure?.name].filter(Boolean).join(" · ") ||
              t("person.noStructure")}
          </span>
        </div>
      </div>
      <Tags tags={person.competencies} label={t("person.competencies")} />
      {person.brings ? (
        <p className="person-card__line">
          <strong>{t("person.broughtBy")} : </strong>
          {person.brings}
        </p>
      ) : null}
      {person.seeks ? (
        <p className="person-card__line">
          <strong>{t("person.sought")} : </strong>
          {person.seeks}
        </p>
      ) : null}
      {person.circles.length > 0 ? (
        <ul className="person-card__circles" aria-label={t("person.circles")}>
          {person.circles.map((circle) => (
            <li key={circle.circleId}>
              <Badge tone="neutral">
                {circle.name} · {tc(`circleRoles.${circle.role}`)}
              </Badge>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function StructuresSection({ poleId }: { poleId: string }) {
  const { t } = useTranslation("collective");
  const structures = useStructures(poleId);
  const problem = useProblem();
  const adding = useDisclosure();
  const titleId = useId();
  const sorted = useMemo(() => structures.data ?? [], [structures.data]);
  return (
    <section aria-labelledby={titleId}>
      <div className="section-head">
        <h2 id={titleId}>{t("directory.structures")}</h2>
        <button type="button" className="button button--secondary button--small" {...adding.toggle}>
          <PlusIcon />
          {t("structure.add")}
        </button>
      </div>
      <div {...adding.panel}>
        {adding.open ? (
          <NewStructureForm poleId={poleId} onDone={() => adding.setOpen(false)} />
        ) : null}
      </div>
      <QueryStatus query={structures} describe={problem} />
      {structures.data?.length === 0 ? (
        <p className="muted">{t("directory.noStructures")}</p>
      ) : null}
      <ul className="structure-list">
        {sorted.map((structure) => (
          <StructureItem key={structure.id} structure={structure} />
        ))}
      </ul>
    </section>
  );
}

function StructureItem({ structure }: { structure: Structure }) {
  const { t } = useTranslation("collective");
  return (
    <li className="list-row structure-item">
      <span className="structure-item__name">{structure.name}</span>
      <span className="structure-item__meta">
        {[
          t(`legalForms.${structure.legalForm}`),
          structure.sizeBand ? t(`sizeBands.${structure.sizeBand}`) : null,
          structure.sectors.join(", ") || null,
          t("structure.members", { count: structure.memberCount }),
        ]
          .filter(Boolean)
          .join(" · ")}
      </span>
      {structure.ess ? <Badge tone="edit">{t("structure.essShort")}</Badge> : null}
    </li>
  );
}

function NewStructureForm({ poleId, onDone }: { poleId: string; onDone(): void }) {
  const { t } = useTranslation("collective");
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const { busy, error, submit } = useSubmit(useProblem());
  const [draft, setDraft] = useState(emptyStructure);
  const [errors, setErrors] = useState<StructureErrors>({});
  const prefix = useId();

  function add(event: FormEvent) {
    event.preventDefault();
    const found = checkStructure(draft, tc("validation.required"));
    setErrors(found);
    if (found.name || found.legalForm) return;
    void submit(async () => {
      await api.call("POST", structuresPath(poleId), structureBody(draft));
      await queryClient.invalidateQueries({ queryKey: structuresKey(poleId) });
      onDone();
    });
  }

  return (
    <form className="card form panel" onSubmit={add} noValidate aria-label={t("structure.add")}>
      <FormError error={error} />
      <StructureFields draft={draft} onChange={setDraft} errors={errors} idPrefix={prefix} />
      <FormActions
        busy={busy}
        label={t("structure.add")}
        busyLabel={t("structure.adding")}
        onCancel={onDone}
      />
    </form>
  );
}
