/**
 * `/d/:documentId/historique`: a document's versions — the list, naming the current one,
 * comparing any two (or one with the text now), exporting and restoring one.
 */
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { DocumentMeta } from "../../../shared/api/documents";
import type { VersionView } from "../../../shared/api/versions";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { formatDate } from "../../lib/i18n";
import {
  FormActions,
  FormError,
  Loading,
  Notice,
  QueryStatus,
  SelectField,
  TextField,
  useDocumentTitle,
} from "../../ui/kit";
import { Comparison, CURRENT } from "./Comparison";
import { useNameVersion, useRestoreVersion, useVersions, versionExportUrl } from "./queries";
import "./strings";
import "./history.css";

const formats = ["md", "html", "odt", "docx"] as const;

export function HistoryPage() {
  const { t, i18n } = useTranslation("history");
  const { t: core } = useTranslation();
  const { documentId = "" } = useParams();
  const meta = useQuery({
    queryKey: ["documents", documentId],
    queryFn: () => api.get(`/api/documents/${encodeURIComponent(documentId)}`, DocumentMeta),
  });
  const versions = useVersions(documentId);
  const [compare, setCompare] = useState<{ from: string; to: string } | null>(null);
  const [restoring, setRestoring] = useState<VersionView | null>(null);
  useDocumentTitle(meta.data ? t("title", { title: meta.data.title }) : undefined);

  if (meta.isPending || versions.isPending) return <Loading />;
  if (meta.isError || versions.isError) {
    return (
      <QueryStatus
        query={meta.isError ? meta : versions}
        describe={(error) => errorMessage(error, core)}
      />
    );
  }
  const doc = meta.data;
  const editable = doc.access === "edit";
  return (
    <div className="page">
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={`/d/${doc.id}`}>{doc.title}</Link>
          </li>
          <li>
            <span aria-current="page">{t("breadcrumb")}</span>
          </li>
        </ol>
      </nav>
      <h1>{t("title", { title: doc.title })}</h1>
      <p>{t("intro")}</p>
      {editable ? <NameVersion documentId={doc.id} /> : null}
      {versions.data.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <>
          <CompareForm versions={versions.data} onCompare={setCompare} />
          {restoring ? (
            <RestorePanel
              key={restoring.id}
              documentId={doc.id}
              version={restoring}
              onCancel={() => setRestoring(null)}
            />
          ) : null}
          <div className="history-scroll">
            <table className="history-table">
              <thead>
                <tr>
                  <th scope="col">{t("columns.number")}</th>
                  <th scope="col">{t("columns.kind")}</th>
                  <th scope="col">{t("columns.name")}</th>
                  <th scope="col">{t("columns.author")}</th>
                  <th scope="col">{t("columns.date")}</th>
                  <th scope="col">{t("columns.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {versions.data.map((version) => (
                  <tr key={version.id}>
                    <td>{version.number}</td>
                    <td>{t(`kinds.${version.kind}`)}</td>
                    <td>{version.name ?? t("unnamed")}</td>
                    <td>{version.authorName ?? t("system")}</td>
                    <td>
                      <time dateTime={version.createdAt}>
                        {formatDate(version.createdAt, i18n.language)}{" "}
                        {new Date(version.createdAt).toLocaleTimeString(i18n.language, {
                          hour: "2-digit",
                          minute: "2-digit",
                        })}
                      </time>
                    </td>
                    <td>
                      <VersionActions
                        documentId={doc.id}
                        version={version}
                        onDiff={() => setCompare({ from: version.id, to: CURRENT })}
                        onRestore={editable ? () => setRestoring(version) : undefined}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {compare ? <Comparison documentId={doc.id} {...compare} /> : null}
    </div>
  );
}

function NameVersion({ documentId }: { documentId: string }) {
  const { t } = useTranslation("history");
  const { t: core } = useTranslation();
  const name = useNameVersion(documentId);
  const [value, setValue] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    name.mutate(value, { onSuccess: () => setValue("") });
  };
  return (
    <form className="form card" onSubmit={submit}>
      <fieldset>
        <legend>{t("name.legend")}</legend>
        <TextField
          label={t("name.label")}
          hint={t("name.hint")}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          required
          maxLength={200}
        />
        <FormError error={name.isError ? errorMessage(name.error, core) : null} />
        {name.isSuccess ? (
          <Notice tone="success">{t("name.saved", { number: name.data.number })}</Notice>
        ) : null}
        <FormActions busy={name.isPending} label={t("name.submit")} busyLabel={t("name.saving")} />
      </fieldset>
    </form>
  );
}

function CompareForm({
  versions,
  onCompare,
}: {
  versions: readonly VersionView[];
  onCompare(compare: { from: string; to: string }): void;
}) {
  const { t } = useTranslation("history");
  const [from, setFrom] = useState(versions[0]?.id ?? "");
  const [to, setTo] = useState(CURRENT);
  const options = versions.map((version) => (
    <option key={version.id} value={version.id}>
      {t("compare.version", { number: version.number })}
      {version.name ? ` — ${version.name}` : ""}
    </option>
  ));
  return (
    <form
      className="form card"
      onSubmit={(event) => {
        event.preventDefault();
        onCompare({ from, to });
      }}
    >
      <fieldset>
        <legend>{t("compare.legend")}</legend>
        <SelectField
          label={t("compare.from")}
          value={from}
          onChange={(event) => setFrom(event.target.value)}
        >
          {options}
        </SelectField>
        <SelectField
          label={t("compare.to")}
          value={to}
          onChange={(event) => setTo(event.target.value)}
        >
          <option value={CURRENT}>{t("compare.current")}</option>
          {options}
        </SelectField>
        <div className="form__actions">
          <button type="submit" className="button button--secondary">
            {t("compare.submit")}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

function VersionActions({
  documentId,
  version,
  onDiff,
  onRestore,
}: {
  documentId: string;
  version: VersionView;
  onDiff(): void;
  /** Absent for those who only read. */
  onRestore?(): void;
}) {
  const { t } = useTranslation("history");
  return (
    <div className="history-table__actions">
      <button type="button" className="button button--secondary button--small" onClick={onDiff}>
        {t("compare.showDiff")}
      </button>
      {formats.map((format) => (
        <a
          key={format}
          href={versionExportUrl(documentId, version.id, format)}
          download
          aria-label={t("export", { number: version.number, format: format.toUpperCase() })}
        >
          {format.toUpperCase()}
        </a>
      ))}
      {onRestore ? (
        <button type="button" className="button button--ghost button--small" onClick={onRestore}>
          {t("restore.button", { number: version.number })}
        </button>
      ) : null}
    </div>
  );
}

/** Restoring asks first, outside the table, and then says which version keeps the text before. */
function RestorePanel({
  documentId,
  version,
  onCancel,
}: {
  documentId: string;
  version: VersionView;
  onCancel(): void;
}) {
  const { t } = useTranslation("history");
  const { t: core } = useTranslation();
  const restore = useRestoreVersion(documentId);
  const titleId = useId();
  if (restore.isSuccess) {
    return (
      <Notice tone="success">
        {t("restore.done", {
          number: restore.data.restored.number,
          before: restore.data.preRestore.number,
        })}
      </Notice>
    );
  }
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("restore.button", { number: version.number })}</h2>
      <p>{t("restore.confirm", { number: version.number })}</p>
      <div className="form__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={restore.isPending}
          onClick={() => restore.mutate(version.id)}
        >
          {t("restore.yes")}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t("restore.no")}
        </button>
      </div>
      {restore.isError ? <FormError error={errorMessage(restore.error, core)} /> : null}
    </section>
  );
}
