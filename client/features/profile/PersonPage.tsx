/** `/p/:poleId/personnes/:userId`: a person, their structure, circles and dated involvement. */
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { canChangePoleRole, poleRoles } from "../../../shared/permissions";
import { meKey } from "../../app/session";
import { Badge, Loading, Notice, SelectField, TextField, useDocumentTitle } from "../../app/ui";
import { api, isApiError } from "../../lib/api";
import { formatDate } from "../../lib/i18n";
import { keys, type PersonDetail, paths, usePerson, useStructures } from "../collective/api";
import {
  Avatar,
  Crumbs,
  joinTags,
  PoleGate,
  splitTags,
  Tags,
  TextArea,
  usePole,
  useProblem,
} from "../collective/ui";

export function PersonPage() {
  const { t } = useTranslation("collective");
  const { userId = "" } = useParams();
  const { poleId, pole, ready } = usePole();
  const person = usePerson(poleId, userId);
  const problem = useProblem();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  useDocumentTitle(person.data ? t("person.title", { name: person.data.name }) : undefined);

  return (
    <PoleGate title={t("directory.title")} pole={pole} ready={ready}>
      {(pole) => (
        <div className="page">
          <Crumbs
            pole={pole}
            trail={[
              { label: t("directory.title"), to: `/p/${pole.id}/annuaire` },
              { label: person.data?.name ?? "…" },
            ]}
          />
          {person.isPending ? <Loading /> : null}
          {person.isError ? (
            <>
              <h1>{t("directory.title")}</h1>
              <Notice tone="error">
                {isApiError(person.error, 404) ? t("person.unknown") : problem(person.error)}
              </Notice>
            </>
          ) : null}
          {person.data ? (
            <>
              <div className="page-head">
                <div className="person-head">
                  <Avatar id={person.data.userId} name={person.data.name} size="large" />
                  <div>
                    <h1>{person.data.name}</h1>
                    <p className="muted person-head__sub">
                      {[person.data.roleInStructure, person.data.structure?.name]
                        .filter(Boolean)
                        .join(" · ") || t("person.noStructure")}
                    </p>
                  </div>
                </div>
                {person.data.canEdit && !editing ? (
                  <button
                    type="button"
                    className="button button--primary"
                    onClick={() => {
                      setSaved(false);
                      setEditing(true);
                    }}
                  >
                    {t("common.edit")}
                  </button>
                ) : null}
              </div>
              {saved ? <Notice tone="success">{t("common.saved")}</Notice> : null}
              {editing ? (
                <PersonForm
                  poleId={poleId}
                  person={person.data}
                  onDone={(didSave) => {
                    setEditing(false);
                    setSaved(didSave);
                  }}
                />
              ) : (
                <PersonView
                  poleId={pole.id}
                  person={person.data}
                  coordinator={canChangePoleRole({ poleRole: pole.role, circles: [] })}
                />
              )}
            </>
          ) : null}
        </div>
      )}
    </PoleGate>
  );
}

