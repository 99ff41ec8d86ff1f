/** Founds another pôle on this instance (POST /api/poles); its founder coordinates it. */
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { meKey, usePoleSelection } from "../../app/session";
import { Notice, TextField } from "../../app/ui";
import { api, isApiError } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { Pole } from "../../lib/schemas";
import { required } from "../../lib/validation";

export function NewPoleForm({ onCancel }: { onCancel?(): void }) {
  const focusOnOpen = useRef(onCancel !== undefined);
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { remember } = usePoleSelection();
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (focusOnOpen.current) nameRef.current?.focus();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = required(name, t, 120);
    setError(problem);
    setSubmitError(null);
    if (problem) {
      nameRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const pole = await api.post("/api/poles", { name: name.trim() }, Pole);
      await queryClient.invalidateQueries({ queryKey: meKey });
      remember(pole.id);
      navigate(`/p/${pole.id}`);
      onCancel?.();
      setBusy(false);
      setName("");
    } catch (caught) {
      setBusy(false);
      setSubmitError(isApiError(caught, 403) ? t("newPole.forbidden") : errorMessage(caught, t));
    }
  }

  return (
    <form className="card form panel" onSubmit={submit} noValidate aria-labelledby="new-pole-title">
      <h2 id="new-pole-title">{t("newPole.title")}</h2>
      <p className="muted">{t("newPole.intro")}</p>
      {submitError ? (
        <Notice tone="error" focus>
          {submitError}
        </Notice>
      ) : null}
      <TextField
        inputRef={nameRef}
        label={t("fields.poleName")}
        hint={t("fields.poleNameHint")}
        required
        value={name}
        onChange={(event) => {
          setName(event.target.value);
          setError(undefined);
        }}
        error={error}
        maxLength={120}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t("newPole.submitting") : t("newPole.submit")}
        </button>
        {onCancel ? (
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {t("common.cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
