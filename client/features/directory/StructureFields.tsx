/** The fields of a member structure, used in the directory and during onboarding. */
import { useTranslation } from "react-i18next";
import { type LegalForm, legalForms, type SizeBand, sizeBands } from "../../../shared/collective";
import { SelectField, TextField } from "../../ui/kit";
import { splitTags } from "../../ui/tags";
import "../../app/strings";

export interface StructureDraft {
  name: string;
  legalForm: LegalForm | "";
  sizeBand: SizeBand | "";
  sectors: string;
  ess: boolean;
}

export const emptyStructure: StructureDraft = {
  name: "",
  legalForm: "",
  sizeBand: "",
  sectors: "",
  ess: true,
};

export type StructureErrors = Partial<Record<"name" | "legalForm", string>>;

/** The checks the server makes too, said before anything is sent. */
export function checkStructure(draft: StructureDraft, required: string): StructureErrors {
  return {
    name: draft.name.trim() === "" ? required : undefined,
    legalForm: draft.legalForm === "" ? required : undefined,
  };
}

export const structureBody = (draft: StructureDraft) => ({
  name: draft.name.trim(),
  legalForm: draft.legalForm,
  sizeBand: draft.sizeBand === "" ? null : draft.sizeBand,
  sectors: splitTags(draft.sectors),
  ess: draft.ess,
});

export function StructureFields({
  draft,
  onChange,
  errors,
  idPrefix,
}: {
  draft: StructureDraft;
  onChange(draft: StructureDraft): void;
  errors: StructureErrors;
  idPrefix: string;
}) {
  const { t } = useTranslation("collective");
  const set = (change: Partial<StructureDraft>) => onChange({ ...draft, ...change });
  return (
    <>
      <TextField
        label={t("structure.name")}
        required
        value={draft.name}
        error={errors.name}
        onChange={(event) => set({ name: event.target.value })}
      />
      <div className="form__row form__row--even">
        <SelectField
          label={t("structure.legalForm")}
          required
          value={draft.legalForm}
          error={errors.legalForm}
          onChange={(event) =>
            set({ legalForm: legalForms.find((f) => f === event.target.value) ?? "" })
          }
        >
          <option value="">—</option>
          {legalForms.map((form) => (
            <option key={form} value={form}>
              {t(`legalForms.${form}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("structure.sizeBand")}
          value={draft.sizeBand}
          onChange={(event) =>
            set({ sizeBand: sizeBands.find((s) => s === event.target.value) ?? "" })
          }
        >
          <option value="">{t("common.none")}</option>
          {sizeBands.map((band) => (
            <option key={band} value={band}>
              {t(`sizeBands.${band}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField
        label={t("structure.sectors")}
        hint={t("common.tagsHint")}
        value={draft.sectors}
        onChange={(event) => set({ sectors: event.target.value })}
      />
      <div className="checkbox">
        <input
          id={`${idPrefix}-ess`}
          type="checkbox"
          checked={draft.ess}
          onChange={(event) => set({ ess: event.target.checked })}
        />
        <label htmlFor={`${idPrefix}-ess`}>{t("structure.ess")}</label>
      </div>
    </>
  );
}