function PersonView({
  poleId,
  person,
  coordinator,
}: {
  poleId: string;
  person: PersonDetail;
  coordinator: boolean;
}) {
  const { t, i18n } = useTranslation("collective");
  const { t: tc } = useTranslation();
  return (
    <div className="columns">
      <div className="columns__main">
        <dl className="facts card">
          {person.email ? (
            <div>
              <dt>{t("person.email")}</dt>
              <dd>{person.email}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t("person.structure")}</dt>
            <dd>
              {person.structure
                ? `${person.structure.name} (${t(`legalForms.${person.structure.legalForm}`)})`
                : t("person.noStructure")}
            </dd>
          </div>
          <div>
            <dt>{t("person.competencies")}</dt>
            <dd>
              {person.competencies.length > 0 ? (
                <Tags tags={person.competencies} label={t("person.competencies")} />
              ) : (
                <span className="muted">{t("common.none")}</span>
              )}
            </dd>
          </div>
          <div>
            <dt>{t("person.brings")}</dt>
            <dd>{person.brings || <span className="muted">{t("common.none")}</span>}</dd>
          </div>
          <div>
            <dt>{t("person.seeks")}</dt>
            <dd>{person.seeks || <span className="muted">{t("common.none")}</span>}</dd>
          </div>
          {person.interest ? (
            <div>
              <dt>{t("person.interest")}</dt>
              <dd>{t(`interest.${person.interest}`)}</dd>
            </div>
          ) : null}
        </dl>

        <section aria-labelledby="history-title">
          <h2 id="history-title">{t("person.history")}</h2>
          <p className="muted small">{t("person.historyIntro")}</p>
          {person.history.length === 0 ? <p className="muted">{t("person.noHistory")}</p> : null}
          <ol className="timeline">
            {person.history.map((event) => (
              <li
                key={`${event.at}:${event.circleId}:${event.role}`}
                className={`timeline__item${event.role === null ? " timeline__item--left" : ""}`}
              >
                <time dateTime={event.at} className="timeline__date">
                  {formatDate(event.at, i18n.language)}
                </time>
                <span className="timeline__what">
                  {event.role === null
                    ? t("person.left", { circle: event.circleName })
                    : t("person.joined", {
                        role: tc(`circleRoles.${event.role}`),
                        circle: event.circleName,
                      })}
                </span>
                {event.actorName ? (
                  <span className="timeline__who muted small">
                    {t("common.by", { name: event.actorName })}
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      </div>
      <aside className="columns__side card" aria-labelledby="circles-title">
        {coordinator ? <PoleRoleControl poleId={poleId} person={person} /> : null}
        <h2 id="circles-title">{t("person.circles")}</h2>
        {person.circles.length === 0 ? <p className="muted">{t("person.noCircles")}</p> : null}
        <ul className="plain-list">
          {person.circles.map((circle) => (
            <li key={circle.circleId}>
              <Link to={`/p/${poleId}/cercles/${circle.circleId}`}>{circle.name}</Link>{" "}
              <Badge tone="neutral">{tc(`circleRoles.${circle.role}`)}</Badge>
            </li>
          ))}
        </ul>
      </aside>
    </div>
  );
}

function PersonForm({
  poleId,
  person,
  onDone,
}: {
  poleId: string;
  person: PersonDetail;
  onDone(saved: boolean): void;
}) {
  const { t } = useTranslation("collective");
  const queryClient = useQueryClient();
  const problem = useProblem();
  const structures = useStructures(poleId);
  const titleId = useId();
  const [structureId, setStructureId] = useState(person.structure?.id ?? "");
  const [role, setRole] = useState(person.roleInStructure);
  const [competencies, setCompetencies] = useState(joinTags(person.competencies));
  const [brings, setBrings] = useState(person.brings);
  const [seeks, setSeeks] = useState(person.seeks);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.call("PUT", paths.person(poleId, person.userId), {
        structureId: structureId || null,
        roleInStructure: role,
        competencies: splitTags(competencies),
        brings,
        seeks,
      });
      await queryClient.invalidateQueries({ queryKey: keys.person(poleId, person.userId) });
      await queryClient.invalidateQueries({ queryKey: ["poles", poleId, "directory"] });
      onDone(true);
    } catch (caught) {
      setError(problem(caught));
      setBusy(false);
    }
  }

  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId}>{t("person.editTitle")}</h2>
      {error ? (
        <Notice tone="error" focus>
          {error}
        </Notice>
      ) : null}
      <SelectField
        label={t("person.structure")}
        value={structureId}
        onChange={(event) => setStructureId(event.target.value)}
      >
        <option value="">{t("person.noStructure")}</option>
        {(structures.data ?? []).map((structure) => (
          <option key={structure.id} value={structure.id}>
            {structure.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("person.roleInStructure")}
        value={role}
        onChange={(event) => setRole(event.target.value)}
      />
      <TextField
        label={t("person.competencies")}
        hint={t("person.competenciesHint")}
        value={competencies}
        onChange={(event) => setCompetencies(event.target.value)}
      />
      <TextArea label={t("person.brings")} value={brings} onChange={setBrings} />
      <TextArea label={t("person.seeks")} value={seeks} onChange={setSeeks} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t("common.saving") : t("common.save")}
        </button>
        <button type="button" className="button button--ghost" onClick={() => onDone(false)}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}

/** Coordinators set a person's pôle-wide role (the pôle always keeps a coordinator). */
function PoleRoleControl({ poleId, person }: { poleId: string; person: PersonDetail }) {
  const { t } = useTranslation("collective");
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const problem = useProblem();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  return (
    <div className="pole-role">
      <SelectField
        label={t("person.poleRole")}
        value={person.poleRole}
        onChange={async (event) => {
          const role = poleRoles.find((r) => r === event.target.value);
          if (!role) return;
          setMessage(null);
          try {
            await api.call("PUT", `${paths.person(poleId, person.userId)}/role`, { role });
            await queryClient.invalidateQueries({ queryKey: keys.person(poleId, person.userId) });
            await queryClient.invalidateQueries({ queryKey: meKey });
            setMessage({ tone: "success", text: t("common.saved") });
          } catch (caught) {
            setMessage({ tone: "error", text: problem(caught) });
          }
        }}
      >
        {poleRoles.map((role) => (
          <option key={role} value={role}>
            {tc(`poleRoles.${role}`)}
          </option>
        ))}
      </SelectField>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
    </div>
  );
}
