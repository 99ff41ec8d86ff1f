import { useTranslation } from "react-i18next";
import { TextAreaField, TextField } from "../../ui/kit";
import "../../app/strings";

/** What a person can do and looks for: asked at onboarding, kept on their profile. */
export interface Contribution {
  /** Comma-separated, as typed; `splitTags` makes the list. */
  competencies: string;
  brings: string;
  seeks: string;
}

export function ContributionFields({
  value,
  onChange,
}: {
  value: Contribution;
  onChange(value: Contribution): void;
}) {
  const { t } = useTranslation("collective");
  const set = (field: keyof Contribution) => (text: string) =>
    onChange({ ...value, [field]: text });
  return (
    <>
      <TextField
        label={t("person.competencies")}
        hint={t("person.competenciesHint")}
        value={value.competencies}
        onChange={(event) => set("competencies")(event.target.value)}
      />
      <TextAreaField label={t("person.brings")} value={value.brings} onChange={set("brings")} />
      <TextAreaField label={t("person.seeks")} value={value.seeks} onChange={set("seeks")} />
    </>
  );
}
