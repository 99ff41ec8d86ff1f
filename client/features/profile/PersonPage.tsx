/** `/p/:poleId/personnes/:userId`: a person, their structure, circles and dated involvement. */
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { PersonDetail } from "../../../shared/api/people";
import { canChangePoleRole } from "../../../shared/permissions";
import { Avatar } from "../../app/Avatar";
import { PoleRoleSelect } from "../../app/CircleFields";
import { useSubmit } from "../../app/form";
import { usePole } from "../../app/pole";
import { EditButton, RecordPage, useEditing } from "../../app/RecordPage";
import { meKey } from "../../app/session";
import { Timeline } from "../../app/Timeline";
import { api } from "../../lib/api";
import { useProblem } from "../../lib/errors";
import {
  Badge,
  FormActions,
  Notice,
  OutcomeNotice,
  SelectField,
  TextField,
  TitledForm,
  useDocumentTitle,
} from "../../ui/kit";
import { joinTags, splitTags, Tags } from "../../ui/tags";
import { useStructures } from "../directory/queries";
import { PendingStructureNotice } from "../directory/StructureRequests";
import { ContributionFields } from "./ContributionFields";
import { PersonActions } from "./PersonActions";
import { personKey, personPath, usePerson } from "./queries";
import "../directory/strings";

export function PersonPage() {
  const { t } = useTranslation("collective");
  const { userId = "" } = useParams();
  const { poleId, pole, ready } = usePole();
  const person = usePerson(poleId, userId);
  const { editing, saved, start, done } = useEditing();
  useDocumentTitle(person.data ? t("person.title", { name: person.data.name }) : undefined);

  return (
    <RecordPage
      pole={pole}
      ready={ready}
      listTitle={t("directory.title")}
      listPath="annuaire"
      record={person}
      unknown={t("person.unknown")}
    >
      {(person, pole) => (
        <>
          <div className="page-head">
            <div className="person-head">
              <Avatar id={person.userId} name={person.name} size="large" />
              <div>
                <h1>{person.name}</h1>
                <p className="muted person-head__sub">
                  {[person.roleInStructure, person.structure?.name].filter(Boolean).join(" · ") ||
                    t("person.noStructure")}
                </p>
              </div>
            </div>
            {person.canEdit && !editing ? <EditButton onClick={start} /> : null}
          </div>
          {saved ? <Notice tone="success">{t("common.saved")}</Notice> : null}
          {person.pendingStructure ? (
            <PendingStructureNotice
              poleId={pole.id}
              userId={person.userId}
              structure={person.pendingStructure}
            />
          ) : null}
          {editing ? (
            <PersonForm poleId={poleId} person={person} onDone={done} />
          ) : (
            <PersonView
              poleId={pole.id}
              person={person}
              coordinator={canChangePoleRole({ poleRole: pole.role, circles: [] })}
            />
          )}
        </>
      )}
    </RecordPage>
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
  const { t } = useTranslation("collective");
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
          <Timeline
            events={person.history.map((event) => ({
              key: `${event.at}:${event.circleId}:${event.role}`,
              at: event.at,
              left: event.role === null,
              what:
                event.role === null
                  ? t("person.left", { circle: event.circleName })
                  : t("person.joined", {
                      role: tc(`circleRoles.${event.role}`),
                      circle: event.circleName,
                    }),
              by: event.actorName,
            }))}
          />
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
        {coordinator ? <PersonActions poleId={poleId} person={person} /> : null}
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
  const { busy, error, submit } = useSubmit(useProblem());
  const structures = useStructures(poleId);
  const [structureId, setStructureId] = useState(person.structure?.id ?? "");
  const [role, setRole] = useState(person.roleInStructure);
  const [contribution, setContribution] = useState({
    competencies: joinTags(person.competencies),
    brings: person.brings,
    seeks: person.seeks,
  });

  function save(event: FormEvent) {
    event.preventDefault();
    void submit(async () => {
      await api.call("PUT", personPath(poleId, person.userId), {
        structureId: structureId || null,
        roleInStructure: role,
        competencies: splitTags(contribution.competencies),
        brings: contribution.brings,
        seeks: contribution.seeks,
      });
      await queryClient.invalidateQueries({ queryKey: personKey(poleId, person.userId) });
      await queryClient.invalidateQueries({ queryKey: ["poles", poleId, "directory"] });
      onDone(true);
    });
  }

  return (
    <TitledForm title={t("person.editTitle")} error={error} onSubmit={save}>
      <SelectField
        label={t("person.structure")}
        hint={t("structureRequests.hint")}
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
      <ContributionFields value={contribution} onChange={setContribution} />
      <FormActions
        busy={busy}
        label={t("common.save")}
        busyLabel={t("common.saving")}
        onCancel={() => onDone(false)}
      />
    </TitledForm>
  );
}

/** Coordinators set a person's pôle-wide role (the pôle always keeps a coordinator). */
function PoleRoleControl({ poleId, person }: { poleId: string; person: PersonDetail }) {
  const { t } = useTranslation("collective");
  const queryClient = useQueryClient();
  const { outcome, submit } = useSubmit(useProblem());
  return (
    <div className="pole-role">
      <PoleRoleSelect
        label={t("person.poleRole")}
        value={person.poleRole}
        onChange={(role) =>
          void submit(async () => {
            await api.call("PUT", `${personPath(poleId, person.userId)}/role`, { role });
            await queryClient.invalidateQueries({ queryKey: personKey(poleId, person.userId) });
            await queryClient.invalidateQueries({ queryKey: meKey });
          }, t("common.saved"))
        }
      />
      <OutcomeNotice outcome={outcome} />
    </div>
  );
}
