/**
 * A card's project page and project group, created on the server and linked both ways;
 * and, for a card made from a meeting's task, the way back to that task.
 */
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type * as Y from "yjs";
import { CreatedProjectGroup } from "../../../shared/api/boards";
import { DocumentRef } from "../../../shared/api/documents";
import { setCardField } from "../../../shared/board-doc";
import type { Card } from "../../../shared/boards";
import { circlesKey, documentsKey } from "../../app/poleQueries";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { Notice, TextField } from "../../ui/kit";
import "./strings";

export function ProjectSection({
  doc,
  card,
  editable,
  boardId,
  poleId,
  groupName,
}: {
  doc: Y.Doc;
  card: Card;
  editable: boolean;
  boardId: string;
  poleId: string;
  groupName: string | undefined;
}) {
  const { t } = useTranslation("boards");
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const headingId = `${card.id}-project`;
  const [name, setName] = useState(card.title);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const base = `/api/documents/${encodeURIComponent(boardId)}/cards/${encodeURIComponent(card.id)}`;

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: circlesKey(poleId) }),
      queryClient.invalidateQueries({ queryKey: documentsKey(poleId) }),
    ]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      await refresh();
    } catch (failure) {
      setError(errorMessage(failure, tc));
    } finally {
      setBusy(false);
    }
  };

  const createPage = () =>
    run(async () => {
      const page = await api.post(`${base}/project-page`, { title: card.title }, DocumentRef);
      setCardField(doc, card.id, "projectDocumentId", page.id);
    });

  const createGroup = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t("card.required"));
      return;
    }
    void run(async () => {
      const group = await api.post(
        `${base}/project-group`,
        { name: name.trim() },
        CreatedProjectGroup,
      );
      doc.transact(() => {
        setCardField(doc, card.id, "projectCircleId", group.circle.id);
        setCardField(doc, card.id, "projectDocumentId", group.projectDocumentId);
      });
    });
  };

  return (
    <section className="card-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("card.project")}</h3>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <p className="actions">
        {card.projectDocumentId ? (
          <Link to={`/d/${card.projectDocumentId}`} className="button button--secondary">
            {t("card.openPage")}
          </Link>
        ) : editable ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => void createPage()}
          >
            {t("card.createPage")}
          </button>
        ) : null}
      </p>
      {card.taskId && card.meetingId ? (
        <p>
          <Link
            to={`/p/${poleId}/reunions/${encodeURIComponent(card.meetingId)}#task-${encodeURIComponent(card.taskId)}`}
          >
            {t("card.fromTask")}
          </Link>
        </p>
      ) : null}
      {card.projectCircleId ? (
        <p>{t("card.group", { name: groupName ?? "…" })}</p>
      ) : editable ? (
        <form className="form__row" onSubmit={createGroup} noValidate>
          <TextField
            label={t("card.groupName")}
            hint={t("card.groupHint")}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t("card.createGroup")}
          </button>
        </form>
      ) : null}
    </section>
  );
}
