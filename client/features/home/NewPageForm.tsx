/** Creates a free page in a circle (POST /api/poles/:poleId/documents, kind "page"). */
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { Notice, SelectField, TextField } from "../../app/ui";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { type Circle, CreatedDocument } from "../../lib/schemas";
import { required } from "../../lib/validation";
import { documentsKey } from "../poles/queries";

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
  const [title, setTitle] = useState("");
  const [circleId, setCircleId] = useState(circles[0]?.id ?? "");
  const [error, setError] = useState<string | undefined>();
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => titleRef.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = required(title, t, 200);
    setError(problem);
    setSubmitError(null);
    if (problem) {
      titleRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const created = await api.post(
        `/api/poles/${encodeURIComponent(poleId)}/documents`,
        { kind: "page", title: title.trim(), circleId },
        CreatedDocument,
      );
      await queryClient.invalidateQueries({ queryKey: documentsKey(poleId) });
      navigate(`/d/${created.id}`);
    } catch (caught) {
      setBusy(false);
      setSubmitError(errorMessage(caught, t));
    }
  }

  return (
    <form className="card form panel" onSubmit={submit} noValidate aria-labelledby="new-page-title">
      <h2 id="new-page-title">{t("newPage.title")}</h2>
      <p className="muted">{t("newPage.intro")}</p>
      {submitError ? (
        <Notice tone="error" focus>
          {submitError}
        </Notice>
      ) : null}
      <div className="form__row">
        <TextField
          inputRef={titleRef}
          label={t("newPage.pageTitle")}
          placeholder={t("newPage.pageTitlePlaceholder")}
          required
          value={title}
          onChange={(event) => {
            setTitle(event.target.value);
            setError(undefined);
          }}
          error={error}
          maxLength={200}
        />
        <SelectField
          label={t("newPage.circle")}
          hint={t("newPage.circleHint")}
          value={circleId}
          onChange={(event) => setCircleId(event.target.value)}
        >
          {circles.map((circle) => (
            <option key={circle.id} value={circle.id}>
              {circle.name}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t("newPage.submitting") : t("newPage.submit")}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
