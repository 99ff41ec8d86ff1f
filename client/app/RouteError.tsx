/** What a page shows when it fails to load or render, instead of a blank screen. */
import { useTranslation } from "react-i18next";
import { isRouteErrorResponse, Link, useRouteError } from "react-router";
import { errorMessage } from "../lib/errors";
import { DeadEnd, useDocumentTitle } from "../ui/kit";

export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const title = notFound ? t("errors.notFoundTitle") : t("errors.pageTitle");
  useDocumentTitle(title);
  const detail = error instanceof Error ? error.message : undefined;
  return (
    <div className="page page--narrow">
      <h1>{title}</h1>
      <div className="notice notice--error" role="alert">
        <p>{notFound ? t("errors.notFound") : errorMessage(error, t)}</p>
        {detail ? <p className="muted small">{t("errors.details", { message: detail })}</p> : null}
      </div>
      <p className="actions">
        <Link to="/" className="button button--secondary">
          {t("common.backHome")}
        </Link>
        <button type="button" className="button button--ghost" onClick={() => location.reload()}>
          {t("errors.reload")}
        </button>
      </p>
    </div>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  useDocumentTitle(t("errors.notFoundTitle"));
  return (
    <DeadEnd title={t("errors.notFoundTitle")}>
      <p>{t("errors.notFound")}</p>
    </DeadEnd>
  );
}
