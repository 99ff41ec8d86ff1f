/**
 * A group's life on its page: renamed by its facilitators and the coordination, archived
 * or deleted by the coordination (its documents go to the archives, never lost); and for a
 * project group, its project: the project page and its card on the thematic group's board.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { Portfolio, ProjectOfCircle } from "../../../shared/api/boards";
import type { CirclePage as CircleView } from "../../../shared/api/circles";
import { fundingStates } from "../../../shared/boards";
import { useSubmit } from "../../app/form";
import { circlesKey, documentsKey } from "../../app/poleQueries";
import { api, isApiError, polePath } from "../../lib/api";
import { useProblem } from "../../lib/errors";
import { FormActions, OutcomeNotice, TextField } from "../../ui/kit";
import { formatEuros, formatFte } from "../boards/format";
import { archivesKey } from "./ArchivesPage";
import { circlePageKey, circlePath } from "./queries";
import "./strings";

export function GroupSettings({
  poleId,
  circle,
  coordinator,
}: {
  poleId: string;
  circle: CircleView;
  coordinator: boolean;
}) {
  const { t } = useTranslation("collective");
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { busy, outcome, submit } = useSubmit(useProblem());
  const [name, setName] = useState(circle.name);
  const [asking, setAsking] = useState<"archive" | "delete" | null>(null);
  const titleId = useId();

  const refresh = () =>
    Promise.all(
      [circlePageKey(circle.id), circlesKey(poleId), documentsKey(poleId), archivesKey(poleId)].map(
        (queryKey) => queryClient.invalidateQueries({ queryKey }),
      ),
    );

  function rename(event: FormEvent) {
    event.preventDefault();
    void submit(async () => {
      await api.call("PATCH", circlePath(circle.id), { name: name.trim() });
      await refresh();
    }, t("group.renamed"));
  }

  const leave = (action: "archive" | "delete") =>
    void submit(async () => {
      if (action === "archive") await api.call("POST", `${circlePath(circle.id)}/archive`);
      else await api.call("DELETE", circlePath(circle.id));
      await refresh();
      navigate(`/p/${poleId}/archives`);
    });

  return (
    <section aria-labelledby={titleId} className="card group-settings">
      <h2 id={titleId}>{t("group.title")}</h2>
      <OutcomeNotice outcome={outcome} />
      <form onSubmit={rename} className="form" noValidate>
        <TextField
          label={t("group.name")}
          value={name}
          required
          maxLength={120}
          onChange={(event) => setName(event.target.value)}
        />
        <FormActions busy={busy} label={t("group.rename")} busyLabel={t("group.renaming")} />
      </form>
      {coordinator ? (
        <div className="group-settings__leave">
          <p className="muted small">{t("group.leaveHint")}</p>
          {asking ? (
            <div role="alert" className="group-settings__confirm">
              <p>{t(asking === "archive" ? "group.archiveWarning" : "group.deleteWarning")}</p>
              <button
                type="button"
                className="button button--primary button--small"
                disabled={busy}
                onClick={() => leave(asking)}
              >
                {t(asking === "archive" ? "group.archiveConfirm" : "group.deleteConfirm")}
              </button>
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={() => setAsking(null)}
              >
                {t("group.cancel")}
              </button>
            </div>
          ) : (
            <>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => setAsking("archive")}
              >
                {t("group.archive")}
              </button>{" "}
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={() => setAsking("delete")}
              >
                {t("group.delete")}
              </button>
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}

/** A project group's own project: its page, its card on the board, the card's figures. */
export function GroupProject({ poleId, circleId }: { poleId: string; circleId: string }) {
  const { t, i18n } = useTranslation("collective");
  const titleId = useId();
  const project = useQuery({
    queryKey: ["circles", circleId, "project"],
    // A project group made without a card has no project to show.
    queryFn: async () => {
      try {
        return await api.get(`${circlePath(circleId)}/project`, ProjectOfCircle);
      } catch (error) {
        if (isApiError(error, 404)) return null;
        throw error;
      }
    },
  });
  const portfolio = useQuery({
    queryKey: ["poles", poleId, "portfolio"],
    queryFn: () => api.get(`${polePath(poleId)}/portfolio`, Portfolio),
    enabled: Boolean(project.data),
  });
  if (!project.data) return null;
  const { boardId, cardId, projectDocumentId } = project.data;
  const card = portfolio.data?.projects.find((p) => p.boardId === boardId && p.id === cardId);
  const money = (state: (typeof fundingStates)[number]) =>
    (card?.funding ?? [])
      .filter((line) => line.state === state)
      .reduce((sum, line) => sum + line.amount, 0);
  return (
    <section aria-labelledby={titleId} className="card group-project">
      <h2 id={titleId}>{t("group.project")}</h2>
      {card ? (
        <dl className="facts">
          <div>
            <dt>{t("group.card")}</dt>
            <dd>{card.title}</dd>
          </div>
          <div>
            <dt>{t("group.stage")}</dt>
            <dd>{card.columnTitle}</dd>
          </div>
          <div>
            <dt>{t("group.jobs")}</dt>
            <dd>
              {t("group.jobsValue", {
                created: formatFte(card.jobsCreated, i18n.language),
                kept: formatFte(card.jobsKept, i18n.language),
              })}
            </dd>
          </div>
          <div>
            <dt>{t("group.funding")}</dt>
            <dd>
              {fundingStates
                .map(
                  (state) =>
                    `${t(`group.fundingStates.${state}`)} ${formatEuros(money(state), i18n.language)}`,
                )
                .join(" · ")}
            </dd>
          </div>
        </dl>
      ) : null}
      <ul className="plain-list">
        {projectDocumentId ? (
          <li>
            <Link to={`/d/${projectDocumentId}`}>{t("group.projectPage")}</Link>
          </li>
        ) : null}
        <li>
          <Link to={`/d/${boardId}`}>{t("group.board")}</Link>
        </li>
      </ul>
    </section>
  );
}
