/** `/p/:poleId/profil`: the pôle's profile, read by every member, kept by coordinators. */
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PoleProfile } from "../../../shared/api/poles";
import {
  type ActionLogic,
  actionLogics,
  type FormalisationLevel,
  formalisationLevels,
  type Maturity,
  maturities,
  type PoleKind,
  poleKinds,
} from "../../../shared/collective";
import { canEditPoleProfile } from "../../../shared/permissions";
import { useSubmit } from "../../app/form";
import { Crumbs, PoleGate, usePole } from "../../app/pole";
import { EditButton, useEditing } from "../../app/RecordPage";
import { api } from "../../lib/api";
import { useProblem } from "../../lib/errors";
import { formatDate } from "../../lib/i18n";
import { Choice, ChoiceGroup } from "../../ui/choices";
import {
  FormActions,
  FormError,
  Notice,
  QueryStatus,
  TextAreaField,
  TextField,
  useDocumentTitle,
} from "../../ui/kit";
import { joinTags, splitTags } from "../../ui/tags";
import { useStepOnVisit } from "../onboarding/steps";
import { profileKey, profilePath, usePoleProfile } from "./queries";
import "./strings";

export function PoleProfilePage() {
  const { t } = useTranslation("collective");
  const { poleId, pole, ready } = usePole();
  useDocumentTitle(t("profile.title"));
  return (
    <PoleGate title={t("profile.title")} pole={pole} ready={ready}>
      {(pole) => (
        <ProfileContent
          poleId={poleId}
          poleName={pole.name}
          crumbs={<Crumbs pole={pole} trail={[{ label: t("profile.title") }]} />}
          editable={canEditPoleProfile({ poleRole: pole.role, circles: [] })}
        />
      )}
    </PoleGate>
  );
}

function ProfileContent({
  poleId,
  poleName,
  crumbs,
  editable,
}: {
  poleId: string;
  poleName: string;
  crumbs: React.ReactNode;
  editable: boolean;
}) {
  const { t, i18n } = useTranslation("collective");
  const profile = usePoleProfile(poleId);
  const problem = useProblem();
  const { editing, saved, start, done } = useEditing();
  useStepOnVisit(poleId, "read_profile");

  return (
    <div className="page">
      {crumbs}
      <div className="page-head">
        <div className="page-head__text">
          <p className="eyebrow">{poleName}</p>
          <h1>{t("profile.title")}</h1>
        </div>
        {editable && !editing && profile.data ? <EditButton onClick={start} /> : null}
      </div>
      <p className="lead">{t("profile.intro")}</p>
      <QueryStatus query={profile} describe={problem} />
      {saved ? <Notice tone="success">{t("common.saved")}</Notice> : null}
      {profile.data && editing ? (
        <ProfileForm poleId={poleId} profile={profile.data} onDone={done} />
      ) : null}
      {profile.data && !editing ? (
        <>
          {profile.data.updatedAt === null ? (
            <Notice tone="info">
              {editable ? t("profile.emptyCoordinator") : t("profile.empty")}
            </Notice>
          ) : (
            <p className="muted small">
              {t("profile.updated", { date: formatDate(profile.data.updatedAt, i18n.language) })}
            </p>
          )}
          <ProfileView profile={profile.data} />
          {!editable ? <p className="muted small">{t("profile.readOnly")}</p> : null}
        </>
      ) : null}
    </div>
  );
}

function ProfileView({ profile }: { profile: PoleProfile }) {
  const { t } = useTranslation("collective");
  const none = <span className="muted">{t("common.none")}</span>;
  return (
    <dl className="facts card">
      <div>
        <dt>{t("profile.territory")}</dt>
        <dd>{profile.territory || none}</dd>
      </div>
      <div>
        <dt>{t("profile.communes")}</dt>
        <dd>{profile.communes.length > 0 ? profile.communes.join(", ") : none}</dd>
      </div>
      <div>
        <dt>{t("profile.kind")}</dt>
        <dd>{profile.kind ? t(`poleKinds.${profile.kind}`) : none}</dd>
      </div>
      <div>
        <dt>{t("profile.actionLogics")}</dt>
        <dd>
          {profile.actionLogics.length > 0
            ? profile.actionLogics.map((logic) => t(`actionLogics.${logic}`)).join(" · ")
            : none}
        </dd>
      </div>
      <div>
        <dt>{t("profile.maturity")}</dt>
        <dd>{profile.maturity ? t(`maturities.${profile.maturity}`) : none}</dd>
      </div>
      <div>
        <dt>{t("profile.formalisation")}</dt>
        <dd>
          {profile.formalisation ? (
            <>
              {t(`formalisation.${profile.formalisation}.label`)}
              <FormalisationNotes level={profile.formalisation} />
            </>
          ) : (
            none
          )}
        </dd>
      </div>
      <div>
        <dt>{t("profile.carryingStructure")}</dt>
        <dd>{profile.carryingStructure || none}</dd>
      </div>
      <div>
        <dt>{t("profile.place")}</dt>
        <dd>{profile.hasPlace ? profile.place || t("common.yes") : t("profile.noPlace")}</dd>
      </div>
    </dl>
  );
}

