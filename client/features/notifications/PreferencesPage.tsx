/**
 * `/compte/notifications`: when each kind of notification is e-mailed (at once, in the
 * daily or weekly digest, or never). Each choice is saved as it is made.
 */
import { useTranslation } from "react-i18next";
import type { Preference } from "../../../shared/api/notifications";
import { mailFrequencies } from "../../../shared/notifications";
import { useProblem } from "../../lib/errors";
import { Notice, QueryStatus, SelectField, useDocumentTitle } from "../../ui/kit";
import { usePreferences, useSavePreferences } from "./queries";
import "./strings";
import "./notifications.css";

export function PreferencesPage() {
  const { t } = useTranslation("notifications");
  const problem = useProblem();
  useDocumentTitle(t("settings.title"));
  const preferences = usePreferences();
  const save = useSavePreferences();
  const choose = (preference: Preference) => save.mutate([preference]);
  return (
    <div className="page page--narrow">
      <h1>{t("settings.title")}</h1>
      <p className="lead">{t("settings.intro")}</p>
      <QueryStatus query={preferences} describe={problem} />
      {preferences.data?.preferences.map(({ kind, frequency }) => (
        <SelectField
          key={kind}
          label={t(`kinds.${kind}`)}
          value={frequency}
          disabled={save.isPending}
          onChange={(event) => {
            const chosen = mailFrequencies.find((value) => value === event.target.value);
            if (chosen) choose({ kind, frequency: chosen });
          }}
        >
          {mailFrequencies.map((value) => (
            <option key={value} value={value}>
              {t(`frequencies.${value}`)}
            </option>
          ))}
        </SelectField>
      ))}
      {save.isSuccess ? <Notice tone="success">{t("settings.saved")}</Notice> : null}
      {save.error ? <Notice tone="error">{problem(save.error)}</Notice> : null}
    </div>
  );
}
