/**
 * `/desabonnement/:token`: where an e-mail's unsubscribe link leads a person (no session
 * needed). Following the link changes nothing; the button does, once.
 */
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { isApiError } from "../../lib/api";
import { useProblem } from "../../lib/errors";
import { Notice, useDocumentTitle } from "../../ui/kit";
import { useUnsubscribe } from "./queries";
import "./strings";

export function UnsubscribePage() {
  const { t } = useTranslation("notifications");
  const problem = useProblem();
  const { token = "" } = useParams();
  useDocumentTitle(t("unsubscribe.title"));
  const unsubscribe = useUnsubscribe();
  const failure = unsubscribe.error;
  return (
    <div className="page page--narrow">
      <h1>{t("unsubscribe.title")}</h1>
      {unsubscribe.data ? (
        <Notice tone="success">
          {t("unsubscribe.done", {
            kinds: unsubscribe.data.kinds.map((kind) => t(`kinds.${kind}`)).join(", "),
          })}
        </Notice>
      ) : (
        <>
          <p className="lead">{t("unsubscribe.intro")}</p>
          <button
            type="button"
            className="button button--primary"
            disabled={unsubscribe.isPending || failure !== null}
            onClick={() => unsubscribe.mutate(token)}
          >
            {t("unsubscribe.confirm")}
          </button>
        </>
      )}
      {failure ? (
        <Notice tone="error">
          {isApiError(failure, 410)
            ? t("unsubscribe.used")
            : isApiError(failure, 404)
              ? t("unsubscribe.unknown")
              : problem(failure)}
        </Notice>
      ) : null}
      <p>
        <Link to="/compte/notifications">{t("unsubscribe.settings")}</Link>
      </p>
    </div>
  );
}
