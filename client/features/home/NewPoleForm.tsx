/** Founds another pôle on this instance (POST /api/poles); its founder coordinates it. */
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { Pole } from "../../../shared/api/poles";
import { useFields, useSubmit } from "../../app/form";
import { meKey, usePoleSelection } from "../../app/session";
import { api, isApiError } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { required } from "../../lib/validation";
import { FormActions, TextField, TitledForm } from "../../ui/kit";

export function NewPoleForm({ onCancel }: { onCancel?(): void }) {
  const focusOnOpen = useRef(onCancel !== undefined);
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { remember } = usePoleSelection();
  const nameRef = useRef<HTMLInputElement>(null);
  const { form, values, errors, set, check } = useFields({ name: "" });
  const { busy, error, submit, clear } = useSubmit((caught) =>
    isApiError(caught, 403) ? t("newPole.forbidden") : errorMessage(caught, t),
  );

  useEffect(() => {
    if (focusOnOpen.current) nameRef.current?.focus();
  }, []);

  async function create(event: FormEvent) {
    event.preventDefault();
    clear();
    if (!check({ name: required(values.name, t, 120) })) return;
    await submit(async () => {
      const pole = await api.post("/api/poles", { name: values.name.trim() }, Pole);
      await queryClient.invalidateQueries({ queryKey: meKey });
      remember(pole.id);
      navigate(`/p/${pole.id}`);
      onCancel?.();
      set("name")("");
    });
  }

  return (
    <TitledForm
      formRef={form}
      className="card form panel"
      title={t("newPole.title")}
      intro={t("newPole.intro")}
      error={error}
      onSubmit={create}
    >
      <TextField
        inputRef={nameRef}
        label={t("fields.poleName")}
        hint={t("fields.poleNameHint")}
        required
        value={values.name}
        onChange={(event) => set("name")(event.target.value)}
        error={errors.name}
        maxLength={120}
      />
      <FormActions
        busy={busy}
        label={t("newPole.submit")}
        busyLabel={t("newPole.submitting")}
        onCancel={onCancel}
      />
    </TitledForm>
  );
}
