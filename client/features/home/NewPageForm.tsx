/** Creates a free page in a circle (POST /api/poles/:poleId/documents, kind "page"). */
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { Circle } from "../../../shared/api/circles";
import { DocumentRef } from "../../../shared/api/documents";
import { CircleSelect } from "../../app/CircleFields";
import { useFields, useSubmit } from "../../app/form";
import { documentsKey } from "../../app/poleQueries";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { required } from "../../lib/validation";
import { FormActions, TextField, TitledForm } from "../../ui/kit";

export function NewPageForm({
  poleId,
  circles,
  onCancel,
}: {
  poleId: string;
  circles: Circle[];
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const titleRef = useRef<HTMLInputElement>(null);
  const { form, values, errors, set, check } = useFields({ title: "" });
  const [circleId, setCircleId] = useState(circles[0]?.id ?? "");
  const { busy, error, submit, clear } = useSubmit((caught) => errorMessage(caught, t));

  useEffect(() => titleRef.current?.focus(), []);

  async function create(event: FormEvent) {
    event.preventDefault();
    clear();
    if (!check({ title: required(values.title, t, 200) })) return;
    await submit(async () => {
      const created = await api.post(
        `/api/poles/${encodeURIComponent(poleId)}/documents`,
        { kind: "page", title: values.title.trim(), circleId },
        DocumentRef,
      );
      await queryClient.invalidateQueries({ queryKey: documentsKey(poleId) });
      navigate(`/d/${created.id}`);
    });
  }

  return (
    <TitledForm
      formRef={form}
      className="card form panel"
      title={t("newPage.title")}
      intro={t("newPage.intro")}
      error={error}
      onSubmit={create}
    >
      <div className="form__row">
        <TextField
          inputRef={titleRef}
          label={t("newPage.pageTitle")}
          placeholder={t("newPage.pageTitlePlaceholder")}
          required
          value={values.title}
          onChange={(event) => set("title")(event.target.value)}
          error={errors.title}
          maxLength={200}
        />
        <CircleSelect
          label={t("newPage.circle")}
          hint={t("newPage.circleHint")}
          circles={circles}
          value={circleId}
          onChange={setCircleId}
        />
      </div>
      <FormActions
        busy={busy}
        label={t("newPage.submit")}
        busyLabel={t("newPage.submitting")}
        onCancel={onCancel}
      />
    </TitledForm>
  );
}