/** DOMAIN.md's guidance and vigilance points for a formalisation level. */
function FormalisationNotes({ level }: { level: FormalisationLevel }) {
  const { t } = useTranslation("collective");
  return (
    <span className="formalisation-notes">
      <span className="formalisation-notes__item formalisation-notes__item--guidance">
        <strong>{t("profile.guidance")} : </strong>
        {t(`formalisation.${level}.guidance`)}
      </span>
      <span className="formalisation-notes__item formalisation-notes__item--vigilance">
        <strong>{t("profile.vigilance")} : </strong>
        {t(`formalisation.${level}.vigilance`)}
      </span>
    </span>
  );
}

function ProfileForm({
  poleId,
  profile,
  onDone,
}: {
  poleId: string;
  profile: PoleProfile;
  onDone(saved: boolean): void;
}) {
  const { t } = useTranslation("collective");
  const queryClient = useQueryClient();
  const { busy, error, submit } = useSubmit(useProblem());
  const [territory, setTerritory] = useState(profile.territory);
  const [communes, setCommunes] = useState(joinTags(profile.communes));
  const [kind, setKind] = useState<PoleKind | null>(profile.kind);
  const [logics, setLogics] = useState<ActionLogic[]>(profile.actionLogics);
  const [maturity, setMaturity] = useState<Maturity | null>(profile.maturity);
  const [formalisation, setFormalisation] = useState<FormalisationLevel | null>(
    profile.formalisation,
  );
  const [carrying, setCarrying] = useState(profile.carryingStructure);
  const [hasPlace, setHasPlace] = useState(profile.hasPlace);
  const [place, setPlace] = useState(profile.place);

  function save(event: FormEvent) {
    event.preventDefault();
    void submit(async () => {
      await api.call("PUT", profilePath(poleId), {
        territory,
        communes: splitTags(communes),
        kind,
        actionLogics: logics,
        maturity,
        formalisation,
        carryingStructure: carrying,
        hasPlace,
        place,
      });
      await queryClient.invalidateQueries({ queryKey: profileKey(poleId) });
      onDone(true);
    });
  }

  return (
    <form className="card form" onSubmit={save} noValidate aria-label={t("profile.title")}>
      <FormError error={error} />
      <TextAreaField
        label={t("profile.territory")}
        hint={t("profile.territoryHint")}
        value={territory}
        onChange={setTerritory}
      />
      <TextField
        label={t("profile.communes")}
        hint={t("common.tagsHint")}
        value={communes}
        onChange={(event) => setCommunes(event.target.value)}
      />
      <RadioChoices<PoleKind>
        legend={t("profile.kind")}
        name="kind"
        values={poleKinds}
        value={kind}
        onChange={setKind}
        label={(value) => t(`poleKinds.${value}`)}
        hint={(value) => t(`poleKindHints.${value}`)}
      />
      <ChoiceGroup legend={t("profile.actionLogics")} hint={t("profile.actionLogicsHint")}>
        {actionLogics.map((value) => (
          <Choice
            key={value}
            type="checkbox"
            name="actionLogics"
            checked={logics.includes(value)}
            onChange={(checked) =>
              setLogics((list) =>
                checked
                  ? actionLogics.filter((l) => l === value || list.includes(l))
                  : list.filter((l) => l !== value),
              )
            }
            label={t(`actionLogics.${value}`)}
          />
        ))}
      </ChoiceGroup>
      <RadioChoices<Maturity>
        legend={t("profile.maturity")}
        name="maturity"
        values={maturities}
        value={maturity}
        onChange={setMaturity}
        label={(value) => t(`maturities.${value}`)}
        hint={(value) => t(`maturityHints.${value}`)}
      />
      <ChoiceGroup legend={t("profile.formalisation")} hint={t("profile.formalisationHint")}>
        {formalisationLevels.map((value) => (
          <div key={value} className="formalisation-choice">
            <Choice
              type="radio"
              name="formalisation"
              checked={formalisation === value}
              onChange={() => setFormalisation(value)}
              label={t(`formalisation.${value}.label`)}
            />
            <FormalisationNotes level={value} />
          </div>
        ))}
      </ChoiceGroup>
      <TextField
        label={t("profile.carryingStructure")}
        value={carrying}
        onChange={(event) => setCarrying(event.target.value)}
      />
      <div className="checkbox">
        <input
          id="has-place"
          type="checkbox"
          checked={hasPlace}
          onChange={(event) => setHasPlace(event.target.checked)}
        />
        <label htmlFor="has-place">{t("profile.hasPlace")}</label>
      </div>
      {hasPlace ? (
        <TextField
          label={t("profile.place")}
          hint={t("profile.placeHint")}
          value={place}
          onChange={(event) => setPlace(event.target.value)}
        />
      ) : null}
      <FormActions
        busy={busy}
        label={t("common.save")}
        busyLabel={t("common.saving")}
        onCancel={() => onDone(false)}
      />
    </form>
  );
}

/** One choice among a list, each with its explanation. */
function RadioChoices<T extends string>({
  legend,
  name,
  values,
  value,
  onChange,
  label,
  hint,
}: {
  legend: string;
  name: string;
  values: readonly T[];
  value: T | null;
  onChange(value: T): void;
  label(value: T): string;
  hint(value: T): string;
}) {
  return (
    <ChoiceGroup legend={legend}>
      {values.map((item) => (
        <Choice
          key={item}
          type="radio"
          name={name}
          checked={value === item}
          onChange={() => onChange(item)}
          label={label(item)}
          hint={hint(item)}
        />
      ))}
    </ChoiceGroup>
  );
}
