/** The visible connection state, announced politely when it changes. */
import { useTranslation } from "react-i18next";
import type { ConnectionState } from "../../lib/sync";

export function ConnectionStatus({
  state,
  readOnly,
}: {
  state: ConnectionState;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div
      className={`connection connection--${state}`}
      role="status"
      aria-live="polite"
      data-state={state}
    >
      <span className="connection__dot" aria-hidden="true" />
      <span className="visually-hidden">{t("connection.label")} </span>
      <span className="connection__label">{t(`connection.${state}`)}</span>
      <span className="connection__hint">
        {readOnly && state === "connected"
          ? t("connection.connectedReadOnlyHint")
          : t(`connection.${state}Hint`)}
      </span>
    </div>
  );
}
