/** The diff between two versions, or a version and the live text, fetched then shown. */
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../lib/errors";
import { QueryStatus } from "../../ui/kit";
import { DiffView } from "./DiffView";
import { useDocumentState } from "./queries";
import "./strings";

/** The live text, where a version id is expected. */
export const CURRENT = "current";

export function Comparison({
  documentId,
  from,
  to,
  fromDocumentId = documentId,
}: {
  documentId: string;
  from: string;
  to: string;
  /** Where `from` is a version of (an amendment compares with its charter's base). */
  fromDocumentId?: string;
}) {
  const { t } = useTranslation("history");
  const { t: core } = useTranslation();
  const before = useDocumentState(fromDocumentId, from);
  const after = useDocumentState(documentId, to === CURRENT ? null : to);
  if (before.isError || after.isError) {
    return (
      <QueryStatus
        query={before.isError ? before : after}
        describe={(error) => errorMessage(error, core)}
      />
    );
  }
  if (!before.data || !after.data) return <p role="status">{t("diff.loading")}</p>;
  return <DiffView before={before.data} after={after.data} />;
}
