/**
 * `/p/:poleId/colleges`: the pôle's voting colleges (SCIC). Coordinators set names and
 * weights, then place members; everyone else reads. The server checks the SCIC rules and
 * says in French which one is broken.
 */
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CollegesView } from "../../../shared/api/decisions";
import { useSubmit } from "../../app/form";
import { Crumbs, PoleGate, usePole } from "../../app/pole";
import { usePoleMembers } from "../../app/poleQueries";
import { useProblem } from "../../lib/errors";
import {
  FormError,
  Notice,
  OutcomeNotice,
  QueryStatus,
  SelectField,
  TextField,
  useDocumentTitle,
} from "../../ui/kit";
import { useColleges, useSaveColleges } from "./queries";
import "./strings";

interface Row {
  id?: string;
  name: string;
  weight: string;
}

const rowsOf = (view: CollegesView): Row[] =>
  view.colleges.map((college) => ({
    id: college.id,
    name: college.name,
    weight: String(college.weight),
  }));

const weightOf = (row: Row) => Number(row.weight.replace(",", "."));

export function CollegesPage() {
  const { t } = useTranslation("decisions");
  const { poleId, pole, ready } = usePole();
  const colleges = useColleges(poleId);
  const problem = useProblem();
  useDocumentTitle(t("colleges.title"));
  return (
    <PoleGate title={t("colleges.title")} pole={pole} ready={ready}>
      {(pole) => (
        <div className="page colleges-page">
          <Crumbs
            pole={pole}
            trail={[
              { label: t("log.title"), to: `/p/${pole.id}/decisions` },
              { label: t("colleges.title") },
            ]}
          />
          <h1>{t("colleges.title")}</h1>
          <p className="lead">{t("colleges.intro")}</p>
          <QueryStatus query={colleges} describe={problem} />
          {colleges.data && !colleges.data.enabled ? (
            <Notice>{t("colleges.disabled")}</Notice>
          ) : null}
          {colleges.data?.enabled ? (
            colleges.data.canEdit ? (
              <>
                <CollegesForm poleId={pole.id} view={colleges.data} />
                <MembersForm poleId={pole.id} view={colleges.data} />
              </>
            ) : (
              <CollegesReadOnly view={colleges.data} />
            )
          ) : null}
        </div>
      )}
    </PoleGate>
  );
}

function CollegesReadOnly({ view }: { view: CollegesView }) {
  const { t } = useTranslation("decisions");
  return (
    <section className="card">
      <p className="muted">{t("colleges.readOnly")}</p>
      {view.colleges.length === 0 ? <p>{t("colleges.none")}</p> : null}
      <ul>
        {view.colleges.map((college) => (
          <li key={college.id}>
            {college.name} — {college.weight} %
          </li>
        ))}
      </ul>
    </section>
  );
}

function CollegesForm({ poleId, view }: { poleId: string; view: CollegesView }) {
  const { t } = useTranslation("decisions");
  const problem = useProblem();
  const request = useSubmit(problem);
  const save = useSaveColleges(poleId);
  const [rows, setRows] = useState<Row[]>(() =>
    view.colleges.length > 0 ? rowsOf(view) : [1, 2, 3].map(() => ({ name: "", weight: "" })),
  );
  const total = rows.reduce((sum, row) => sum + (weightOf(row) || 0), 0);
  const update = (index: number, patch: Partial<Row>) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    await request.submit(async () => {
      const saved = await save.mutateAsync({
        colleges: rows.map((row) => ({ id: row.id, name: row.name.trim(), weight: weightOf(row) })),
      });
      setRows(rowsOf(saved));
    }, t("colleges.saved"));
  }

  return (
    <form
      className="card form colleges-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="colleges-form-title"
    >
      <h2 id="colleges-form-title">{t("colleges.title")}</h2>
      <FormError error={request.error} />
      <ol className="colleges-rows">
        {rows.map((row, index) => {
          const label = row.name || t("colleges.unnamed", { index: index + 1 });
          return (
            // Rows without an id yet are told apart by their place (inputs are controlled).
            <li key={row.id ?? `new-${index}`} className="colleges-row">
              <TextField
                label={`${t("colleges.name")} ${index + 1}`}
                value={row.name}
                onChange={(event) => update(index, { name: event.target.value })}
              />
              <TextField
                label={`${t("colleges.weight")} ${index + 1}`}
                inputMode="decimal"
                value={row.weight}
                onChange={(event) => update(index, { weight: event.target.value })}
              />
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={() => setRows(rows.filter((_, i) => i !== index))}
              >
                {t("colleges.remove", { name: label })}
              </button>
            </li>
          );
        })}
      </ol>
      <p aria-live="polite">{t("colleges.total", { value: total })}</p>
      <div className="form__actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setRows([...rows, { name: "", weight: "" }])}
        >
          {t("colleges.add")}
        </button>
        <button type="submit" className="button button--primary" disabled={request.busy}>
          {request.busy ? t("colleges.saving") : t("colleges.save")}
        </button>
      </div>
      {request.outcome?.tone === "success" ? <OutcomeNotice outcome={request.outcome} /> : null}
    </form>
  );
}

function MembersForm({ poleId, view }: { poleId: string; view: CollegesView }) {
  const { t } = useTranslation("decisions");
  const problem = useProblem();
  const request = useSubmit(problem);
  const save = useSaveColleges(poleId);
  const members = usePoleMembers(poleId);
  const [assigned, setAssigned] = useState<Record<string, string>>({});
  useEffect(() => {
    setAssigned(Object.fromEntries(view.members.map((m) => [m.userId, m.collegeId])));
  }, [view.members]);
  if (view.colleges.length === 0) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    await request.submit(
      () =>
        save.mutateAsync({
          colleges: view.colleges,
          members: Object.entries(assigned)
            .filter(([, collegeId]) => collegeId)
            .map(([userId, collegeId]) => ({ userId, collegeId })),
        }),
      t("colleges.saved"),
    );
  }

  return (
    <form
      className="card form"
      onSubmit={submit}
      noValidate
      aria-labelledby="college-members-title"
    >
      <h2 id="college-members-title">{t("colleges.members")}</h2>
      <p className="muted">{t("colleges.membersHint")}</p>
      <FormError error={request.error} />
      <QueryStatus query={members} describe={problem} />
      <div className="college-members">
        {(members.data ?? []).map((member) => (
          <SelectField
            key={member.userId}
            label={t("colleges.memberCollege", { name: member.name })}
            value={assigned[member.userId] ?? ""}
            onChange={(event) => setAssigned({ ...assigned, [member.userId]: event.target.value })}
          >
            <option value="">{t("colleges.noCollege")}</option>
            {view.colleges.map((college) => (
              <option key={college.id} value={college.id}>
                {college.name}
              </option>
            ))}
          </SelectField>
        ))}
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={request.busy}>
          {request.busy ? t("colleges.saving") : t("colleges.saveMembers")}
        </button>
      </div>
      {request.outcome?.tone === "success" ? <OutcomeNotice outcome={request.outcome} /> : null}
    </form>
  );
}
