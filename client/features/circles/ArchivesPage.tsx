/**
 * `/p/:poleId/archives`: archived and deleted groups' documents, still readable; the
 * coordination restores a group (its documents come back with it) or one document.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Archives } from "../../../shared/api/archives";
import { useSubmit } from "../../app/form";
import { Crumbs, PoleGate, usePole } from "../../app/pole";
import { circlesKey, documentsKey } from "../../app/poleQueries";
import { api, polePath } from "../../lib/api";
import { useProblem } from "../../lib/errors";
import { formatDate } from "../../lib/i18n";
import { OutcomeNotice, QueryStatus, useDocumentTitle } from "../../ui/kit";
import "./strings";

export const archivesKey = (poleId: string) => ["poles", poleId, "archives"] as const;

export function ArchivesPage() {
  const { t } = useTranslation("collective");
  const { poleId, pole, ready } = usePole();
  useDocumentTitle(t("archives.title"));
  return (
    <PoleGate title={t("archives.title")} pole={pole} ready={ready}>
      {(pole) => (
        <div className="page">
          <Crumbs
            pole={pole}
            trail={[
              { label: t("circles.title"), to: `/p/${pole.id}/cercles` },
              { label: t("archives.title") },
            ]}
          />
          <h1>{t("archives.title")}</h1>
          <p className="lead">{t("archives.intro")}</p>
          <ArchivesContent poleId={poleId} coordinator={pole.role === "coordinator"} />
        </div>
      )}
    </PoleGate>
  );
}

function ArchivesContent({ poleId, coordinator }: { poleId: string; coordinator: boolean }) {
  const { t, i18n } = useTranslation("collective");
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const archives = useQuery({
    queryKey: archivesKey(poleId),
    queryFn: () => api.get(`${polePath(poleId)}/archives`, Archives),
  });
  const problem = useProblem();
  const { busy, outcome, submit } = useSubmit(problem);
  const restore = (path: string, name: string) =>
    void submit(
      async () => {
        await api.call("POST", path);
        await Promise.all(
          [archivesKey(poleId), circlesKey(poleId), documentsKey(poleId)].map((queryKey) =>
            queryClient.invalidateQueries({ queryKey }),
          ),
        );
      },
      t("archives.restored", { name }),
    );
  const when = (iso: string) => formatDate(iso, i18n.language);
  return (
    <>
      <QueryStatus query={archives} describe={problem} />
      <OutcomeNotice outcome={outcome} />
      <section aria-labelledby="archived-groups">
        <h2 id="archived-groups">{t("archives.groups")}</h2>
        {archives.data?.circles.length === 0 ? (
          <p className="muted">{t("archives.noGroup")}</p>
        ) : null}
        <ul className="structure-list">
          {(archives.data?.circles ?? []).map((circle) => (
            <li key={circle.id} className="list-row">
              <span>
                {circle.name}{" "}
                <span className="muted small">
                  {tc(`circleKinds.${circle.kind}`)} ·{" "}
                  {t("archives.archivedOn", { date: when(circle.archivedAt) })}
                </span>
              </span>
              {coordinator ? (
                <RestoreButton
                  name={circle.name}
                  busy={busy}
                  onClick={() =>
                    restore(`/api/circles/${encodeURIComponent(circle.id)}/restore`, circle.name)
                  }
                />
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="archived-documents">
        <h2 id="archived-documents">{t("archives.documents")}</h2>
        {archives.data?.documents.length === 0 ? (
          <p className="muted">{t("archives.noDocument")}</p>
        ) : null}
        <ul className="structure-list">
          {(archives.data?.documents ?? []).map((doc) => (
            <li key={doc.id} className="list-row">
              <span>
                <Link to={`/d/${doc.id}`}>{doc.title}</Link>{" "}
                <span className="muted small">
                  {[
                    doc.circleName
                      ? t(doc.circleDeleted ? "archives.fromDeleted" : "archives.from", {
                          name: doc.circleName,
                        })
                      : null,
                    t("archives.archivedOn", { date: when(doc.archivedAt) }),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </span>
              {coordinator && doc.circleDeleted ? (
                <RestoreButton
                  name={doc.title}
                  busy={busy}
                  onClick={() =>
                    restore(`/api/documents/${encodeURIComponent(doc.id)}/restore`, doc.title)
                  }
                />
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function RestoreButton({ name, busy, onClick }: { name: string; busy: boolean; onClick(): void }) {
  const { t } = useTranslation("collective");
  return (
    <button
      type="button"
      className="button button--secondary button--small"
      disabled={busy}
      aria-label={t("archives.restoreLabel", { name })}
      onClick={onClick}
    >
      {t("archives.restore")}
    </button>
  );
}
